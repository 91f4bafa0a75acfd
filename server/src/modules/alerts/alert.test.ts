import { addBusinessDays, DEFAULT_SLA_DAYS, dueDate, escalate, isOverdue, parseDateList, parseSlaDays, worse } from './alert';
import { alertFromSignal } from './signal';

// 2026-11-27 is a Friday, 2026-11-28 a Saturday.
describe('business days and due dates (domain.md §4.3 SLAs)', () => {
  it('counts Monday to Friday only', () => {
    expect(addBusinessDays('2026-11-23', 1)).toBe('2026-11-24'); // Mon → Tue
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30'); // Sat → Mon
    expect(addBusinessDays('2026-11-29', 1)).toBe('2026-11-30'); // Sun → Mon
    expect(addBusinessDays('2026-11-27', 10)).toBe('2026-12-11'); // two working weeks
    expect(addBusinessDays('2026-11-27', 30)).toBe('2027-01-08'); // six working weeks (no holidays configured)
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-30'); // 0 days on a weekend: the next working day
    expect(addBusinessDays('2026-11-26', 0)).toBe('2026-11-26');
  });

  it('skips configured public holidays and counts working weekend days (China\'s National Day week, 2026)', () => {
    // 1–7 October 2026 off; Sunday 27 September and Saturday 10 October worked instead (调休).
    const holidays = parseDateList('2026-10-01,2026-10-02, 2026-10-05,2026-10-06,2026-10-07');
    const workdays = parseDateList('2026-09-27,2026-10-10');
    expect([holidays.problem, workdays.problem]).toEqual([undefined, undefined]);
    const cal = { holidays: holidays.dates, workdays: workdays.dates };
    expect(addBusinessDays('2026-09-30', 1, cal)).toBe('2026-10-08'); // Wed before the holiday → Thursday after it
    expect(addBusinessDays('2026-10-09', 1, cal)).toBe('2026-10-10'); // Fri → the worked Saturday
    expect(addBusinessDays('2026-09-26', 1, cal)).toBe('2026-09-27'); // Sat → the worked Sunday
    expect(addBusinessDays('2026-09-26', 0, cal)).toBe('2026-09-27'); // 0 days from Saturday: the worked Sunday
    expect(addBusinessDays('2026-10-03', 0, cal)).toBe('2026-10-08');
    // Fri 25 Sep + 10: Sun 27, Mon 28 … Wed 30, Thu 8, Fri 9, Sat 10, Mon 12, Tue 13, Wed 14.
    expect(addBusinessDays('2026-09-25', 10, cal)).toBe('2026-10-14');
    expect(dueDate('2026-09-30T09:00:00Z', 'red', DEFAULT_SLA_DAYS, cal)).toBe('2026-10-08');
    // An empty calendar is the plain Monday-to-Friday count.
    expect(addBusinessDays('2026-09-30', 1, { holidays: new Set(), workdays: new Set() })).toBe('2026-10-01');
  });

  it('refuses a holiday list with something that is not a date', () => {
    expect(parseDateList('2026-10-01,2026-02-30').problem).toBe('"2026-02-30" is not a date (YYYY-MM-DD)');
    expect(parseDateList('2026-10-01, tomorrow').problem).toMatch(/"tomorrow" is not a date/);
    expect([...parseDateList('').dates]).toEqual([]);
  });

  it('agrees with stepping one day at a time, from every weekday, for 0–200 business days', () => {
    const stepping = (day: string, n: number) => {
      const d = new Date(`${day}T00:00:00Z`);
      const weekend = () => d.getUTCDay() === 0 || d.getUTCDay() === 6;
      if (n <= 0) while (weekend()) d.setUTCDate(d.getUTCDate() + 1);
      for (let left = n; left > 0; ) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (!weekend()) left--;
      }
      return d.toISOString().slice(0, 10);
    };
    for (let i = 0; i < 14; i++) {
      const day = new Date(Date.UTC(2026, 10, 23 + i)).toISOString().slice(0, 10);
      for (let n = 0; n <= 200; n++) expect([day, n, addBusinessDays(day, n)]).toEqual([day, n, stepping(day, n)]);
    }
  });

  it('gives each severity its SLA from the day the alert opened (UTC)', () => {
    const opened = '2026-11-27T15:30:00.000Z';
    expect(dueDate(opened, 'red', DEFAULT_SLA_DAYS)).toBe('2026-11-30');
    expect(dueDate(opened, 'orange', DEFAULT_SLA_DAYS)).toBe('2026-12-11');
    expect(dueDate(opened, 'yellow', DEFAULT_SLA_DAYS)).toBe('2027-01-08');
    expect(dueDate(opened, 'blue', DEFAULT_SLA_DAYS)).toBe(addBusinessDays('2026-11-27', 90));
  });

  it('is overdue only while active and after its due day', () => {
    expect(isOverdue({ status: 'open', dueAt: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'in_progress', dueAt: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ status: 'resolved', dueAt: '2026-11-30' }, '2026-12-01')).toBe(false);
  });
});

describe('COVENANT_ALERT_SLA_DAYS', () => {
  it('parses severity=days for every severity', () => {
    expect(parseSlaDays('red=1,orange=10,yellow=30,blue=90')).toEqual({ sla: DEFAULT_SLA_DAYS });
    expect(parseSlaDays(' blue = 60 , red=0,yellow=20, orange=5 ')).toEqual({ sla: { red: 0, orange: 5, yellow: 20, blue: 60 } });
  });

  it('names what is wrong', () => {
    expect(parseSlaDays('red=1,orange=10,yellow=30').problem).toBe('it lacks blue');
    expect(parseSlaDays('red=1,red=2,orange=1,yellow=1,blue=1').problem).toBe('red is given twice');
    expect(parseSlaDays('green=1').problem).toContain('"green=1" is not severity=days');
    expect(parseSlaDays('red=x').problem).toContain('"red=x"');
  });
});

describe('escalation', () => {
  const ctx = { clientId: 'cli_1', clientName: 'c', owner: 'rm', at: '2026-11-27T10:00:00.000Z', by: { kind: 'system' as const, id: 'monitoring', name: 'monitoring' }, source: {}, sla: DEFAULT_SLA_DAYS };
  const sig = (severity: 'yellow' | 'red') => ({ id: 'F01', severity, title: { zh: 'x', en: 'x' }, rule: `F01-${severity}`, ruleSet: { key: 'early-warning', version: 1 }, actions: [] });

  it('takes the worse severity and the earlier due day, and counts as a change', () => {
    const a = alertFromSignal(sig('yellow'), ctx);
    const fresh = alertFromSignal(sig('red'), { ...ctx, at: '2026-12-01T10:00:00.000Z' });
    const e = escalate(a, fresh, fresh.openedAt);
    expect(e).toMatchObject({ id: a.id, severity: 'red', rule: 'F01-red', dueAt: '2026-12-02', openedAt: a.openedAt, revision: 2 });
    expect(worse('orange', 'red')).toBe('red');
    expect(worse(null, 'blue')).toBe('blue');
    expect(worse('yellow', null)).toBe('yellow');
  });
});
