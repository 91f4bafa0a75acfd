import type { Page } from 'playwright-core';

/** Signs a demo user in (password `covenant-demo`) with the UI in English, and waits for the dashboard. */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url + '/login');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill('covenant-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}
