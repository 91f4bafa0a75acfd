import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { decisionListPath, type DecisionFilters } from '../model/decision-filters';
import type { DecisionRecord, FactCatalog, OutputSpec, Replay, RuleSetListItem } from './types';
import { useCursorPages } from '../../../api/use-cursor-pages';

/** Read and action hooks of the decision pages. */

export const decisionPath = (id: string) => `/api/v1/decisions/${encodeURIComponent(id)}`;

export const useDecisionLog = (filters: DecisionFilters, limit?: number) => useCursorPages<DecisionRecord>(decisionListPath(filters, limit));

export const useDecision = (id: string) => useApiResource<DecisionRecord>(decisionPath(id));

/** Rule-set keys and names for the filter; the filter falls back to free text when this fails. */
export const useRuleSetOptions = () => useApiResource<{ items: RuleSetListItem[] }>('/api/v1/rule-sets');

/** The fact catalog labels facts; without it (an error, an old server) facts show by name. */
export function useFactCatalog(): FactCatalog | null {
  const catalog = useApiResource<FactCatalog>('/api/v1/facts');
  return catalog.status === 'ready' ? catalog.data : null;
}

/** The outputs the decision's exact version declares (labels, units); null until loaded or when it cannot be read. */
export function useVersionOutputs(key: string, version: number): Record<string, OutputSpec> | null {
  const v = useApiResource<{ document: { outputs?: Record<string, OutputSpec> } }>(`/api/v1/rule-sets/${encodeURIComponent(key)}/versions/${version}`);
  return v.status === 'ready' ? (v.data.document.outputs ?? null) : null;
}

export type ReplayState = { status: 'idle' } | { status: 'running' } | { status: 'error'; error: unknown } | { status: 'done'; replay: Replay };

/**
 * Replays a logged decision on demand: with the version it used (is it reproduced?) and today's active version
 * (what would change?). `trace` asks the server for explanations of both runs.
 */
export function useReplay(id: string) {
  const [state, setState] = useState<ReplayState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => setState({ status: 'idle' }), [id]);
  const run = useCallback(
    (trace: boolean) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ status: 'running' });
      http.get<Replay>(`${decisionPath(id)}/replay${trace ? '?trace=true' : ''}`, { signal: c.signal }).then(
        (replay) => setState({ status: 'done', replay }),
        (error: unknown) => c.signal.aborted || setState({ status: 'error', error }),
      );
    },
    [id],
  );
  return { state, run };
}
