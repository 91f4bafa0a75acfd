import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FakeApi, ok, problem } from '../../test-utils/fake-api';
import { renderApp } from '../../test-utils/render-app';
import { analystSession } from '../../test-utils/sessions';

function signedOutApi() {
  return new FakeApi().on('GET', '/api/v1/auth/me', problem(401, 'unauthenticated')).on('GET', '/api/v1/meta', ok({ demo: false }));
}

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup();
  const submit = await screen.findByRole('button', { name: 'Sign in' });
  if (username) await user.type(screen.getByLabelText(/user name/i), username);
  if (password) await user.type(screen.getByLabelText(/password/i), password);
  await user.click(submit);
}

describe('login page', () => {
  it('asks for both fields before calling the server', async () => {
    const api = signedOutApi().install();
    renderApp('/login');
    await fillAndSubmit('', '');
    expect(await screen.findByText('Enter your user name.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText(/user name/i)).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', '/api/v1/auth/login')).toHaveLength(0);
  });

  it('shows a wrong password at the form and clears the password', async () => {
    const api = signedOutApi()
      .on('POST', '/api/v1/auth/login', problem(401, 'invalid_credentials', 'Wrong user name or password'))
      .install();
    const { location } = renderApp('/login');
    await fillAndSubmit('analyst', 'nope');
    expect(await screen.findByRole('alert')).toHaveTextContent('The user name or password is not correct.');
    expect(screen.getByLabelText(/password/i)).toHaveValue('');
    expect(api.callsTo('POST', '/api/v1/auth/login')[0].body).toEqual({ username: 'analyst', password: 'nope' });
    expect(location()).toBe('/login');
  });

  it('explains a locked account, and shows server field errors at their field', async () => {
    signedOutApi()
      .on('POST', '/api/v1/auth/login', problem(423, 'locked', 'Account locked until 10:15', {
        errors: [{ pointer: '/username', message: 'this account is locked' }],
      }))
      .install();
    renderApp('/login');
    await fillAndSubmit('analyst', 'wrong-again');
    expect(await screen.findByRole('alert')).toHaveTextContent('This account is locked after too many failed sign-ins.');
    expect(screen.getByText('this account is locked')).toBeInTheDocument();
  });

  it('shows the server\'s own words for an error it does not know', async () => {
    signedOutApi().on('POST', '/api/v1/auth/login', problem(503, 'store_unavailable', 'The database is not reachable')).install();
    renderApp('/login');
    await fillAndSubmit('analyst', 'covenant-demo');
    expect(await screen.findByRole('alert')).toHaveTextContent('The database is not reachable');
  });

  it('signs in and goes on to the page in ?next=', async () => {
    signedOutApi().on('POST', '/api/v1/auth/login', ok(analystSession)).install();
    const { location } = renderApp('/login?next=%2Fclients');
    await fillAndSubmit('analyst', 'covenant-demo');
    expect(await screen.findByRole('heading', { level: 1, name: 'Clients' })).toBeInTheDocument();
    expect(location()).toBe('/clients');
  });

  it('shows the demo users only when the server runs a demo store', async () => {
    signedOutApi().on('GET', '/api/v1/meta', ok({ demo: true })).install();
    renderApp('/login');
    expect(await screen.findByText(/Demo users: admin, analyst, analyst2, approver/)).toBeInTheDocument();
  });

  it('treats a failing /api/v1/meta as no demo', async () => {
    const api = signedOutApi().on('GET', '/api/v1/meta', problem(500, 'internal')).install();
    renderApp('/login');
    await screen.findByRole('heading', { name: 'Sign in' });
    await waitFor(() => expect(api.callsTo('GET', '/api/v1/meta')).toHaveLength(1));
    expect(screen.queryByText(/Demo users/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
