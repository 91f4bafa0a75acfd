import type { Project, ProjectPeriod } from './client-project';
import { derive } from './derive';
import { DEFAULT_PARAMS } from './params';
import { coverRatios, dscrSummary, npv, projectFacts } from './project-finance';

/** domain.md §2.4: annual periods, 6 %, debt service 100 in years 1–5, CFADS with a three-year tail. */
const CFADS = [130, 135, 140, 120, 150, 150, 145, 140];
const RATE = 0.06;

/** Splits the level debt service of 100 into interest and principal on the amortising balance (PV of DS at 6 %). */
function examplePeriods(withDates = false): ProjectPeriod[] {
  let balance = npv([100, 100, 100, 100, 100], RATE);
  return CFADS.map((cfads, i) => {
    const periodEnd = withDates ? `${2026 + i}-12-31` : undefined;
    if (i >= 5) return { cfads, ...(periodEnd ? { periodEnd } : {}) };
    const seniorInterest = balance * RATE;
    const seniorPrincipal = 100 - seniorInterest;
    balance -= seniorPrincipal;
    return { cfads, seniorInterest, seniorPrincipal, ...(periodEnd ? { periodEnd } : {}) };
  });
}

const project: Project = { sector: 'solar', seniorRate: RATE, lockupDscr: 1.25, defaultDscr: 1.05, equityRatio: 0.25, periods: examplePeriods() };

describe('domain.md §2.4 worked example', () => {
  const f = projectFacts(project, '2025-12-31', DEFAULT_PARAMS);

  it('debt at t0 = PV of debt service at 6 % = 421.2', () => {
    expect(npv([100, 100, 100, 100, 100], RATE)).toBeCloseTo(421.2, 1);
    expect(f.seniorDebtOutstanding.value).toBeCloseTo(421.2, 1);
  });

  it('DSCR minimum 1.20, average 1.35 by both methods', () => {
    expect(f.minDscr.value).toBeCloseTo(1.2, 10);
    expect(f.avgDscrMean.value).toBeCloseTo(1.35, 10);
    expect(f.avgDscrRatio.value).toBeCloseTo(1.35, 10);
  });

  it('NPV(CFADS 1–5) = 567.5 → LLCR 1.35; NPV(1–8) = 857.5 → PLCR 2.04', () => {
    const cr = coverRatios(project.periods, RATE, 421.2);
    expect(cr.npvLoanLife).toBeCloseTo(567.5, 1);
    expect(cr.npvProjectLife).toBeCloseTo(857.5, 1);
    expect(f.llcr.value).toBeCloseTo(1.35, 2);
    expect(f.plcr.value).toBeCloseTo(2.04, 2);
  });

  it('year 4 (DSCR 1.20) breaches the 1.25 lock-up but not the 1.05 default level', () => {
    expect(f.minDscrBelowLockup.value).toBe(true);
    expect(f.minDscrBelowDefault.value).toBe(false);
  });

  it('has no history before the first period', () => {
    expect(f.lastDscr.value).toBeNull();
    expect(f.lastDscr.reason).toMatch(/no past period/);
  });

  it('checks the equity ratio against the sector minimum (solar: other projects, 20 %)', () => {
    expect(f.projectEquityMinimum.value).toBe(0.2);
    expect(f.projectEquityShortfall.value).toBe(false);
  });
});

describe('history and the remaining tenor', () => {
  it('splits dated periods at the as-of date: lastDscr from history, the rest forward', () => {
    const dated: Project = { ...project, periods: examplePeriods(true).map((pp, i) => (i === 3 ? { ...pp, dsraDrawn: 5, dsraBalance: 45 } : pp)) };
    const { facts } = derive({ name: 'SPV', country: 'CN', industry: { section: 'D' }, project: dated }, { asOf: '2029-12-31' });
    expect(facts.lastDscr).toBeCloseTo(1.2, 10);
    expect(facts.lastDscrBelowLockup).toBe(true);
    expect(facts.lastDscrBelowDefault).toBe(false);
    expect(facts.dsraDrawn).toBe(true);
    expect(facts.dsraBalance).toBe(45);
    expect(facts.minDscr).toBeCloseTo(1.5, 10);
    // Remaining: year 5 with the tail; debt = year-5 principal = 100 / 1.06.
    expect(facts.seniorDebtOutstanding).toBeCloseTo(100 / 1.06, 6);
    expect(facts.llcr).toBeCloseTo(150 / 1.06 / (100 / 1.06), 6);
  });

  it('discounts semi-annual periods at the rate per period', () => {
    const semi: Project = { sector: 'toll_road', seniorRate: 0.06, periodsPerYear: 2, seniorDebtOutstanding: 100, periods: [{ cfads: 60, seniorInterest: 3, seniorPrincipal: 50 }, { cfads: 60, seniorInterest: 1.5, seniorPrincipal: 50 }] };
    const f = projectFacts(semi, '2025-01-01', DEFAULT_PARAMS);
    expect(f.llcr.value).toBeCloseTo((60 / 1.03 + 60 / 1.03 ** 2) / 100, 10);
  });

  it('gives null with a reason when there is no debt service or no project', () => {
    expect(dscrSummary([{ cfads: 10 }])).toBeNull();
    expect(projectFacts(undefined, '2025-01-01', DEFAULT_PARAMS).llcr.reason).toMatch(/no project-finance record/);
    const noDebt = projectFacts({ sector: 'hydro', seniorRate: 0.05, periods: [{ cfads: 10 }] }, '2025-01-01', DEFAULT_PARAMS);
    expect(noDebt.llcr.value).toBeNull();
    expect(noDebt.minDscr.reason).toMatch(/no remaining period/);
  });

  it('flags equity below the sector minimum (steel 40 %)', () => {
    const f = projectFacts({ sector: 'steel', seniorRate: 0.05, equityRatio: 0.3, periods: [] }, '2025-01-01', DEFAULT_PARAMS);
    expect(f.projectEquityMinimum.value).toBe(0.4);
    expect(f.projectEquityShortfall.value).toBe(true);
  });
});
