import { describe, expect, it } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from '../api/http';
import { FakeApi, ok, problem } from '../test-utils/fake-api';
import { renderApp } from '../test-utils/render-app';
import { analystSession } from '../test-utils/sessions';

describe('session', () => {
  it('sends a visitor without a session to the login page, remembering where they were going', async () => {
    new FakeApi().on('GET', '/api/v1/auth/me', problem(401, 'unauthenticated')).install();
    const { location } = renderApp('/rule-sets?status=draft');
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location()).toBe('/login?next=%2Frule-sets%3Fstatus%3Ddraft');
  });

  it('sends the user to sign in again when any call answers 401, and says why', async () => {
    new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).on('GET', '/api/v1/clients', problem(401, 'session_expired')).install();
    const { location } = renderApp('/clients');
    await screen.findByRole('heading', { level: 1, name: 'Clients' });
    await act(async () => {
      await http.get('/api/v1/clients').catch(() => undefined);
    });
    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(location()).toBe('/login?next=%2Fclients');
  });

  it('shows the user\'s roles in the user menu and signs out with the CSRF token', async () => {
    const api = new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).on('POST', '/api/v1/auth/logout', { status: 204 }).install();
    const { location } = renderApp('/');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Account menu for Li Na' }));
    expect(screen.getByText('Analyst')).toBeInTheDocument();
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(location()).toBe('/login');
    expect(api.callsTo('POST', '/api/v1/auth/logout')[0].headers['x-csrf-token']).toBe('csrf-analyst');
  });

  it('offers a retry when the server cannot be reached at start', async () => {
    const api = new FakeApi().on('GET', '/api/v1/auth/me', problem(503, 'unavailable', 'Starting up')).install();
    renderApp('/');
    expect(await screen.findByText('This page could not be loaded')).toBeInTheDocument();
    api.on('GET', '/api/v1/auth/me', ok(analystSession));
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument());
  });
});
