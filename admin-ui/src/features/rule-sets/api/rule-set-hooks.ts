import { useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { ruleSetPath, versionPath } from './rule-set-api';
import type { AuditPage, PublishReport, RuleSetDetail, RuleSetDiff, RuleSetSummary, RuleSetVersion, StaticAnalysis } from './types';

/** Read hooks for the rule-set pages: one per resource, each a thin wrapper naming the path and the type. */

export const useRuleSetList = () => useApiResource<{ items: RuleSetSummary[] }>('/api/v1/rule-sets');

export const useRuleSetDetail = (key: string) => useApiResource<RuleSetDetail>(ruleSetPath(key));

export const useVersion = (key: string, version: number | null) => useApiResource<RuleSetVersion>(version === null ? null : versionPath(key, version));

/** Fetches `path` again whenever `refreshKey` changes (e.g. the revision after a save). */
function useRefreshed<T>(path: string | null, refreshKey: unknown) {
  const resource = useApiResource<T>(path);
  const seen = useRef(refreshKey);
  const { reload } = resource;
  useEffect(() => {
    if (Object.is(seen.current, refreshKey)) return;
    seen.current = refreshKey;
    reload();
  }, [refreshKey, reload]);
  return resource;
}

/** What would stop this version being published; fetched again after every save (`revision`). */
export const usePublishCheck = (key: string, version: number, revision: number | null) =>
  useRefreshed<PublishReport>(revision === null ? null : `${versionPath(key, version)}/publish-check`, revision);

export const useDiff = (key: string, from: number | null, to: number | null) =>
  useApiResource<RuleSetDiff>(from === null || to === null ? null : `${ruleSetPath(key)}/diff?from=${from}&to=${to}`);

export const useAuditTrail = (key: string, enabled: boolean, cursor: string | null) =>
  useApiResource<AuditPage>(enabled ? `/api/v1/audit?entity=${encodeURIComponent(key)}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}` : null);

export type OptionalState<T> = { status: 'loading' } | { status: 'absent' } | { status: 'ready'; data: T };

/**
 * A GET for an endpoint that may not exist on this server yet (static analysis, the fact catalog are landing
 * separately): 404 means "absent", not an error, so the page works before and after they arrive. Other failures are
 * also treated as absent — these are enrichments, never the page's main content.
 */
export function useOptionalResource<T>(path: string | null, refreshKey?: unknown): OptionalState<T> {
  const [state, setState] = useState<OptionalState<T>>({ status: 'loading' });
  useEffect(() => {
    if (path === null) {
      setState({ status: 'absent' });
      return;
    }
    const controller = new AbortController();
    setState({ status: 'loading' });
    http.get<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: 'ready', data }),
      () => controller.signal.aborted || setState({ status: 'absent' }),
    );
    return () => controller.abort();
  }, [path, refreshKey]);
  return state;
}

export const useStaticAnalysis = (key: string, version: number, revision: number | null) =>
  useOptionalResource<StaticAnalysis>(revision === null ? null : `${versionPath(key, version)}/analysis`, revision);
