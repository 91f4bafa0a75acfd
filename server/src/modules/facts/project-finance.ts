/**
 * Project-finance cover ratios, domain.md §2.4 (worked example: DSCR min 1.20 / avg 1.35, debt 421.2,
 * LLCR 1.35, PLCR 2.04, lock-up but no default in year 4).
 *
 * - Periods with periodEnd ≤ as-of are history (the last one with debt service gives lastDscr, the "historic
 *   DSCR" of signal F08); the rest, or all periods when none carries a date, are the remaining tenor.
 * - Discounting is end-of-period at the senior rate per period (seniorRate / periodsPerYear), the valuation point
 *   being the start of the first remaining period.
 * - Loan maturity = the last remaining period with scheduled debt service; periods after it are the "tail".
 */
import type { Project, ProjectPeriod } from './client-project';
import { type Computed, div, finite, isNum, none, ok } from './computed';
import type { DeriveParams } from './params';

/** Senior debt service of a period = interest + scheduled principal. */
export function debtService(pp: ProjectPeriod): number {
  return (isNum(pp.seniorInterest) ? pp.seniorInterest : 0) + (isNum(pp.seniorPrincipal) ? pp.seniorPrincipal : 0);
}

/** §2.4 period DSCR = CFADS_t / (senior interest_t + scheduled senior principal_t). */
export function periodDscr(pp: ProjectPeriod): Computed {
  return div(pp.cfads, debtService(pp), 'CFADS', 'senior debt service');
}

/** Net present value of end-of-period flows: Σ cf_k / (1 + r)^k, k = 1, 2, … */
export function npv(flows: number[], ratePerPeriod: number): number {
  return flows.reduce((acc, cf, i) => acc + cf / (1 + ratePerPeriod) ** (i + 1), 0);
}

export interface DscrSummary {
  min: number;
  /** (a) arithmetic mean of the period DSCRs. */
  mean: number;
  /** (b) ΣCFADS / ΣDS. */
  ratio: number;
}

/** §2.4 minimum and average DSCR over periods with debt service; both averaging methods ([DISAGREE] in §2.4). */
export function dscrSummary(periods: ProjectPeriod[]): DscrSummary | null {
  const withDs = periods.filter((pp) => debtService(pp) > 0);
  if (withDs.length === 0) return null;
  const ds = withDs.map((pp) => pp.cfads / debtService(pp));
  const sumCf = withDs.reduce((a, pp) => a + pp.cfads, 0);
  const sumDs = withDs.reduce((a, pp) => a + debtService(pp), 0);
  return { min: Math.min(...ds), mean: ds.reduce((a, b) => a + b, 0) / ds.length, ratio: sumCf / sumDs };
}

/**
 * §2.4 LLCR = NPV(CFADS to final loan maturity) / senior debt outstanding; PLCR = NPV(CFADS to the end of the
 * project life) / senior debt outstanding. `remaining` are the periods after the valuation point.
 */
export function coverRatios(remaining: ProjectPeriod[], ratePerPeriod: number, debt: number): { llcr: Computed; plcr: Computed; npvLoanLife: number; npvProjectLife: number } {
  let last = -1;
  remaining.forEach((pp, i) => {
    if (debtService(pp) > 0) last = i;
  });
  const cf = remaining.map((pp) => pp.cfads);
  const npvLoanLife = npv(cf.slice(0, last + 1), ratePerPeriod);
  const npvProjectLife = npv(cf, ratePerPeriod);
  const name = 'senior debt outstanding';
  return {
    llcr: last < 0 ? none('no remaining period has senior debt service') : div(npvLoanLife, debt, 'NPV of CFADS to loan maturity', name, { positiveDenominator: true }),
    plcr: div(npvProjectLife, debt, 'NPV of CFADS to the end of the project life', name, { positiveDenominator: true }),
    npvLoanLife,
    npvProjectLife,
  };
}

const FACTS = [
  'lastDscr',
  'minDscr',
  'avgDscrMean',
  'avgDscrRatio',
  'llcr',
  'plcr',
  'seniorDebtOutstanding',
  'lastDscrBelowLockup',
  'lastDscrBelowDefault',
  'minDscrBelowLockup',
  'minDscrBelowDefault',
  'llcrBelowMin',
  'dsraDrawn',
  'dsraBalance',
  'projectEquityRatio',
  'projectEquityMinimum',
  'projectEquityShortfall',
] as const;

