import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Alert, AlertSummary } from '../../features/alerts/api/types';
import type { DecisionStats } from '../../features/decisions/api/types';
import { FakeApi, ok } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';

const slow = { timeout: 8000 };
const NOW = new Date('2026-11-23T10:00:00.000Z');
const CODE = 'RM-51-002';

/** Every day from `from` to `to`, zeros unless `counts` names the day. */
function stats(from: string, to: string, counts: Record<string, Record<string, number>>): DecisionStats {
  const outcomes = ['approve', 'refer', 'decline'];
  const days: DecisionStats['days'] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const byOutcome = { approve: 0, refer: 0, decline: 0, ...counts[day] };
    days.push({ day, total: Object.values(byOutcome).reduce((a, b) => a + b, 0), byOutcome, noOutcome: 0 });
  }
  return { from, to, ruleSetKey: null, total: days.reduce((n, d) => n + d.total, 0), outcomes, days };
}

// Far more than the 2,000 rows the dashboard used to page through: the figures come from the server's counts.
const book: AlertSummary = {
  asOf: NOW.toISOString(),
  owner: null,
  total: 41_234,
  overdue: 907,
  bySeverity: [
    { severity: 'red', count: 34, overdue: 2 },
    { severity: 'orange', count: 1_200, overdue: 105 },
    { severity: 'yellow', count: 40_000, overdue: 800 },
    { severity: 'blue', count: 0, overdue: 0 },
  ],
};
const mine: AlertSummary = { ...book, owner: CODE, total: 90, overdue: 75 };
const overdueAlert = (id: string, severity: Alert['severity'], dueAt: string) =>
  ({ id, severity, dueAt, ruleId: 'F01', title: { zh: '亏损', en: 'Losses' }, clientName: `Client ${id}`, status: 'open' }) as Alert;

const decisions = {
  '2026-11-20': { approve: 3, refer: 1, decline: 0 },
  '2026-11-23': { approve: 3_000, refer: 500, decline: 500 },
};
const trend = { ...decisions, '2026-10-26': { approve: 1, refer: 0, decline: 3 } };

function api() {
  return new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(analystSession))
    .on('GET', '/api/v1/alerts/summary', ok(book))
    .on('GET', `/api/v1/alerts/summary?owner=${CODE}`, ok(mine))
    .on('GET', `/api/v1/alerts?owner=${CODE}&status=active&overdue=true&limit=50`, ok({ items: [overdueAlert('alr_2', 'orange', '2026-11-20'), overdueAlert('alr_1', 'red', '2026-11-02')], nextCursor: null }))
    .on('GET', '/api/v1/decisions/stats?from=2026-11-10&to=2026-11-23', ok(stats('2026-11-10', '2026-11-23', decisions)))
    .on('GET', '/api/v1/decisions/stats?from=2026-10-25&to=2026-11-23', ok(stats('2026-10-25', '2026-11-23', trend)));
}

describe('the dashboard counts on the server', { timeout: 40_000 }, () => {
  beforeEach(() => {
    // Only Date: the days asked for follow the clock; timers stay real for the UI.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    localStorage.setItem('covenant.ownerCode.usr_analyst', CODE);
  });
  afterEach(() => vi.useRealTimers());

  it('shows alerts by severity, my overdue alerts, the approval trend and the decision volume from the count endpoints', async () => {
    const fake = api().install();
    renderApp('/');

    const alerts = await screen.findByRole('region', { name: 'Open alerts by severity' }, slow);
    const red = await within(alerts).findByRole('row', { name: /Red/ }, slow);
    expect(red).toHaveTextContent('34');
    expect(red).toHaveTextContent('2');
    expect(within(alerts).getByRole('row', { name: /Yellow/ })).toHaveTextContent('40,000');
    expect(within(alerts).getByRole('row', { name: /Yellow/ })).toHaveTextContent('800');

    const overdue = screen.getByRole('region', { name: 'My overdue alerts' });
    const list = await within(overdue).findByRole('list', { name: `Overdue alerts of ${CODE}` }, slow);
    // Most overdue first, and the count is the server's, not the length of the page.
    expect(within(list).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/alerts/alr_1', '/alerts/alr_2']);
    expect(within(overdue).getByRole('link', { name: 'All 75 overdue' })).toHaveAttribute('href', '/alerts?overdue=true');

    const rate = screen.getByRole('region', { name: 'Approval rate' });
    // 3,004 approved of 4,008 credit decisions over the 30 days.
    expect(await within(rate).findByText('75.0% of 4008 credit decisions approved over the period.', {}, slow)).toBeInTheDocument();

    const volume = screen.getByRole('region', { name: 'Decisions per day, last 14 days' });
    expect(await within(volume).findByText(/^4,?004 decisions$/, {}, slow)).toBeInTheDocument();
    await userEvent.setup().click(within(volume).getByRole('button', { name: 'Show as table' }));
    const table = within(volume).getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 14);
    const cells = (day: string) => within(within(table).getByRole('row', { name: new RegExp(day) })).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('2026-11-23')).toEqual(['2026-11-23', '3000', '500', '500', '4000']);
    expect(cells('2026-11-21')).toEqual(['2026-11-21', '0', '0', '0', '0']);

    // Nothing is paged through any more.
    expect(fake.calls.filter((c) => c.path.startsWith('/api/v1/decisions?') || c.path.includes('status=active&limit='))).toEqual([]);
  });

  it('says so when there is no active alert and no decision in the window', async () => {
    const empty = { ...book, total: 0, overdue: 0, bySeverity: book.bySeverity.map((c) => ({ ...c, count: 0, overdue: 0 })) };
    api()
      .on('GET', '/api/v1/alerts/summary', ok(empty))
      .on('GET', '/api/v1/decisions/stats?from=2026-11-10&to=2026-11-23', ok(stats('2026-11-10', '2026-11-23', {})))
      .install();
    renderApp('/');
    const alerts = await screen.findByRole('region', { name: 'Open alerts by severity' }, slow);
    expect(await within(alerts).findByText('No active alert.', {}, slow)).toBeInTheDocument();
    expect(await screen.findByText('No decisions in the last 14 days', {}, slow)).toBeInTheDocument();
  });
});
