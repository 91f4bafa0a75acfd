/**
 * Flows from year-to-date statements (domain.md §2.1 "Annualise flow items for quarterly data … TTM is preferred";
 * portfolio-spec.md §4.3: P&L and cash flow are YTD, Q4 = full year).
 *
 *   fiscal quarter q of a statement = months since the last fiscal-year end / 3   (q = 4 at the year end)
 *   TTM_q      = YTD_q                                 when q = 4
 *              = YTD_q + FY_prev − YTD_q,prev           otherwise, where FY_prev is the last full fiscal year and
 *                                                      YTD_q,prev the same quarter one year earlier
 *   quarter_q  = YTD_q − YTD_(q−1)                      (quarter_1 = YTD_1)
 *   annualised = YTD_q × 4 / q                          fallback when TTM lacks a statement (params.annualiseWhenNoTtm)
 *
 * Statements are matched by month (`YYYY-MM`), so a period ending 2024-09-29 still counts as September 2024.
 * Only statements that existed on the as-of date are used: periodEnd ≤ as-of and, when given, reportDate ≤ as-of.
 */
import type { FlowField, Statement } from './client-statement';
import { FLOW_FIELDS } from './client-statement';
import { type Computed, isNum, none, ok } from './computed';
import { monthIndex, monthKeyFromIndex } from './dates';

export interface Timeline {
  /** Usable statements, oldest first. */
  statements: Statement[];
  latest: Statement | undefined;
  fyEndMonth: number;
  byMonth: Map<number, Statement>;
  /** Statements the as-of date excludes, for the explanation. */
  excluded: number;
}

export function buildTimeline(statements: Statement[] | undefined, asOf: string, fyEndMonth = 12): Timeline {
  const byMonth = new Map<number, Statement>();
  let excluded = 0;
  for (const s of statements ?? []) {
    if (s.periodEnd > asOf || (s.reportDate !== undefined && s.reportDate > asOf)) {
      excluded++;
      continue;
    }
    const k = monthIndex(s.periodEnd);
    const prev = byMonth.get(k);
    // Two statements for one month: the later-reported (a restatement) wins.
    if (!prev || (s.reportDate ?? '') >= (prev.reportDate ?? '')) byMonth.set(k, s);
  }
  const sorted = [...byMonth.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  return { statements: sorted, latest: sorted[sorted.length - 1], fyEndMonth, byMonth, excluded };
}

/** Fiscal quarter 1–4 of a period end, or null when the period does not end on a quarter boundary. */
export function fiscalQuarter(periodEnd: string, fyEndMonth: number): number | null {
  const month = Number(periodEnd.slice(5, 7));
  const since = (((month - fyEndMonth) % 12) + 12) % 12;
  if (since % 3 !== 0) return null;
  return since === 0 ? 4 : since / 3;
}

export function statementMonthsBack(t: Timeline, s: Statement, months: number): Statement | undefined {
  return t.byMonth.get(monthIndex(s.periodEnd) - months);
}

function label(t: Timeline, s: Statement, monthsBack: number): string {
  return monthKeyFromIndex(monthIndex(s.periodEnd) - monthsBack);
}

/** YTD value of a flow in a statement, or a reason. */
function ytd(t: Timeline, s: Statement | undefined, field: FlowField, monthsBack: number, anchor: Statement): Computed {
  if (!s) return none(`the statement for ${label(t, anchor, monthsBack)} is missing`);
  const v = s[field];
  return isNum(v) ? ok(v) : none(`${field} is missing in the statement for ${s.periodEnd}`);
}

/** Trailing-twelve-month value of a flow at statement `s` (see the file comment for the formula). */
export function ttmFlow(t: Timeline, s: Statement, field: FlowField, annualise: boolean): Computed {
  const q = fiscalQuarter(s.periodEnd, t.fyEndMonth);
  if (q === null) return none(`the statement for ${s.periodEnd} does not end a fiscal quarter`);
  const cur = ytd(t, s, field, 0, s);
  if (cur.value === null) return cur;
  if (q === 4) return ok(cur.value, `full fiscal year to ${s.periodEnd}`);
  const fy = ytd(t, statementMonthsBack(t, s, 3 * q), field, 3 * q, s);
  const prev = ytd(t, statementMonthsBack(t, s, 12), field, 12, s);
  if (fy.value !== null && prev.value !== null) {
    return ok(cur.value + fy.value - prev.value, `TTM = YTD ${s.periodEnd} + FY ${label(t, s, 3 * q)} − YTD ${label(t, s, 12)}`);
  }
  if (annualise) return ok((cur.value * 4) / q, `annualised YTD × 4/${q}: ${(fy.value === null ? fy : prev).reason}`);
  return none(`TTM needs the full prior year and the same quarter a year earlier: ${(fy.value === null ? fy : prev).reason}`);
}

/** Single-quarter value of a flow at statement `s`: YTD differences within the fiscal year. */
export function quarterFlow(t: Timeline, s: Statement, field: FlowField): Computed {
  const q = fiscalQuarter(s.periodEnd, t.fyEndMonth);
  if (q === null) return none(`the statement for ${s.periodEnd} does not end a fiscal quarter`);
  const cur = ytd(t, s, field, 0, s);
  if (cur.value === null || q === 1) return cur;
  const before = ytd(t, statementMonthsBack(t, s, 3), field, 3, s);
  if (before.value === null) return none(`the quarter needs the previous quarter's YTD: ${before.reason}`);
  return ok(cur.value - before.value);
}

/** TTM of every flow field at statement `s`. */
export function ttmFlows(t: Timeline, s: Statement, annualise: boolean): Record<FlowField, Computed> {
  const out = {} as Record<FlowField, Computed>;
  for (const f of FLOW_FIELDS) out[f] = ttmFlow(t, s, f, annualise);
  return out;
}

/**
 * Counts consecutive quarters, newest first, for which `test` holds on the quarterly value of `field`.
 * Stops at the first quarter that fails the test or cannot be computed; null if the newest quarter itself
 * cannot be computed.
 */
export function consecutiveQuarters(t: Timeline, field: FlowField, test: (v: number) => boolean): Computed {
  const latest = t.latest;
  if (!latest) return none('no financial statement on or before the as-of date');
  let count = 0;
  let s: Statement | undefined = latest;
  while (s) {
    const v = quarterFlow(t, s, field);
    if (v.value === null) {
      if (count === 0) return none(`the latest quarter's ${field} cannot be computed: ${v.reason}`);
      return ok(count, `history ends before ${s.periodEnd}: ${v.reason}`);
    }
    if (!test(v.value)) break;
    count++;
    s = statementMonthsBack(t, s, 3);
    if (!s) return ok(count, 'the run reaches the oldest statement');
  }
  return ok(count);
}
