import { useMemo } from 'react';
import { readCatalog, type FactInfo } from '../model/fact-catalog';
import { useOptionalResource } from './rule-set-hooks';

/**
 * The fact catalog from GET /api/v1/facts, or null while it loads or when this server has none yet; callers then
 * fall back to the rule set's declared inputs and the facts it uses (buildFactIndex).
 */
export function useFactCatalog(): { catalog: FactInfo[] | null; loading: boolean } {
  const state = useOptionalResource<unknown>('/api/v1/facts');
  const catalog = useMemo(() => (state.status === 'ready' ? readCatalog(state.data) : null), [state]);
  return { catalog, loading: state.status === 'loading' };
}
