import type { Page } from 'playwright-core';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';

async function signIn(page: Page, url: string, username: string, password = 'covenant-demo') {
  await page.goto(url + '/login');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describeInBrowser('administration in the browser', () => {
  const app = useAppInBrowser();

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('an admin creates a user, sees it, disables it, and the audit trail shows the creation', async () => {
    const page = await app.newPage();
    await signIn(page, app.url, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New staff user' });
    await dialog.getByLabel('User name').fill('zhou.e2e');
    await dialog.getByLabel('Display name').fill('Zhou (e2e)');
    await dialog.getByRole('checkbox', { name: /Analyst/ }).check();
    const password = dialog.getByLabel('Initial password');
    await password.fill('zhou.e2e-2026');
    expect(await dialog.locator('li[data-rule="username"]').getAttribute('data-ok')).toBe('false');
    await password.fill('Credit-Risk-2026');
    expect(await dialog.locator('li[data-ok="false"]').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = page.locator('tr[data-username="zhou.e2e"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('Zhou (e2e)');
    expect(await row.textContent()).toContain('Analyst');
    expect(await row.textContent()).toContain('Active');

    // The same user name again: the server's answer appears at the user-name field.
    await page.getByRole('button', { name: 'New user' }).click();
    const again = page.getByRole('dialog', { name: 'New staff user' });
    await again.getByLabel('User name').fill('zhou.e2e');
    await again.getByRole('checkbox', { name: /Viewer/ }).check();
    await again.getByLabel('Initial password').fill('Another-Pass-2026');
    await again.getByRole('button', { name: 'Create user' }).click();
    await again.getByRole('alert').waitFor();
    await again.getByText('This user name is already taken.').waitFor();
    expect(await again.getByLabel('User name').getAttribute('aria-invalid')).toBe('true');
    await again.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Disable zhou.e2e' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable zhou.e2e?' });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await row.getByText('Disabled', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Enable zhou.e2e' }).waitFor();

    // The disabled user cannot sign in.
    const other = await app.newPage();
    await signIn(other, app.url, 'zhou.e2e', 'Credit-Risk-2026');
    await other.getByRole('alert').waitFor();
    expect(new URL(other.url()).pathname).toBe('/login');

    // The audit trail has the creation, filterable by action in the address, with before → after.
    await page.getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    const filters = page.getByRole('search', { name: 'Filter audit events' });
    await filters.getByLabel('Action').fill('user.created');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/\/audit\?action=user\.created$/);
    const created = page.locator('li[data-action="user.created"]', { hasText: 'zhou.e2e' });
    await created.waitFor();
    expect(await created.textContent()).toContain('admin');
    await created.getByRole('button').first().click();
    const change = created.getByRole('table', { name: 'Before and after' });
    expect(await change.locator('tr[data-field="username"]').textContent()).toContain('zhou.e2e');
    expect(await change.textContent()).not.toMatch(/passwordHash|scrypt/);
  });
});
