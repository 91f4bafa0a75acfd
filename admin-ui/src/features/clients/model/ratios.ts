import type { Statement } from '../api/types';

/**
 * Ratios per statement, for the client page's quarter-by-quarter charts. The formulas are those of the fact
 * catalog (docs/facts.md §2.1), applied to each statement on its own: balance-sheet ratios are identical to the
 * derived facts for that period; flow ratios use the statement's year-to-date flows (a ratio of two YTD flows needs
 * no annualising), where the derived facts use trailing twelve months. The page shows today's derived values
 * beside the series so the two are never confused.
 */

export const RATIOS = ['currentRatio', 'quickRatio', 'debtToAsset', 'interestCoverage', 'netMargin', 'cashToShortTermDebt'] as const;
export type RatioName = (typeof RATIOS)[number];

/** How each ratio is shown: a multiple (1.25×) or a share (52.6 %); the threshold line many credit policies watch. */
export const RATIO_DISPLAY: Record<RatioName, { kind: 'times' | 'percent'; reference?: number }> = {
  currentRatio: { kind: 'times', reference: 1 },
  quickRatio: { kind: 'times', reference: 0.5 },
  debtToAsset: { kind: 'percent', reference: 0.7 },
  interestCoverage: { kind: 'times', reference: 1.5 },
  netMargin: { kind: 'percent' },
  cashToShortTermDebt: { kind: 'times', reference: 0.5 },
};

export type RatioRow = { periodEnd: string; scope: string | null } & Record<RatioName, number | null>;

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function over(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return a / b;
}

function plus(...xs: (number | null)[]): number | null {
  if (xs.every((x) => x === null)) return null;
  return xs.reduce<number>((s, x) => s + (x ?? 0), 0);
}

export function statementRatios(s: Statement): RatioRow {
  const tca = num(s.totalCurrentAssets);
  const tcl = num(s.totalCurrentLiabilities);
  const ie = num(s.interestExpense);
  const totalProfit = num(s.totalProfit);
  const ebit = totalProfit === null || ie === null ? null : totalProfit + ie - (num(s.interestIncome) ?? 0);
  return {
    periodEnd: s.periodEnd,
    scope: typeof s.scope === 'string' ? s.scope : null,
    currentRatio: over(tca, tcl),
    quickRatio: over(tca === null ? null : tca - (num(s.inventory) ?? 0), tcl),
    debtToAsset: over(num(s.totalLiabilities), num(s.totalAssets)),
    interestCoverage: ie === null || ie <= 0 ? null : over(ebit, ie),
    netMargin: over(num(s.netProfit), num(s.revenue)),
    cashToShortTermDebt: over(num(s.cash), plus(num(s.stBorrowings), num(s.currentPortionLtd))),
  };
}

/**
 * One statement per period, oldest first: the consolidated one where a period has both consolidated and parent-only
 * statements (the fact catalog reads consolidated first too).
 */
export function statementsByPeriod(statements: Statement[]): Statement[] {
  const byPeriod = new Map<string, Statement>();
  for (const s of statements) {
    const have = byPeriod.get(s.periodEnd);
    if (!have || (have.scope !== 'consolidated' && s.scope === 'consolidated')) byPeriod.set(s.periodEnd, s);
  }
  return [...byPeriod.values()].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
}

export function ratioSeries(statements: Statement[]): RatioRow[] {
  return statementsByPeriod(statements).map(statementRatios);
}

/** "2026-09-30" → "2026 Q3" (a quarter end), else the date itself. */
export function periodLabel(periodEnd: string): string {
  const m = /^(\d{4})-(03-31|06-30|09-30|12-31)$/.exec(periodEnd);
  if (!m) return periodEnd;
  return `${m[1]} Q${['03-31', '06-30', '09-30', '12-31'].indexOf(m[2]) + 1}`;
}
