/** Decisions per day by outcome, for the dashboard chart. Pure, so the counting is tested without a server. */

export interface DayCounts {
  /** Local calendar day, `YYYY-MM-DD`. */
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
const NONE = '—';

export function localDay(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/** The last `n` local days ending with `today`'s, oldest first. */
export function lastDays(n: number, today: Date): string[] {
  return Array.from({ length: n }, (_, i) => localDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - (n - 1 - i))));
}

export function dailyCounts(items: { evaluatedAt: string; outcome: string | null }[], days: string[]): DailySeries {
  const byDay = new Map(days.map((day) => [day, { day, counts: {} as Record<string, number>, total: 0 }]));
  const volume = new Map<string, number>();
  let total = 0;
  for (const item of items) {
    const bucket = byDay.get(localDay(new Date(item.evaluatedAt)));
    if (!bucket) continue;
    const outcome = item.outcome ?? NONE;
    bucket.counts[outcome] = (bucket.counts[outcome] ?? 0) + 1;
    bucket.total++;
    total++;
    volume.set(outcome, (volume.get(outcome) ?? 0) + 1);
  }
  const outcomes = [...volume.keys()].sort((a, b) => {
    const ia = FIRST.indexOf(a);
    const ib = FIRST.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return (volume.get(b) ?? 0) - (volume.get(a) ?? 0) || a.localeCompare(b);
  });
  return { days: [...byDay.values()], outcomes, total };
}
