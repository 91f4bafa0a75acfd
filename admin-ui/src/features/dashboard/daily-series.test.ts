import { describe, expect, it } from 'vitest';
import type { DecisionStats } from '../decisions/api/types';
import { lastDaysQuery, seriesOf } from './daily-series';

describe('decisions per day, from the server counts', () => {
  it('asks for the last days by UTC day, both ends, across a month end', () => {
    expect(lastDaysQuery(3, new Date('2026-11-01T15:00:00Z'))).toBe('from=2026-10-30&to=2026-11-01');
    // Just past midnight UTC is already the next UTC day, whatever the local time zone says.
    expect(lastDaysQuery(1, new Date('2026-11-20T00:00:01Z'))).toBe('from=2026-11-20&to=2026-11-20');
  });

  it('keeps every day, stacks credit outcomes first and the others by volume, and shows missing outcomes as —', () => {
    const stats: DecisionStats = {
      from: '2026-11-19',
      to: '2026-11-21',
      ruleSetKey: null,
      total: 7,
      outcomes: ['关注', 'decline', 'approve', '正常'],
      days: [
        { day: '2026-11-19', total: 4, byOutcome: { 关注: 2, decline: 0, approve: 0, 正常: 1 }, noOutcome: 1 },
        { day: '2026-11-20', total: 0, byOutcome: { 关注: 0, decline: 0, approve: 0, 正常: 0 }, noOutcome: 0 },
        { day: '2026-11-21', total: 3, byOutcome: { 关注: 0, decline: 2, approve: 1, 正常: 0 }, noOutcome: 0 },
      ],
    };
    const s = seriesOf(stats);
    expect(s.total).toBe(7);
    expect(s.outcomes).toEqual(['approve', 'decline', '关注', '—', '正常']);
    expect(s.days).toEqual([
      { day: '2026-11-19', counts: { 关注: 2, 正常: 1, '—': 1 }, total: 4 },
      { day: '2026-11-20', counts: {}, total: 0 },
      { day: '2026-11-21', counts: { decline: 2, approve: 1 }, total: 3 },
    ]);
  });
});
