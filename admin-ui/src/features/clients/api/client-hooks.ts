import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import type { RuleTrace } from '../../../components/explanation/trace-types';
import type { DecisionRecord } from '../../decisions/api/types';
import type { Page } from '../../../api/page';
import { useCursorPages } from '../../../api/use-cursor-pages';
import { clientListPath, type ClientFilters } from '../model/client-filters';
import type { ClientAggregates, ClientFacts, ClientRecord, ClientSummary, SegmentChange } from './types';

/** Read and action hooks of the client pages. */

export const clientPath = (id: string) => `/api/v1/clients/${encodeURIComponent(id)}`;

export const useClientList = (filters: ClientFilters) => useCursorPages<ClientSummary>(clientListPath(filters));

export const useClient = (id: string) => useApiResource<ClientRecord>(clientPath(id));

export const useClientFacts = (id: string) => useApiResource<ClientFacts>(`${clientPath(id)}/facts`);

export const useSegmentHistory = (id: string) => useCursorPages<SegmentChange>(`${clientPath(id)}/segment-history?limit=20`);

/** The client's latest decisions; read again whenever `attempt` changes (after "run a decision"). */
export function useClientDecisions(id: string, attempt = 0) {
  const resource = useApiResource<Page<DecisionRecord>>(`/api/v1/decisions?clientId=${encodeURIComponent(id)}&limit=20`);
  const { reload } = resource;
  useEffect(() => {
    if (attempt > 0) reload();
  }, [attempt, reload]);
  return resource;
}

/** Counts and exposure by class, tier, risk level and industry; `filter` takes the list API's parameter names. */
export function useClientAggregates(filter: Record<string, string> = {}) {
  const q = new URLSearchParams(filter).toString();
  return useApiResource<ClientAggregates>(`/api/v1/clients/aggregates${q ? `?${q}` : ''}`);
}

export interface DecisionRun {
  decisionId: string;
  ruleSet: { key: string; version: number; contentHash: string };
  outputs: Record<string, unknown>;
  firedRules: { name: string; priority: number; event: { type: string; params?: Record<string, unknown> } }[];
  reasons: unknown[];
  warnings?: { code: string; message: string }[];
  trace?: RuleTrace[];
  evaluatedAt: string;
  latencyMs: number;
}

export type RunState = { status: 'idle' } | { status: 'running' } | { status: 'error'; error: unknown } | { status: 'done'; run: DecisionRun };

/** Runs the active version of a rule set for a stored client (facts derived by the register), with a trace. */
export function useRunDecision(clientId: string) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);
  const run = useCallback(
    (ruleSetKey: string) => {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setState({ status: 'running' });
      http.post<DecisionRun>(`/api/v1/decisions/${encodeURIComponent(ruleSetKey)}`, { clientId, trace: true }, { signal: c.signal }).then(
        (r) => setState({ status: 'done', run: r }),
        (error: unknown) => c.signal.aborted || setState({ status: 'error', error }),
      );
    },
    [clientId],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, run, reset };
}
