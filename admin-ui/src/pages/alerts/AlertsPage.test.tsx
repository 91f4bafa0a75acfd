import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { alertFixture } from '../../features/alerts/test-fixtures';
import { FakeApi, ok } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';

const slow = { timeout: 8000 };

describe('the alerts inbox, "mine"', { timeout: 30_000 }, () => {
  it("shows the alerts of the account's RM code without asking for it, and offers no way to change it", async () => {
    const session = { ...analystSession, user: { ...analystSession.user, rmCode: 'rm_wang' } };
    const fake = new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(session))
      .on('GET', '/api/v1/alerts?owner=rm_wang&status=active&limit=100', ok({ items: [alertFixture({ id: 'alr_w1', owner: 'rm_wang' })], nextCursor: null }))
      .install();
    renderApp('/alerts');
    const table = await screen.findByRole('table', { name: 'Alerts' }, slow);
    expect(within(table).getByText('rm_wang')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Mine (rm_wang)' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('button', { name: 'Change my code' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Which alerts are yours?' })).toBeNull();
    expect(fake.callsTo('GET', '/api/v1/alerts?owner=rm_wang&status=active&limit=100')).toHaveLength(1);
  });

  it('tells a user without an RM code to ask an administrator, and still lets them enter one for this browser', async () => {
    new FakeApi()
      .on('GET', '/api/v1/auth/me', ok(analystSession))
      .on('GET', '/api/v1/alerts?status=active&limit=200', ok({ items: [], nextCursor: null }))
      .install();
    renderApp('/alerts');
    await screen.findByRole('heading', { name: 'Which alerts are yours?' }, slow);
    expect(screen.getByText(/your account has none: ask an administrator to set your RM code/)).toBeInTheDocument();
    expect(screen.getByLabelText('My relationship-manager code')).toBeInTheDocument();
  });
});
