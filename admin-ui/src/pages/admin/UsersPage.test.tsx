import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AdminUser } from '../../features/admin/api/types';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { adminSession } from '../../test-utils/sessions';

const slow = { timeout: 8000 };
const now = '2026-11-20T08:00:00.000Z';
function user(username: string, extra: Partial<AdminUser> = {}): AdminUser {
  return {
    id: `usr_${username}`, username, displayName: username, roles: ['analyst'], rmCode: null, disabled: false, demo: false, revision: 1, failedLogins: 0,
    lockedUntil: null, lastLoginAt: null, passwordChangedAt: now, createdAt: now, updatedAt: now, ...extra,
  };
}

function api() {
  return new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(adminSession))
    .on('GET', '/api/v1/meta', ok({ demo: false, roles: ['viewer', 'analyst', 'approver', 'admin'], apiKeyScopes: [] }))
    .on('GET', '/api/v1/admin/users', ok({ items: [user('admin', { id: adminSession.user.id, roles: ['admin'] }), user('li.na')] }));
}

async function openCreate() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'New user' }, slow));
  return { user, dialog: await screen.findByRole('dialog', { name: 'New staff user' }) };
}

function policy(dialog: HTMLElement) {
  return Object.fromEntries(within(dialog).getAllByRole('listitem').filter((li) => li.hasAttribute('data-rule')).map((li) => [li.getAttribute('data-rule'), li.getAttribute('data-ok')]));
}

