import { describe, expect, it } from 'vitest';
import { dailyCounts, lastDays, localDay } from './daily-counts';

describe('decisions per day', () => {
  it('lists the last days oldest first, across a month end', () => {
    expect(lastDays(3, new Date(2026, 10, 1, 15))).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
  });

  it('counts by local day and outcome, credit outcomes first, others by volume', () => {
    const at = (d: number, h: number) => new Date(2026, 10, d, h).toISOString();
    const days = ['2026-11-19', '2026-11-20'];
    const s = dailyCounts(
      [
        { evaluatedAt: at(20, 9), outcome: 'decline' },
        { evaluatedAt: at(20, 23), outcome: 'approve' },
        { evaluatedAt: at(19, 0), outcome: '关注' },
        { evaluatedAt: at(19, 1), outcome: '关注' },
        { evaluatedAt: at(19, 2), outcome: '正常' },
        { evaluatedAt: at(19, 3), outcome: null },
        { evaluatedAt: at(18, 12), outcome: 'approve' }, // outside the window
      ],
      days,
    );
    expect(s.total).toBe(6);
    expect(s.outcomes).toEqual(['approve', 'decline', '关注', '—', '正常']);
    expect(s.days).toEqual([
      { day: '2026-11-19', counts: { 关注: 2, 正常: 1, '—': 1 }, total: 4 },
      { day: '2026-11-20', counts: { decline: 1, approve: 1 }, total: 2 },
    ]);
    expect(localDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});
