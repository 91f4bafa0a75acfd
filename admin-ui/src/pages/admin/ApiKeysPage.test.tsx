import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiKey } from '../../features/admin/api/types';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { adminSession } from '../../test-utils/sessions';

const slow = { timeout: 8000 };
const SECRET = 'cov_abcdefghij_0123456789012345678901234567890123456789012';
const created: ApiKey = {
  id: 'key_1', name: 'Loan origination', prefix: 'abcdefghij', scopes: ['decisions:evaluate'],
  createdBy: { kind: 'user', id: adminSession.user.id, name: 'admin' }, createdAt: '2026-11-20T08:00:00.000Z', revokedAt: null, lastUsedAt: null,
};

function api() {
  let keys: ApiKey[] = [];
  const fake = new FakeApi()
    .on('GET', '/api/v1/auth/me', ok(adminSession))
    .on('GET', '/api/v1/meta', ok({ demo: false, roles: [], apiKeyScopes: ['decisions:evaluate', 'decisions:read', 'rules:read'] }))
    .on('GET', '/api/v1/admin/api-keys', () => ok({ items: keys }))
    .on('POST', '/api/v1/admin/api-keys', () => {
      keys = [created];
      return ok({ ...created, secret: SECRET }, 201);
    })
    .on('DELETE', '/api/v1/admin/api-keys/key_1', () => {
      keys = [{ ...created, revokedAt: '2026-11-21T08:00:00.000Z' }];
      return ok(keys[0]);
    });
  return fake;
}

/** user-event puts its own clipboard on navigator at setup(), so ours goes on after it. */
function stubClipboard(writeText: ReturnType<typeof vi.fn>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

async function createKey() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'New API key' }, slow));
  const form = await screen.findByRole('dialog', { name: 'New API key' });
  await user.type(within(form).getByLabelText(/Name/), 'Loan origination');
  await user.click(within(form).getByRole('checkbox', { name: /Ask for decisions/ }));
  await user.click(within(form).getByRole('button', { name: 'Create key' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'API key “Loan origination” created' }, slow) };
}

describe('API keys', { timeout: 40_000 }, () => {
  afterEach(() => {
    delete (document as { execCommand?: unknown }).execCommand;
  });

  it('validates the new key with the schema: a name and at least one scope', async () => {
    const fake = api().install();
    renderApp('/admin/api-keys');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New API key' }, slow));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    await user.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(within(form).getByText('Required.')).toBeInTheDocument();
    expect(within(form).getByText('Choose at least one scope.')).toBeInTheDocument();
    expect(fake.callsTo('POST', '/api/v1/admin/api-keys')).toHaveLength(0);
  });

  it('shows the secret once, with a warning, copies it, and forgets it when closed', async () => {
    const fake = api().install();
    renderApp('/admin/api-keys');
    const { user, dialog } = await createKey();
    const writeText = stubClipboard(vi.fn().mockResolvedValue(undefined));
    expect(fake.callsTo('POST', '/api/v1/admin/api-keys')[0].body).toEqual({ name: 'Loan origination', scopes: ['decisions:evaluate'] });
    expect(within(dialog).getByTestId('api-key-secret')).toHaveValue(SECRET);
    expect(within(dialog).getByText('You will not see this secret again')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(SECRET);
    expect(await within(dialog).findByText('The secret is on your clipboard.')).toBeInTheDocument();

    await user.keyboard('{Escape}'); // no accidental close
    expect(screen.getByRole('dialog', { name: /created/ })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body).not.toHaveTextContent(SECRET);
    // The list shows the key by its prefix only.
    const row = await screen.findByText('cov_abcdefghij_…', {}, slow);
    expect(row.closest('tr')).toHaveTextContent('Loan origination');
  });

  it('falls back to a selection copy when the clipboard API refuses, and says so if that fails too', async () => {
    api().install();
    renderApp('/admin/api-keys');
    const { user, dialog } = await createKey();
    stubClipboard(vi.fn().mockRejectedValue(new Error('denied')));
    const execCommand = vi.fn().mockReturnValue(true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(await within(dialog).findByText('The secret is on your clipboard.')).toBeInTheDocument();

    execCommand.mockReturnValue(false);
    await user.click(within(dialog).getByRole('button', { name: 'Copied' }));
    expect(await within(dialog).findByText(/The browser did not allow copying/)).toBeInTheDocument();
  });

  it('revokes a key only after confirmation', async () => {
    const fake = api().install();
    renderApp('/admin/api-keys');
    const { user, dialog } = await createKey();
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    await user.click(await screen.findByRole('button', { name: 'Revoke Loan origination' }, slow));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke the key “Loan origination”?' });
    expect(confirm).toHaveTextContent('cov_abcdefghij_…');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(fake.callsTo('DELETE', '/api/v1/admin/api-keys/key_1')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Revoke Loan origination' }));
    await user.click(within(await screen.findByRole('dialog', { name: /Revoke the key/ })).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText(/^Revoked /, {}, slow)).toBeInTheDocument();
    expect(fake.callsTo('DELETE', '/api/v1/admin/api-keys/key_1')).toHaveLength(1);
  });

  it('shows a refused scope at the scopes field', async () => {
    api()
      .on('POST', '/api/v1/admin/api-keys', problem(422, 'validation_failed', 'Some scopes cannot be given to an API key.', {
        errors: [{ pointer: '/scopes/0', message: "'decisions:evaluate' is not a scope an API key may carry" }],
      }))
      .install();
    renderApp('/admin/api-keys');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'New API key' }, slow));
    const form = await screen.findByRole('dialog', { name: 'New API key' });
    await user.type(within(form).getByLabelText(/Name/), 'x');
    await user.click(within(form).getByRole('checkbox', { name: /Ask for decisions/ }));
    await user.click(within(form).getByRole('button', { name: 'Create key' }));
    expect(await within(form).findByText("'decisions:evaluate' is not a scope an API key may carry", {}, slow)).toBeInTheDocument();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some scopes cannot be given to an API key.');
  });
});
