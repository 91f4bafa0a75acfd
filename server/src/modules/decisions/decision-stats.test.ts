import { ValidationError } from '../../shared/errors';
import { dailyStats, instantsOf, statsRange } from './decision-stats';

describe('decision stats range', () => {
  it('defaults to the 30 days ending today, and to to-29 days when only to is given', () => {
    expect(statsRange({}, '2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01', days: 30 });
    expect(statsRange({ to: '2024-03-01' }, '2026-11-23')).toEqual({ from: '2024-02-01', to: '2024-03-01', days: 30 });
    expect(statsRange({ from: '2026-11-23', to: '2026-11-23' }, '2026-11-23').days).toBe(1);
  });

  it('allows 366 days (a leap year), refuses 367 and a from after to, naming the field', () => {
    expect(statsRange({ from: '2024-01-01', to: '2024-12-31' }, '2026-01-01').days).toBe(366);
    const refused = (q: { from?: string; to?: string }) => {
      try {
        statsRange(q, '2026-11-23');
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).errors?.map((x) => x.pointer);
      }
      throw new Error('not refused');
    };
    expect(refused({ from: '2025-11-21', to: '2026-11-23' })).toEqual(['/from']);
    expect(refused({ from: '2025-11-21' })).toEqual(['/from']);
    expect(refused({ from: '2026-11-24', to: '2026-11-23' })).toEqual(['/from']);
  });

  it('turns the day range into half-open instants', () => {
    expect(instantsOf({ from: '2026-02-28', to: '2026-02-28' })).toEqual({ from: '2026-02-28T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' });
  });
});

describe('daily stats', () => {
  it('lists every day, each with every outcome of the range (zeros included), outcomes most frequent first', () => {
    const s = dailyStats({ from: '2026-11-01', to: '2026-11-03', days: 3 }, null, [
      { day: '2026-11-03', outcome: 'approve', count: 2 },
      { day: '2026-11-01', outcome: 'decline', count: 3 },
      { day: '2026-11-01', outcome: null, count: 1 },
      { day: '2026-11-03', outcome: 'decline', count: 1 },
    ]);
    expect(s).toEqual({
      from: '2026-11-01',
      to: '2026-11-03',
      ruleSetKey: null,
      total: 7,
      outcomes: ['decline', 'approve'],
      days: [
        { day: '2026-11-01', total: 4, byOutcome: { decline: 3, approve: 0 }, noOutcome: 1 },
        { day: '2026-11-02', total: 0, byOutcome: { decline: 0, approve: 0 }, noOutcome: 0 },
        { day: '2026-11-03', total: 3, byOutcome: { decline: 1, approve: 2 }, noOutcome: 0 },
      ],
    });
  });
});
