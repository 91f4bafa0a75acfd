import { useCallback, useEffect, useState } from 'react';
import { http } from '../../../api/http';
import type { Alert } from '../../alerts/api/types';
import type { ClientAggregates, ClientSummary } from '../../clients/api/types';
import { dailyCounts, lastDays } from '../../dashboard/daily-counts';
import type { DecisionRecord } from '../../decisions/api/types';
import { countBySeverity, exposureByRegion, type SeverityCount } from '../model/alert-summary';
import { approvalRates, type RatePoint } from '../model/approval-rate';
import { readPages } from './read-pages';

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

/** Approval rate per day over the last TREND_DAYS days (counted from the decision log, at most 2,000 decisions). */
export function useApprovalTrend() {
  return useLoad<{ points: RatePoint[]; truncated: boolean }>(async (signal) => {
    const days = lastDays(TREND_DAYS, new Date());
    const [y, m, d] = days[0].split('-').map(Number);
    const from = new Date(y, m - 1, d).toISOString();
    const { items, truncated } = await readPages<DecisionRecord>(`/api/v1/decisions?from=${encodeURIComponent(from)}&limit=500`, 4, signal);
    return { points: approvalRates(dailyCounts(items, days)), truncated };
  }, 'trend');
}

/** Active alerts by severity with the overdue ones, for one owner or all (at most 2,000 alerts are counted). */
export function useAlertSummary(owner: string | null) {
  return useLoad<{ counts: SeverityCount[]; truncated: boolean }>(async (signal) => {
    const q = new URLSearchParams({ status: 'active', limit: '500' });
    if (owner) q.set('owner', owner);
    const { items, truncated } = await readPages<Alert>(`/api/v1/alerts?${q.toString()}`, 4, signal);
    return { counts: countBySeverity(items, new Date()), truncated };
  }, `alerts:${owner ?? ''}`);
}

export function useAggregates() {
  return useLoad<ClientAggregates>((signal) => http.get<ClientAggregates>('/api/v1/clients/aggregates', { signal }), 'aggregates');
}

/**
 * Exposure by region. The aggregates have no region breakdown yet, so the client list is read (at most 5,000
 * clients); when the server adds `byProvince` to the aggregates, that is used instead.
 */
export function useRegionExposure(aggregates: ClientAggregates | null) {
  const byProvince = aggregates?.byProvince ?? null;
  return useLoad<{ rows: { key: string; count: number; exposure: number }[]; truncated: boolean }>(async (signal) => {
    if (byProvince) return { rows: byProvince.map((b) => ({ key: b.key ?? '—', count: b.count, exposure: b.exposure })), truncated: false };
    const { items, truncated } = await readPages<ClientSummary>('/api/v1/clients?limit=500', 10, signal);
    return { rows: exposureByRegion(items), truncated };
  }, byProvince ? 'aggregates' : 'list');
}

/** The user's overdue alerts, most urgent first (the server lists newest first; the widget sorts by due day). */
export function useMyOverdue(owner: string | null) {
  return useLoad<Alert[] | null>(async (signal) => {
    if (!owner) return null;
    const page = await http.get<{ items: Alert[] }>(`/api/v1/alerts?owner=${encodeURIComponent(owner)}&status=active&overdue=true&limit=50`, { signal });
    return [...page.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || severityRank(a.severity) - severityRank(b.severity));
  }, `overdue:${owner ?? ''}`);
}

function severityRank(s: string): number {
  return ['red', 'orange', 'yellow', 'blue'].indexOf(s);
}
