import type { DailySeries } from '../../dashboard/daily-series';

/** One day's approval rate among credit decisions (approve, refer, decline); null on a day without any. */
export interface RatePoint {
  day: string;
  rate: number | null;
  decisions: number;
}

const CREDIT = ['approve', 'refer', 'decline'];

/**
 * Approval rate per day: approvals over the credit decisions of that day. Other rule sets' outcomes (segments,
 * signals) are left out, as they are not answers to a credit request.
 */
export function approvalRates(series: DailySeries): RatePoint[] {
  return series.days.map((d) => {
    const decisions = CREDIT.reduce((s, o) => s + (d.counts[o] ?? 0), 0);
    return { day: d.day, decisions, rate: decisions ? (d.counts.approve ?? 0) / decisions : null };
  });
}

/** The rate over the whole window (not the mean of daily rates, which would weigh a quiet day like a busy one). */
export function overallRate(points: RatePoint[]): number | null {
  const total = points.reduce((s, p) => s + p.decisions, 0);
  if (!total) return null;
  return points.reduce((s, p) => s + (p.rate ?? 0) * p.decisions, 0) / total;
}
