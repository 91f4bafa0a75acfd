import { useCallback, useEffect, useState } from 'react';
import { http } from '../../../api/http';
import type { Alert, AlertSummary } from '../../alerts/api/types';
import type { ClientAggregates } from '../../clients/api/types';
import { lastDaysQuery, seriesOf } from '../../dashboard/daily-series';
import type { DecisionStats } from '../../decisions/api/types';
import { approvalRates, type RatePoint } from '../model/approval-rate';

/** Data hooks of the dashboard's portfolio widgets. Each reads on mount and again on `reload`. */

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; data: T };

function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const c = new AbortController();
    setState({ status: 'loading' });
    load(c.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => c.signal.aborted || setState({ status: 'error', error }),
    );
    return () => c.abort();
    // `key` names everything `load` depends on; `load` itself is a new function on every render.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

export const TREND_DAYS = 30;

/** Approval rate per UTC day over the last TREND_DAYS days, from the server's counts of the whole decision log. */
export function useApprovalTrend() {
  return useLoad<RatePoint[]>(async (signal) => {
    const stats = await http.get<DecisionStats>(`/api/v1/decisions/stats?${lastDaysQuery(TREND_DAYS, new Date())}`, { signal });
    return approvalRates(seriesOf(stats));
  }, 'trend');
}

const summaryPath = (owner: string | null) => `/api/v1/alerts/summary${owner ? `?owner=${encodeURIComponent(owner)}` : ''}`;

/** Active alerts by severity with the overdue ones, for one owner or all, counted by the server. */
export function useAlertSummary(owner: string | null) {
  return useLoad<AlertSummary>((signal) => http.get<AlertSummary>(summaryPath(owner), { signal }), `alerts:${owner ?? ''}`);
}

export function useAggregates() {
  return useLoad<ClientAggregates>((signal) => http.get<ClientAggregates>('/api/v1/clients/aggregates', { signal }), 'aggregates');
}

/**
 * The user's overdue alerts, most urgent first, and how many there are. The list is one page (the server lists
 * newest first; the widget sorts by due day); the count comes from the summary, so it holds past that page.
 */
export function useMyOverdue(owner: string | null) {
  return useLoad<{ items: Alert[]; overdue: number } | null>(async (signal) => {
    if (!owner) return null;
    const [page, summary] = await Promise.all([
      http.get<{ items: Alert[] }>(`/api/v1/alerts?owner=${encodeURIComponent(owner)}&status=active&overdue=true&limit=50`, { signal }),
      http.get<AlertSummary>(summaryPath(owner), { signal }),
    ]);
    const items = [...page.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || severityRank(a.severity) - severityRank(b.severity));
    return { items, overdue: summary.overdue };
  }, `overdue:${owner ?? ''}`);
}

function severityRank(s: string): number {
  return ['red', 'orange', 'yellow', 'blue'].indexOf(s);
}