export function projectFacts(project: Project | undefined, asOf: string, p: DeriveParams): Record<string, Computed<unknown>> {
  const out: Record<string, Computed<unknown>> = {};
  if (!project) {
    for (const k of FACTS) out[k] = none('the client has no project-finance record');
    return out;
  }
  const dated = project.periods.some((pp) => pp.periodEnd !== undefined);
  const history = dated ? project.periods.filter((pp) => pp.periodEnd !== undefined && pp.periodEnd <= asOf) : [];
  const remaining = dated ? project.periods.filter((pp) => pp.periodEnd === undefined || pp.periodEnd > asOf) : project.periods;
  const lastTested = [...history].reverse().find((pp) => debtService(pp) > 0);
  out.lastDscr = lastTested ? periodDscr(lastTested) : none('no past period with senior debt service on or before the as-of date');
  const sum = dscrSummary(remaining);
  const noRem = none('no remaining period has senior debt service');
  out.minDscr = sum ? ok(sum.min) : noRem;
  out.avgDscrMean = sum ? ok(sum.mean) : noRem;
  out.avgDscrRatio = sum ? ok(sum.ratio) : noRem;
  const principal = remaining.filter((pp) => isNum(pp.seniorPrincipal));
  const debt = isNum(project.seniorDebtOutstanding)
    ? ok(project.seniorDebtOutstanding)
    : principal.length
      ? finite(principal.reduce((a, pp) => a + (pp.seniorPrincipal as number), 0), 'remaining senior principal')
      : none('neither seniorDebtOutstanding nor remaining scheduled principal is given');
  out.seniorDebtOutstanding = debt;
  const perYear = isNum(project.periodsPerYear) && project.periodsPerYear > 0 ? project.periodsPerYear : 1;
  if (debt.value === null) out.llcr = out.plcr = debt;
  else {
    const cr = coverRatios(remaining, project.seniorRate / perYear, debt.value);
    out.llcr = cr.llcr;
    out.plcr = cr.plcr;
  }
  Object.assign(out, covenantFacts(project, out));
  const lastHist = history[history.length - 1];
  out.dsraDrawn = lastHist ? ok(isNum(lastHist.dsraDrawn) && lastHist.dsraDrawn > 0) : none('no past period on or before the as-of date');
  out.dsraBalance = lastHist && isNum(lastHist.dsraBalance) ? ok(lastHist.dsraBalance) : none('no DSRA balance in the latest past period');
  const min = isNum(project.equityMinimum) ? project.equityMinimum : p.equityMinimumBySector[project.sector];
  out.projectEquityMinimum = isNum(min) ? ok(min) : none(`no equity minimum for sector ${project.sector}`);
  out.projectEquityRatio = isNum(project.equityRatio) ? ok(project.equityRatio) : none('the project has no equity ratio');
  out.projectEquityShortfall = isNum(project.equityRatio) && isNum(min) ? ok(project.equityRatio < min) : none('equity ratio or sector minimum missing');
  return out;
}

function covenantFacts(project: Project, f: Record<string, Computed<unknown>>): Record<string, Computed<unknown>> {
  const below = (fact: string, level: number | undefined, levelName: string): Computed<unknown> => {
    const v = f[fact];
    if (v.value === null) return v;
    if (!isNum(level)) return none(`the project has no ${levelName} covenant`);
    return ok((v.value as number) < level);
  };
  return {
    lastDscrBelowLockup: below('lastDscr', project.lockupDscr, 'lock-up DSCR'),
    lastDscrBelowDefault: below('lastDscr', project.defaultDscr, 'default DSCR'),
    minDscrBelowLockup: below('minDscr', project.lockupDscr, 'lock-up DSCR'),
    minDscrBelowDefault: below('minDscr', project.defaultDscr, 'default DSCR'),
    llcrBelowMin: below('llcr', project.minLlcr, 'minimum LLCR'),
  };
}
