import { describe, expect, it } from 'vitest';
import { seriesOf } from '../../dashboard/daily-series';
import { approvalRates, overallRate } from './approval-rate';
import { exposureByRegion } from './exposure-by-region';

describe('dashboard figures', () => {
  it('approval rate per day over credit decisions only, weighted over the window', () => {
    const zero = { approve: 0, refer: 0, decline: 0, 正常: 0 };
    const points = approvalRates(
      seriesOf({
        from: '2026-11-21',
        to: '2026-11-23',
        ruleSetKey: null,
        total: 9,
        outcomes: ['approve', '正常', 'refer', 'decline'],
        days: [
          { day: '2026-11-21', total: 5, byOutcome: { ...zero, approve: 1, refer: 1, 正常: 3 }, noOutcome: 0 },
          { day: '2026-11-22', total: 0, byOutcome: zero, noOutcome: 0 },
          { day: '2026-11-23', total: 4, byOutcome: { ...zero, approve: 3, decline: 1 }, noOutcome: 0 },
        ],
      }),
    );
    expect(points).toEqual([
      { day: '2026-11-21', decisions: 2, rate: 0.5 },
      { day: '2026-11-22', decisions: 0, rate: null },
      { day: '2026-11-23', decisions: 4, rate: 0.75 },
    ]);
    expect(overallRate(points)).toBeCloseTo(4 / 6);
  });

  it('sums exposure by province, foreign clients by country', () => {
    expect(
      exposureByRegion([
        { country: 'CN', provinceCode: '51', exposure: 10 },
        { country: 'CN', provinceCode: '51', exposure: 5 },
        { country: 'SG', provinceCode: null, exposure: 20 },
      ]),
    ).toEqual([
      { key: 'SG', count: 1, exposure: 20 },
      { key: '51', count: 2, exposure: 15 },
    ]);
  });
});
