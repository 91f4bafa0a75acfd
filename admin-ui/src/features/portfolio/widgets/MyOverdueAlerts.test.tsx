import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { AlertSummary } from '../../alerts/api/types';
import { alertFixture } from '../../alerts/test-fixtures';
import { FakeApi, ok } from '../../../test-utils/fake-api';
import { MyOverdueAlerts } from './MyOverdueAlerts';

const slow = { timeout: 8000 };
const summary = (owner: string): AlertSummary => ({
  asOf: '2026-11-23T10:00:00.000Z',
  owner,
  total: 12,
  overdue: 9,
  bySeverity: [{ severity: 'red', count: 12, overdue: 9 }],
});
const overdue = (owner: string) => `/api/v1/alerts?owner=${owner}&status=active&overdue=true&limit=50`;

function show(user: { id: string; rmCode?: string | null } | null) {
  return render(
    <MemoryRouter>
      <MyOverdueAlerts user={user} />
    </MemoryRouter>,
  );
}

describe('my overdue alerts', { timeout: 20_000 }, () => {
  it("lists the alerts of the account's RM code, whatever this browser remembers", async () => {
    localStorage.setItem('covenant.ownerCode.usr_wang', 'RM-OLD');
    const fake = new FakeApi()
      .on('GET', overdue('rm_wang'), ok({ items: [alertFixture({ id: 'alr_1', owner: 'rm_wang', dueAt: '2026-11-02' })], nextCursor: null }))
      .on('GET', '/api/v1/alerts/summary?owner=rm_wang', ok(summary('rm_wang')))
      .install();
    show({ id: 'usr_wang', rmCode: 'rm_wang' });
    const list = await screen.findByRole('list', { name: 'Overdue alerts of rm_wang' }, slow);
    expect(within(list).getByRole('link')).toHaveAttribute('href', '/alerts/alr_1');
    expect(screen.getByRole('link', { name: 'All 9 overdue' })).toBeInTheDocument();
    expect(screen.queryByTestId('browser-code')).toBeNull();
    expect(fake.calls.some((c) => c.path.includes('RM-OLD'))).toBe(false);
  });

  it('says plainly that an administrator must set the code when the account has none', async () => {
    const fake = new FakeApi().install();
    show({ id: 'usr_li', rmCode: null });
    expect(screen.getByText(/Your account has no relationship-manager code.*ask an administrator to set your RM code/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Meanwhile, enter it in the inbox' })).toHaveAttribute('href', '/alerts');
    expect(fake.calls).toEqual([]);
  });

  it('uses a code entered on this browser while the account has none, and says where it came from', async () => {
    localStorage.setItem('covenant.ownerCode.usr_li', 'RM-51-002');
    new FakeApi()
      .on('GET', overdue('RM-51-002'), ok({ items: [], nextCursor: null }))
      .on('GET', '/api/v1/alerts/summary?owner=RM-51-002', ok(summary('RM-51-002')))
      .install();
    show({ id: 'usr_li' });
    expect(await screen.findByText('Nothing overdue for RM-51-002.', {}, slow)).toBeInTheDocument();
    expect(screen.getByTestId('browser-code')).toHaveTextContent(/entered on this browser: ask an administrator to set your RM code/);
  });
});
