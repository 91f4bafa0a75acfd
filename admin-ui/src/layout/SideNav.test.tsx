import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { Session } from '../auth/session';
import { FakeApi, ok } from '../test-utils/fake-api';
import { renderApp } from '../test-utils/render-app';
import { adminSession, analystSession, approverSession } from '../test-utils/sessions';

async function navLabels(session: Session): Promise<string[]> {
  new FakeApi().on('GET', '/api/v1/auth/me', ok(session)).install();
  renderApp('/');
  const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
  return within(nav).getAllByRole('link').map((link) => link.textContent ?? '');
}

describe('role-aware navigation', () => {
  it('shows an analyst the working pages but neither audit nor admin', async () => {
    expect(await navLabels(analystSession)).toEqual(['Dashboard', 'Rule sets', 'Decisions', 'Clients', 'Alerts', 'Monitoring', 'Simulations']);
    expect(screen.queryByText('Admin')).not.toBeInTheDocument();
  });

  it('adds the audit trail for an approver', async () => {
    expect(await navLabels(approverSession)).toContain('Audit');
    expect(screen.queryByText('Admin')).not.toBeInTheDocument();
  });

  it('shows an administrator everything, with users and API keys under Admin', async () => {
    expect(await navLabels(adminSession)).toEqual([
      'Dashboard',
      'Rule sets',
      'Decisions',
      'Clients',
      'Alerts',
      'Monitoring',
      'Simulations',
      'Audit',
      'Users',
      'API keys',
    ]);
    const admin = screen.getByRole('list', { name: 'Admin' });
    expect(within(admin).getByRole('link', { name: 'API keys' })).toHaveAttribute('href', '/admin/api-keys');
  });

  it('links monitoring for anyone who reads alerts', async () => {
    expect(await navLabels(analystSession)).toContain('Monitoring');
    // The dashboard has a "Monitoring" link of its own, so look only inside the navigation.
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Monitoring' })).toHaveAttribute('href', '/monitoring');
  });

  it('leaves monitoring out without alerts:read', async () => {
    const noAlerts = { ...analystSession, permissions: analystSession.permissions.filter((p) => p !== 'alerts:read') };
    expect(await navLabels(noAlerts)).not.toContain('Monitoring');
  });

  it('marks the current page', async () => {
    new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).install();
    renderApp('/decisions');
    expect(await screen.findByRole('link', { name: 'Decisions' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current');
  });

  it('refuses a typed-in address the user has no permission for', async () => {
    new FakeApi().on('GET', '/api/v1/auth/me', ok(analystSession)).install();
    renderApp('/admin/users');
    expect(await screen.findByText('You do not have access to this page')).toBeInTheDocument();
    expect(screen.getByText(/admin:users/)).toBeInTheDocument();
  });
});
