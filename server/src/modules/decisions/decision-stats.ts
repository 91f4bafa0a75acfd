/**
 * Decisions per UTC day by outcome, for the dashboard: the range a request asks for, and the store's groups turned
 * into one entry per day (days without decisions included). Pure, so the calendar arithmetic is tested alone.
 */
import { ValidationError } from '../../shared/errors';
import type { DayOutcomeCount } from './decision-log-store';

/** The window when the caller names none: the last 30 days, today (UTC) included. */
export const DEFAULT_STATS_DAYS = 30;
/** A year, leap day included: enough for a year-on-year look, small enough to answer from the index quickly. */
export const MAX_STATS_DAYS = 366;

export interface DayStats {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  total: number;
  /** Every outcome seen in the range, zeros included, so each day has the same keys. */
  byOutcome: Record<string, number>;
  /** Decisions without an outcome (a rule set whose outputs were all null). */
  noOutcome: number;
}

export interface DecisionStats {
  from: string;
  to: string;
  ruleSetKey: string | null;
  total: number;
  /** The outcomes seen in the range, most frequent first. */
  outcomes: string[];
  days: DayStats[];
}

const DAY_MS = 86_400_000;
const ms = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const dayAt = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The inclusive day range of a request: `to` defaults to `today`, `from` to DEFAULT_STATS_DAYS days ending at `to`.
 * `from` after `to`, or more than MAX_STATS_DAYS days, is a 422 naming the field.
 */
export function statsRange(q: { from?: string; to?: string }, today: string): { from: string; to: string; days: number } {
  const to = q.to ?? today;
  const from = q.from ?? dayAt(ms(to) - (DEFAULT_STATS_DAYS - 1) * DAY_MS);
  const days = Math.round((ms(to) - ms(from)) / DAY_MS) + 1;
  if (days < 1) throw new ValidationError('The query string is not valid: 1 problem.', [{ pointer: '/from', code: 'range', message: `must be on or before to (${to}); it was ${from}` }]);
  if (days > MAX_STATS_DAYS)
    throw new ValidationError('The query string is not valid: 1 problem.', [
      { pointer: q.from === undefined ? '/to' : '/from', code: 'range', message: `from ${from} to ${to} is ${days} days; ask for at most ${MAX_STATS_DAYS}` },
    ]);
  return { from, to, days };
}

/** The evaluatedAt bounds of an inclusive day range: from its first instant to the first instant after it. */
export function instantsOf(range: { from: string; to: string }): { from: string; to: string } {
  return { from: new Date(ms(range.from)).toISOString(), to: new Date(ms(range.to) + DAY_MS).toISOString() };
}

/** One entry per day of the range, oldest first, from the groups the store counted (any order, no empty groups). */
export function dailyStats(range: { from: string; to: string; days: number }, ruleSetKey: string | null, groups: DayOutcomeCount[]): DecisionStats {
  const volume = new Map<string, number>();
  for (const g of groups) if (g.outcome !== null) volume.set(g.outcome, (volume.get(g.outcome) ?? 0) + g.count);
  const outcomes = [...volume.keys()].sort((a, b) => volume.get(b)! - volume.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const days = new Map<string, DayStats>();
  for (let i = 0; i < range.days; i++) {
    const day = dayAt(ms(range.from) + i * DAY_MS);
    days.set(day, { day, total: 0, byOutcome: Object.fromEntries(outcomes.map((o) => [o, 0])), noOutcome: 0 });
  }
  let total = 0;
  for (const g of groups) {
    const d = days.get(g.day);
    if (!d) continue; // cannot happen with the bounds of instantsOf; a store that strays is not trusted to add up
    d.total += g.count;
    total += g.count;
    if (g.outcome === null) d.noOutcome += g.count;
    else d.byOutcome[g.outcome] += g.count;
  }
  return { from: range.from, to: range.to, ruleSetKey, total, outcomes, days: [...days.values()] };
}
