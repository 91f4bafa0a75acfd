import type { Statement } from './client-statement';
import { buildTimeline, consecutiveQuarters, fiscalQuarter, quarterFlow, ttmFlow } from './ttm';

/** YTD statements: 2024 Q1–Q4 and 2025 Q1–Q3, net profit by quarter 10, 10, 10, 10 | −5, −3, −2. */
const quarters: [string, number, number, number][] = [
  // periodEnd, YTD revenue, YTD net profit, YTD CFO
  ['2024-03-31', 100, 10, 5],
  ['2024-06-30', 210, 20, 12],
  ['2024-09-30', 330, 30, 20],
  ['2024-12-31', 460, 40, 35],
  ['2025-03-31', 90, -5, -4],
  ['2025-06-30', 170, -8, -9],
  ['2025-09-30', 250, -10, -10],
];
const statements: Statement[] = quarters.map(([periodEnd, revenue, netProfit, cfo]) => ({ periodEnd, revenue, netProfit, cfo }));

describe('fiscal quarters', () => {
  it('numbers calendar quarters with a December year end', () => {
    expect(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'].map((d) => fiscalQuarter(d, 12))).toEqual([1, 2, 3, 4]);
  });
  it('follows another fiscal year end (March, as in Hong Kong or India)', () => {
    expect(['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31'].map((d) => fiscalQuarter(d, 3))).toEqual([1, 2, 3, 4]);
  });
  it('rejects a period end off the quarter grid', () => {
    expect(fiscalQuarter('2025-05-31', 12)).toBeNull();
  });
});

describe('TTM = YTD_q + FY_prev − YTD_q,prev', () => {
  const t = buildTimeline(statements, '2025-12-31');
  const q3 = t.latest!;

  it('at Q3 2025: 250 + 460 − 330 = 380', () => {
    const r = ttmFlow(t, q3, 'revenue', false);
    expect(r.value).toBe(380);
    expect(r.note).toBe('TTM = YTD 2025-09-30 + FY 2024-12 − YTD 2024-09');
  });

  it('is the YTD itself at Q4', () => {
    expect(ttmFlow(t, t.byMonth.get(2024 * 12 + 11)!, 'revenue', false).value).toBe(460);
  });

  it('annualises YTD × 4/q when a statement is missing, or refuses when asked to', () => {
    const t2 = buildTimeline(statements.slice(4), '2025-12-31');
    expect(ttmFlow(t2, t2.latest!, 'revenue', true)).toMatchObject({ value: (250 * 4) / 3 });
    expect(ttmFlow(t2, t2.latest!, 'revenue', true).note).toMatch(/^annualised/);
    expect(ttmFlow(t2, t2.latest!, 'revenue', false)).toMatchObject({ value: null, reason: expect.stringMatching(/2024-12 is missing/) });
  });

  it('derives single quarters from YTD differences', () => {
    expect(quarterFlow(t, q3, 'netProfit').value).toBe(-2);
    expect(quarterFlow(t, t.byMonth.get(2025 * 12 + 2)!, 'netProfit').value).toBe(-5);
  });

  it('counts consecutive loss quarters newest first (3 here) and negative CFO quarters', () => {
    expect(consecutiveQuarters(t, 'netProfit', (v) => v < 0).value).toBe(3);
    expect(consecutiveQuarters(t, 'cfo', (v) => v < 0).value).toBe(3);
  });

  it('stops the run at a gap and says so', () => {
    const gap = buildTimeline(statements.filter((s) => s.periodEnd !== '2025-03-31'), '2025-12-31');
    const r = consecutiveQuarters(gap, 'netProfit', (v) => v < 0);
    expect(r.value).toBe(1);
    expect(r.note).toMatch(/history ends/);
  });
});

describe('point-in-time statements', () => {
  it('ignores statements reported after the as-of date', () => {
    const late = statements.map((s) => (s.periodEnd === '2025-09-30' ? { ...s, reportDate: '2025-11-15' } : s));
    const t = buildTimeline(late, '2025-10-31');
    expect(t.latest!.periodEnd).toBe('2025-06-30');
    expect(t.excluded).toBe(1);
  });

  it('prefers the later-reported of two statements for one month (a restatement)', () => {
    const t = buildTimeline(
      [
        { periodEnd: '2024-12-31', revenue: 1, reportDate: '2025-03-01' },
        { periodEnd: '2024-12-31', revenue: 2, reportDate: '2025-05-01', restated: true },
      ],
      '2025-12-31',
    );
    expect(t.latest!.revenue).toBe(2);
  });
});
