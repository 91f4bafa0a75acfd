import type { ClientProfile } from './client-profile';
import { derive } from './derive';
import { defaultPoint, mertonEquity, normCdf, solveKmv } from './kmv';

describe('standard normal CDF', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.959963984540054, 0.025],
    [3.4, 0.9996630707343231],
    [-6, 9.865876450376946e-10],
    [-40, 0],
  ])('N(%d) = %d', (x, p) => {
    expect(Math.abs(normCdf(x) - p)).toBeLessThan(1e-13);
  });
});

describe('domain.md §3.3 worked example (E 400, σE 40 %, STD 300, LTD 400, r 3 %, μ 6 %, T 1)', () => {
  const r = solveKmv({ equity: 400, equityVol: 0.4, shortTermDebt: 300, longTermDebt: 400, riskFreeRate: 0.03, horizonYears: 1, assetDrift: 0.06 });
  const k = r.value!;

  it('DPT = 300 + ½ × 400 = 500', () => {
    expect(defaultPoint(300, 400)).toBe(500);
    expect(k.defaultPoint).toBe(500);
  });
  it('V = 885.2, σV = 18.08 %, and (V, σV) reprices E = 400.0', () => {
    expect(k.assetValue).toBeCloseTo(885.2, 1);
    expect(k.assetVol).toBeCloseTo(0.1808, 4);
    expect(mertonEquity(k.assetValue, k.assetVol, 500, 0.03, 1)).toBeCloseTo(400, 6);
    expect(k.iterations).toBeLessThanOrEqual(20);
  });
  it('Merton DD (μ) = 3.40, N(−DD) = 0.034 %', () => {
    expect(k.ddMerton).toBeCloseTo(3.4, 2);
    expect(k.pdMerton).toBeCloseTo(0.00034, 5);
  });
  it('risk-neutral DD (d2) = 3.23, N(−d2) = 0.061 %', () => {
    expect(k.ddRiskNeutral).toBeCloseTo(3.23, 2);
    expect(k.pdRiskNeutral).toBeCloseTo(0.00061, 5);
  });
  it('KMV simple DD = (885.2 − 500) / (0.1808 × 885.2) = 2.41', () => {
    expect(k.ddSimple).toBeCloseTo(2.41, 2);
  });
});

describe('KMV through derive()', () => {
  const listed: ClientProfile = {
    name: 'Listed Co',
    country: 'CN',
    industry: { section: 'C' },
    listed: true,
    marketCap: 400,
    equityVol250d: 0.4,
    statements: [{ periodEnd: '2024-12-31', totalCurrentLiabilities: 300, totalLiabilities: 700 }],
  };

  it('uses current liabilities as STD and the rest as LTD', () => {
    const { facts } = derive(listed, { asOf: '2025-06-30', params: { riskFreeRate: 0.03, assetDrift: 0.06 } });
    expect(facts.kmvAssetValue).toBeCloseTo(885.2, 1);
    expect(facts.kmvDdMerton).toBeCloseTo(3.4, 2);
    expect(facts.kmvDdRiskNeutral).toBeCloseTo(3.23, 2);
    expect(facts.kmvDdSimple).toBeCloseTo(2.41, 2);
  });

  it('leaves the Merton DD null without μ and everything null without market data', () => {
    const { facts, reasons } = derive(listed, { asOf: '2025-06-30' });
    expect(facts.kmvDdMerton).toBeNull();
    expect(reasons.kmvDdMerton).toMatch(/assetDrift/);
    expect(facts.kmvDdSimple).not.toBeNull();
    const unlisted = derive({ ...listed, marketCap: undefined }, { asOf: '2025-06-30' });
    expect(unlisted.facts.kmvAssetValue).toBeNull();
    expect(unlisted.reasons.kmvAssetValue).toMatch(/listed firms only/);
  });

  it('refuses degenerate inputs instead of producing NaN', () => {
    expect(solveKmv({ equity: 0, equityVol: 0.4, shortTermDebt: 1, longTermDebt: 1, riskFreeRate: 0.03, horizonYears: 1 }).value).toBeNull();
    expect(solveKmv({ equity: 10, equityVol: 0.4, shortTermDebt: 0, longTermDebt: 0, riskFreeRate: 0.03, horizonYears: 1 }).value).toBeNull();
  });
});
