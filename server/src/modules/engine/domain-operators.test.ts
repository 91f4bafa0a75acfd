import { toInstant, toWrittenDay } from './dates';
import { after, before, between, startsWith, withinDays } from './domain-operators';
import { greaterThanInclusive, lessThanInclusive } from './operators';

const day = (s: string) => toWrittenDay(s) as number;

describe('dates', () => {
  it('reads ISO dates and datetimes as instants, offset-less datetimes as UTC', () => {
    expect(toInstant('2025-06-30')).toBe(Date.UTC(2025, 5, 30));
    expect(toInstant('2025-06-30T08:00:00+08:00')).toBe(Date.UTC(2025, 5, 30));
    expect(toInstant('2025-06-30T00:00Z')).toBe(Date.UTC(2025, 5, 30));
    expect(toInstant('2025-06-30T00:00')).toBe(Date.UTC(2025, 5, 30));
    expect(toInstant('2025-06-30 12:34:56.789')).toBe(Date.UTC(2025, 5, 30, 12, 34, 56, 789));
    expect(toInstant('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses what is not an ISO date', () => {
    for (const v of ['2024-02-30', '2025-13-01', '2025-6-1', '30/06/2025', 'June 30, 2025', '2025-06-30T24:00', '2025-06-30T10:00+25:00', '', 20250630, null, undefined, new Date(), '0099-01-01']) {
      expect(toInstant(v)).toBeNull();
    }
  });

  it('keeps the calendar date as written for day counting', () => {
    expect(toWrittenDay('2025-06-30T23:30:00-05:00')).toBe(day('2025-06-30'));
    expect(toWrittenDay('2025-06-30T07:00+08:00')).toBe(day('2025-06-30'));
  });
});

describe('domain operators', () => {
  it('between is greaterThanInclusive lo and lessThanInclusive hi, json-rules-engine coercions included', () => {
    const values: unknown[] = [1, 2, 3, 0, '2', ' 2', '2abc', null, undefined, [2], 'x', true];
    const ranges: unknown[] = [[1, 3], [2, 2], [3, 1], ['1', '3']];
    for (const v of values) for (const r of ranges) {
      const [lo, hi] = r as unknown[];
      expect(between(v, r)).toBe(greaterThanInclusive(v, lo) && lessThanInclusive(v, hi));
    }
    expect(between(2, [1])).toBe(false);
    expect(between(2, [1, 2, 3])).toBe(false);
    expect(between(2, '1-3')).toBe(false);
  });

  it('startsWith takes one prefix or a list; only string facts match', () => {
    expect(startsWith('K6411', 'K64')).toBe(true);
    expect(startsWith('K6411', ['C', 'K6'])).toBe(true);
    expect(startsWith('K6411', ['C', 'D'])).toBe(false);
    expect(startsWith('K6411', '')).toBe(true);
    expect(startsWith(6411, '64')).toBe(false);
    expect(startsWith('K6411', [5, null])).toBe(false);
    expect(startsWith('K6411', 6)).toBe(false);
  });

  it('before/after compare instants, not strings', () => {
    expect(before('2025-06-30T09:00+08:00', '2025-06-30T02:00Z')).toBe(true); // 01:00Z < 02:00Z
    expect('2025-06-30T09:00+08:00' < '2025-06-30T02:00Z').toBe(false); // what a string comparison would say
    expect(after('2025-07-01', '2025-06-30T23:59:59Z')).toBe(true);
    expect(before('2025-06-30', '2025-06-30')).toBe(false);
    expect(before('not a date', '2025-06-30')).toBe(false);
    expect(after('2025-06-30', 20250601)).toBe(false);
  });

  it('withinDays: N ≥ 0 looks back N days from asOf, N < 0 looks forward, both ends included', () => {
    const asOf = day('2025-06-30');
    expect(withinDays('2025-06-30', 0, asOf)).toBe(true);
    expect(withinDays('2025-04-01', 90, asOf)).toBe(true); // 90 days before
    expect(withinDays('2025-03-31', 90, asOf)).toBe(false);
    expect(withinDays('2025-07-01', 90, asOf)).toBe(false); // the future is not "within the last 90 days"
    expect(withinDays('2025-07-30', -30, asOf)).toBe(true);
    expect(withinDays('2025-07-31', -30, asOf)).toBe(false);
    expect(withinDays('2025-06-29', -30, asOf)).toBe(false);
    expect(withinDays('2025-06-30T23:30-05:00', 0, asOf)).toBe(true); // the written date counts
    expect(withinDays('2025-06-30', '30', asOf)).toBe(false);
    expect(withinDays(null, 30, asOf)).toBe(false);
  });
});
