import { describe, expect, it } from 'vitest';
import { countBySeverity, exposureByRegion } from './alert-summary';
import { approvalRates, overallRate } from './approval-rate';

describe('dashboard figures', () => {
  it('approval rate per day over credit decisions only, weighted over the window', () => {
    const points = approvalRates({
      outcomes: ['approve', 'refer', 'decline', '正常'],
      total: 9,
      days: [
        { day: '2026-11-21', counts: { approve: 1, refer: 1, 正常: 3 }, total: 5 },
        { day: '2026-11-22', counts: {}, total: 0 },
        { day: '2026-11-23', counts: { approve: 3, decline: 1 }, total: 4 },
      ],
    });
    expect(points).toEqual([
      { day: '2026-11-21', decisions: 2, rate: 0.5 },
      { day: '2026-11-22', decisions: 0, rate: null },
      { day: '2026-11-23', decisions: 4, rate: 0.75 },
    ]);
    expect(overallRate(points)).toBeCloseTo(4 / 6);
  });

  it('counts active alerts by severity and the overdue ones', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const counts = countBySeverity(
      [
        { severity: 'red', dueAt: '2026-11-20', status: 'open' },
        { severity: 'red', dueAt: '2026-11-24', status: 'acknowledged' },
        { severity: 'yellow', dueAt: '2026-11-01', status: 'resolved' },
        { severity: 'orange', dueAt: '2026-11-23', status: 'in_progress' },
      ],
      now,
    );
    expect(counts).toEqual([
      { severity: 'red', active: 2, overdue: 1 },
      { severity: 'orange', active: 1, overdue: 0 },
      { severity: 'yellow', active: 0, overdue: 0 },
      { severity: 'blue', active: 0, overdue: 0 },
    ]);
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
