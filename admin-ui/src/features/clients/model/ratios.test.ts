import { describe, expect, it } from 'vitest';
import { periodLabel, ratioSeries, statementRatios } from './ratios';

describe('ratios per statement', () => {
  it('computes the catalog formulas on one statement', () => {
    const r = statementRatios({
      periodEnd: '2026-09-30',
      totalCurrentAssets: 200,
      inventory: 80,
      totalCurrentLiabilities: 160,
      totalLiabilities: 240,
      totalAssets: 450,
      totalProfit: 8,
      interestExpense: 8,
      interestIncome: 0.2,
      netProfit: 6,
      revenue: 250,
      cash: 24,
      stBorrowings: 77,
      currentPortionLtd: 17,
    });
    expect(r.currentRatio).toBeCloseTo(1.25);
    expect(r.quickRatio).toBeCloseTo(0.75);
    expect(r.debtToAsset).toBeCloseTo(0.5333, 3);
    expect(r.interestCoverage).toBeCloseTo((8 + 8 - 0.2) / 8);
    expect(r.netMargin).toBeCloseTo(0.024);
    expect(r.cashToShortTermDebt).toBeCloseTo(24 / 94);
  });

  it('leaves a ratio out when a figure is missing or a denominator is zero', () => {
    const r = statementRatios({ periodEnd: '2026-06-30', totalCurrentAssets: 10, totalCurrentLiabilities: 0, interestExpense: 0, totalProfit: 5 });
    expect(r).toMatchObject({ currentRatio: null, quickRatio: null, debtToAsset: null, interestCoverage: null, netMargin: null, cashToShortTermDebt: null });
  });

  it('keeps one statement per period, consolidated first, oldest first', () => {
    const rows = ratioSeries([
      { periodEnd: '2026-06-30', scope: 'parent', totalAssets: 10, totalLiabilities: 9 },
      { periodEnd: '2026-06-30', scope: 'consolidated', totalAssets: 10, totalLiabilities: 5 },
      { periodEnd: '2026-03-31', scope: 'consolidated', totalAssets: 10, totalLiabilities: 4 },
    ]);
    expect(rows.map((r) => [r.periodEnd, r.debtToAsset])).toEqual([
      ['2026-03-31', 0.4],
      ['2026-06-30', 0.5],
    ]);
    expect(periodLabel('2026-09-30')).toBe('2026 Q3');
    expect(periodLabel('2026-08-31')).toBe('2026-08-31');
  });
});
