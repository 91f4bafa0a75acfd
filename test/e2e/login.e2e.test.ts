import type { Page } from 'playwright-core';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';

async function signIn(page: Page, username: string, password = 'covenant-demo') {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link').first().waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

describeInBrowser('signing in to the admin UI', () => {
  const app = useAppInBrowser();

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('greets a new visitor in Chinese and switches to English in one click', async () => {
    const page = await app.newPage();
    await page.goto(app.url + '/');
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    expect(await page.getByLabel('用户名').isVisible()).toBe(true);
    expect(await page.getByText(/演示用户/).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor(); // the choice is remembered
  });

  it('lets an analyst in, without the admin pages, keeps the page on reload, and signs out', async () => {
    const page = await app.newPage();
    await page.goto(app.url + '/login');
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, 'analyst');

    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('banner').getByText('Covenant').isVisible()).toBe(true);
    expect(await navLinks(page)).toEqual(['Dashboard', 'Rule sets', 'Decisions', 'Clients', 'Alerts', 'Monitoring', 'Simulations']);

    await page.getByRole('link', { name: 'Rule sets' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rule sets' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rule sets' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/rule-sets');

    await page.getByRole('button', { name: /Account menu/ }).click();
    expect(await page.getByRole('menu').getByText('Analyst', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    // The server ended the session: going back to a page asks for sign-in again.
    await page.goto(app.url + '/rule-sets');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('brings a deep link back after sign-in', async () => {
    const page = await app.newPage();
    await page.goto(app.url + '/clients');
    await page.waitForURL(/\/login\?next=%2Fclients$/);
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(await navLinks(page)).toContain('API keys');
  });

  it('shows a wrong password at the form', async () => {
    const page = await app.newPage();
    await page.goto(app.url + '/login');
    await page.getByRole('button', { name: 'English' }).click();
    await signIn(page, 'analyst2', 'not-the-password');
    expect(await page.getByRole('alert').textContent()).toContain('The user name or password is not correct.');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