describe('the user form', { timeout: 40_000 }, () => {
  it('ticks off the password policy as the password is typed', async () => {
    api().install();
    renderApp('/admin/users');
    const { user, dialog } = await openCreate();
    const password = within(dialog).getByLabelText(/Initial password/);
    expect(password).toHaveAccessibleDescription(/at least 12 characters.*not contain the user name.*mix letters with digits or symbols/);
    await user.type(within(dialog).getByLabelText(/User name/), 'wang.fang');
    await user.type(password, 'wang.fangabc');
    expect(policy(dialog)).toEqual({ length: 'true', username: 'false', mix: 'true' });
    await user.clear(password);
    await user.type(password, 'abcdefghijkl');
    expect(policy(dialog)).toEqual({ length: 'true', username: 'true', mix: 'false' });
    await user.clear(password);
    await user.type(password, 'Risk-2026-limit');
    expect(policy(dialog)).toEqual({ length: 'true', username: 'true', mix: 'true' });
  });

  it('checks the schema in the browser before calling the server', async () => {
    const fake = api().install();
    renderApp('/admin/users');
    const { user, dialog } = await openCreate();
    await user.type(within(dialog).getByLabelText(/User name/), 'x');
    await user.type(within(dialog).getByLabelText(/Initial password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(within(dialog).getByText('2 to 64 letters, digits, dots, underscores or hyphens, starting with a letter or digit.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose at least one role.')).toBeInTheDocument();
    expect(within(dialog).getByText('The password does not meet the policy below.')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/User name/)).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('POST', '/api/v1/admin/users')).toHaveLength(0);
  });

  it('shows the server\'s problems at the fields its pointers name', async () => {
    const fake = api()
      .on('POST', '/api/v1/admin/users', problem(422, 'validation_failed', 'The password does not meet the policy.', {
        errors: [
          { pointer: '/password', message: 'must not contain the username' },
          { pointer: '/roles/1', message: 'is not a role' },
        ],
      }))
      .install();
    renderApp('/admin/users');
    const { user, dialog } = await openCreate();
    await user.type(within(dialog).getByLabelText(/User name/), 'zhao.lei');
    await user.type(within(dialog).getByLabelText(/Display name/), 'Zhao Lei');
    await user.click(within(dialog).getByRole('checkbox', { name: /Analyst/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: /Approver/ }));
    await user.type(within(dialog).getByLabelText(/Initial password/), 'Risk-2026-limit');
    await user.click(within(dialog).getByRole('button', { name: 'Create user' }));

    await within(dialog).findByText('must not contain the username', {}, slow);
    expect(within(dialog).getByLabelText(/Initial password/)).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('is not a role')).toBeInTheDocument();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The password does not meet the policy.');
    expect(fake.callsTo('POST', '/api/v1/admin/users')[0].body).toEqual({ username: 'zhao.lei', displayName: 'Zhao Lei', roles: ['analyst', 'approver'], password: 'Risk-2026-limit' });
  });

  it('edits roles with the revision as If-Match and confirms before disabling', async () => {
    const fake = api()
      .on('PATCH', '/api/v1/admin/users/usr_li.na', ok(user('li.na', { revision: 2 })))
      .install();
    renderApp('/admin/users');
    const u = userEvent.setup();
    await u.click(await screen.findByRole('button', { name: 'Edit li.na' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Edit li.na' });
    expect(within(dialog).getByLabelText(/User name/)).toBeDisabled();
    await u.click(within(dialog).getByRole('checkbox', { name: /Viewer/ }));
    await u.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')).toHaveLength(1), slow);
    const call = fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')[0];
    expect(call.body).toEqual({ roles: ['analyst', 'viewer'] });
    expect(call.headers['if-match']).toBe('"1"');

    expect(screen.getByRole('button', { name: 'Disable admin' })).toBeDisabled(); // not yourself
    await u.click(screen.getByRole('button', { name: 'Disable li.na' }));
    const confirm = await screen.findByRole('dialog', { name: 'Disable li.na?' });
    await u.click(within(confirm).getByRole('button', { name: 'Disable' }));
    await waitFor(() => expect(fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')).toHaveLength(2), slow);
    expect(fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')[1].body).toEqual({ disabled: true });
  });

  it('sets the relationship-manager code on a new user and changes or clears it on an edit', async () => {
    const fake = api()
      .on('POST', '/api/v1/admin/users', ok(user('wang.fang', { rmCode: 'rm_wang' })))
      .on('GET', '/api/v1/admin/users', ok({ items: [user('admin', { id: adminSession.user.id, roles: ['admin'] }), user('li.na', { rmCode: 'rm_li' })] }))
      .on('PATCH', '/api/v1/admin/users/usr_li.na', ok(user('li.na', { revision: 2 })))
      .install();
    renderApp('/admin/users');
    expect(await screen.findByText('RM code: rm_li', {}, slow)).toBeInTheDocument();
    const { user: u, dialog } = await openCreate();
    const code = within(dialog).getByLabelText('Relationship-manager code');
    expect(code).toHaveAccessibleDescription(/their alerts become this user's "my alerts"/);
    await u.type(within(dialog).getByLabelText(/User name/), 'wang.fang');
    await u.click(within(dialog).getByRole('checkbox', { name: /Analyst/ }));
    await u.type(within(dialog).getByLabelText(/Initial password/), 'Risk-2026-limit');
    await u.type(code, 'x'.repeat(81));
    await u.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(within(dialog).getByText('At most 80 characters.')).toBeInTheDocument();
    expect(code).toHaveAttribute('aria-invalid', 'true');
    expect(fake.callsTo('POST', '/api/v1/admin/users')).toHaveLength(0);
    await u.clear(code);
    await u.type(code, ' rm_wang ');
    await u.click(within(dialog).getByRole('button', { name: 'Create user' }));
    await waitFor(() => expect(fake.callsTo('POST', '/api/v1/admin/users')).toHaveLength(1), slow);
    expect(fake.callsTo('POST', '/api/v1/admin/users')[0].body).toEqual({ username: 'wang.fang', roles: ['analyst'], password: 'Risk-2026-limit', rmCode: 'rm_wang' });

    await u.click(await screen.findByRole('button', { name: 'Edit li.na' }, slow));
    const edit = await screen.findByRole('dialog', { name: 'Edit li.na' });
    expect(within(edit).getByLabelText('Relationship-manager code')).toHaveValue('rm_li');
    await u.clear(within(edit).getByLabelText('Relationship-manager code'));
    await u.click(within(edit).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')).toHaveLength(1), slow);
    expect(fake.callsTo('PATCH', '/api/v1/admin/users/usr_li.na')[0].body).toEqual({ rmCode: null });
  });
});
