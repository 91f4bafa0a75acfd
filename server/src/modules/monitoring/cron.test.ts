import { CronError, parseCron } from './cron';

// Local-time dates, as cron reads them.
const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('parseCron', () => {
  it('nightly 0 2 * * *: matches 02:00 only; next is today at 02:00 or tomorrow', () => {
    const c = parseCron('0 2 * * *');
    expect(c.matches(at(2026, 3, 4, 2, 0))).toBe(true);
    expect(c.matches(at(2026, 3, 4, 2, 1))).toBe(false);
    expect(c.next(at(2026, 3, 4, 1, 30))).toEqual(at(2026, 3, 4, 2, 0));
    expect(c.next(at(2026, 3, 4, 2, 0))).toEqual(at(2026, 3, 5, 2, 0));
    expect(c.next(at(2026, 12, 31, 23, 59))).toEqual(at(2027, 1, 1, 2, 0));
  });

  it('steps, ranges, lists and names', () => {
    const c = parseCron('*/15 9-17 * JAN-MAR mon-fri');
    expect(c.matches(at(2026, 2, 2, 9, 45))).toBe(true); // a Monday
    expect(c.matches(at(2026, 2, 2, 9, 50))).toBe(false);
    expect(c.matches(at(2026, 2, 1, 9, 45))).toBe(false); // Sunday
    expect(c.matches(at(2026, 4, 1, 9, 45))).toBe(false); // April
    expect(parseCron('5,35 0 1 * *').next(at(2026, 1, 1, 0, 5))).toEqual(at(2026, 1, 1, 0, 35));
    expect(parseCron('0 0 * * 7').matches(at(2026, 2, 1))).toBe(true); // 7 is Sunday too
    expect(parseCron('10-20/5 * * * *').next(at(2026, 1, 1, 0, 10))).toEqual(at(2026, 1, 1, 0, 15));
  });

  it('day of month OR day of week when both are restricted (Vixie cron)', () => {
    const c = parseCron('0 0 13 * FRI');
    expect(c.matches(at(2026, 1, 13))).toBe(true); // a Tuesday, the 13th
    expect(c.matches(at(2026, 1, 16))).toBe(true); // a Friday
    expect(c.matches(at(2026, 1, 14))).toBe(false);
  });

  it('finds far-away days (29 February) and gives up on impossible ones', () => {
    expect(parseCron('0 0 29 2 *').next(at(2026, 3, 1))).toEqual(at(2028, 2, 29));
    expect(parseCron('0 0 31 2 *').next(at(2026, 1, 1))).toBeNull();
  });

  it('refuses malformed expressions with the field named', () => {
    expect(() => parseCron('0 2 * *')).toThrow(CronError);
    expect(() => parseCron('61 * * * *')).toThrow(/minute field "61" has 61, outside 0–59/);
    expect(() => parseCron('* * * FOO *')).toThrow(/unknown value "FOO"/);
    expect(() => parseCron('*/0 * * * *')).toThrow(/step of 0/);
    expect(() => parseCron('5-1 * * * *')).toThrow(/backwards/);
  });
});
