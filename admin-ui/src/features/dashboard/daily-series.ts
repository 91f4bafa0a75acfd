/**
 * Decisions per day by outcome as the dashboard draws them, from the server's counts (GET /api/v1/decisions/stats):
 * the server counts the whole log by UTC day, so the figures hold however many decisions there are.
 */
import type { DecisionStats } from '../decisions/api/types';

export interface DayCounts {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  counts: Record<string, number>;
  total: number;
}

export interface DailySeries {
  days: DayCounts[];
  /** Outcomes in stacking order: the credit outcomes first (approve, refer, decline), then the rest by volume. */
  outcomes: string[];
  total: number;
}

const FIRST = ['approve', 'refer', 'decline'];
/** The label of decisions without an outcome. */
export const NONE = '—';
const DAY_MS = 86_400_000;

/** The stats query for the last `n` UTC days ending with `now`'s. Both ends are sent, so the range never depends on which clock is ahead. */
export function lastDaysQuery(n: number, now: Date): string {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return `from=${day(now.getTime() - (n - 1) * DAY_MS)}&to=${day(now.getTime())}`;
}

export function seriesOf(stats: DecisionStats): DailySeries {
  const volume = new Map<string, number>();
  const days = stats.days.map((d) => {
    const counts: Record<string, number> = {};
    for (const [o, n] of Object.entries(d.byOutcome)) if (n) counts[o] = n;
    if (d.noOutcome) counts[NONE] = d.noOutcome;
    for (const [o, n] of Object.entries(counts)) volume.set(o, (volume.get(o) ?? 0) + n);
    return { day: d.day, counts, total: d.total };
  });
  const outcomes = [...volume.keys()].sort((a, b) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return (volume.get(b) ?? 0) - (volume.get(a) ?? 0) || a.localeCompare(b);
  });
  return { days, outcomes, total: stats.total };
}
