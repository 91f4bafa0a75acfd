import type { ClientProfile } from './client-profile';
import { derive } from './derive';
import manufacturer from './fixtures/manufacturer-2024.json';
import { DEFAULT_PARAMS } from './params';
import { financialRatios, interestBearingDebt } from './ratios';
import { buildTimeline, ttmFlows } from './ttm';

const profile = manufacturer as ClientProfile;
const asOf = '2025-04-30';

describe('domain.md §2.2 worked example (every row of the ratio table)', () => {
  const { facts, reasons } = derive(profile, { asOf });

  it.each([
    ['currentRatio', 1.5, 2, '450 / 300 = 1.50'],
    ['quickRatio', 0.97, 2, '(450 − 160) / 300 = 0.97'],
    ['quickRatioCashAr', 0.87, 2, 'cash + AR variant: 0.87'],
    ['debtToAsset', 0.62, 4, '620 / 1,000 = 62 %'],
    ['tlToEquity', 1.63, 2, '620 / 380 = 1.63'],
    ['ibdToEquity', 1.05, 2, '400 / 380 = 1.05'],
    ['interestCoverage', 3.67, 2, '110 / 30 = 3.67×'],
    ['netMargin', 0.0545, 4, '60 / 1,100 = 5.45 %'],
    ['roe', 0.167, 3, '60 / 360 = 16.7 %'],
    ['roeClosing', 0.158, 3, 'on closing equity: 15.8 %'],
    ['roa', 0.0625, 4, '60 / 960 = 6.25 %'],
    ['receivablesTurnover', 6.47, 2, '1,100 / 170 = 6.47×'],
    ['dso', 56.4, 1, '365 / 6.47 = 56.4 days'],
    ['inventoryTurnover', 5.33, 2, '800 / 150 = 5.33×'],
    ['dio', 68.4, 1, '68.4 days'],
    ['revenueGrowth', 0.1, 4, '1,100 / 1,000 − 1 = 10 %'],
    ['cfoToCurrentLiabilities', 0.32, 2, '95 / 300 = 0.32'],
    ['netDebtToEbitda', 2.13, 2, '(400 − 80) / 150 = 2.13×'],
  ])('%s ≈ %d (%s)', (name, expected, digits) => {
    expect(reasons[name]).toBeUndefined();
    expect(facts[name]).toBeCloseTo(expected as number, digits as number);
  });

  it('builds EBIT, EBITDA and interest-bearing debt as §2.2 states them', () => {
    expect(facts.ebit).toBe(110);
    expect(facts.ebitda).toBe(150);
    expect(facts.interestBearingDebt).toBe(400);
    expect(facts.netDebt).toBe(320);
    expect(facts.debtToEbitda).toBeCloseTo(400 / 150, 10);
  });

  it('computes the SASAC EBIT-type ROA = (total profit + interest) / avg TA', () => {
    expect(facts.roaEbit).toBeCloseTo(110 / 960, 10);
  });

  it('uses full-year figures when the latest statement ends the fiscal year', () => {
    expect(facts.flowBasis).toBe('ttm');
    expect(facts.revenueTtm).toBe(1100);
  });
});

describe('ratio edge cases', () => {
  const base = manufacturer.statements[1];
  const ratiosOf = (over: Record<string, unknown>, opening?: Record<string, unknown>) => {
    const statements = [{ ...base, ...over }, ...(opening ? [{ ...manufacturer.statements[0], ...opening }] : [])] as ClientProfile['statements'];
    const t = buildTimeline(statements, '2025-12-31');
    const s = t.latest!;
    return financialRatios({ closing: s, opening: t.byMonth.get(2023 * 12 + 11), flows: ttmFlows(t, s, true) }, DEFAULT_PARAMS);
  };

  it('a zero denominator gives null with a reason, never Infinity', () => {
    const r = ratiosOf({ totalCurrentLiabilities: 0 });
    expect(r.currentRatio).toEqual({ value: null, reason: 'total current liabilities is zero' });
  });

  it('refuses equity-based ratios when equity is negative', () => {
    const r = ratiosOf({ totalEquity: -10 });
    expect(r.tlToEquity.value).toBeNull();
    expect(r.tlToEquity.reason).toMatch(/negative/);
    expect(r.roeClosing.value).toBeNull();
  });

  it('refuses net debt / EBITDA when EBITDA is negative, but keeps a negative interest coverage', () => {
    const r = ratiosOf({ totalProfit: -200, netProfit: -200 });
    expect(r.ebitda.value).toBe(-130);
    expect(r.netDebtToEbitda.value).toBeNull();
    expect(r.interestCoverage.value).toBeCloseTo(-170 / 30, 10);
  });

  it('falls back to the closing balance for averages, and says so', () => {
    const r = ratiosOf({});
    expect(r.roa.value).toBeCloseTo(60 / 1000, 10);
    expect(r.roa.note).toMatch(/closing total assets/);
  });

  it('counts missing debt components as zero but needs at least one', () => {
    expect(interestBearingDebt({ periodEnd: '2024-12-31', bondsPayable: 5 }).value).toBe(5);
    expect(interestBearingDebt({ periodEnd: '2024-12-31' }).value).toBeNull();
  });

  it('includes notes receivable in receivables turnover only when asked', () => {
    const t = buildTimeline([{ ...base, notesReceivable: 20 }, { ...manufacturer.statements[0], notesReceivable: 20 }] as ClientProfile['statements'], asOf);
    const s = t.latest!;
    const inp = { closing: s, opening: t.byMonth.get(2023 * 12 + 11), flows: ttmFlows(t, s, true) };
    expect(financialRatios(inp, DEFAULT_PARAMS).receivablesTurnover.value).toBeCloseTo(1100 / 170, 10);
    expect(financialRatios(inp, { ...DEFAULT_PARAMS, receivablesIncludeNotes: true }).receivablesTurnover.value).toBeCloseTo(1100 / 190, 10);
    expect(financialRatios(inp, { ...DEFAULT_PARAMS, dayCount: 360 }).dso.value).toBeCloseTo(360 / (1100 / 170), 10);
  });
});
