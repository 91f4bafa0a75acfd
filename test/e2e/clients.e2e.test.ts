import type { Page } from 'playwright-core';
import { profiles } from '../api/clients-support';
import { ApiClient } from '../support/http-client';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';

async function signIn(page: Page, url: string, username: string) {
  await page.goto(url + '/login');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill('covenant-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
}

// Synthetic profiles from the portfolio generator (the test server starts with an empty register).
const book = profiles(12, 7411);

describeInBrowser('the client register in the browser', () => {
  const app = useAppInBrowser();

  beforeAll(async () => {
    const admin = await ApiClient.signedIn(app.url, 'admin');
    const body = book.map((p) => JSON.stringify(p)).join('\n') + '\n';
    const r = await admin.request('POST', '/api/v1/clients/import?mode=all-or-nothing', body, { 'content-type': 'application/x-ndjson' });
    expect(r.status).toBe(202);
    for (let i = 0; i < 100; i++) {
      const job = await admin.get(`/api/v1/clients/imports/${r.body.id}`);
      if (job.body.status === 'completed') return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the seed import did not complete');
  }, 60_000);

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('an analyst finds a client by USCC, reads its ratios and statements, and runs a decision on it', async () => {
    const client = book.find((p) => (p.statements?.length ?? 0) >= 4 && p.uscc)!;
    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    const table = page.getByRole('table', { name: 'Clients' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(book.length);

    // Search by the start of the USCC: the filter goes into the address.
    await page.getByLabel('Name or USCC').fill(client.uscc!.slice(0, 14));
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/clients\?q=/);
    await page.getByText('1 client', { exact: true }).waitFor();
    await table.getByRole('link', { name: client.nameEn ?? client.name }).click();

    await page.getByRole('heading', { level: 1, name: client.nameEn ?? client.name }).waitFor();
    const ratios = page.getByRole('region', { name: 'Ratios by quarter' });
    await ratios.getByRole('img', { name: 'Current ratio' }).waitFor();
    expect(await ratios.getByRole('img').count()).toBe(6);
    await ratios.getByRole('button', { name: 'Show the ratios as a table' }).click();
    await ratios.getByRole('table', { name: 'Ratios by quarter' }).getByRole('rowheader', { name: 'Debt-to-asset' }).waitFor();
    await page.getByRole('region', { name: 'Financial statements' }).getByRole('rowheader', { name: 'Total assets' }).waitFor();

    // Run the corporate credit policy on the stored client; the outcome and its explanation appear.
    await page.getByRole('button', { name: 'Run a decision' }).click();
    const dialog = page.getByRole('dialog', { name: 'Run a decision for this client' });
    await dialog.getByRole('combobox', { name: 'Credit policy' }).waitFor();
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const result = dialog.getByTestId('run-result');
    await result.getByText(/Approve|Refer|Decline/).first().waitFor();
    await result.getByRole('list', { name: 'Rules with their conditions' }).waitFor();
    const decisionId = await result.getByRole('link', { name: /^dec_/ }).textContent();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('region', { name: 'Decisions' }).getByRole('link', { name: decisionId! }).waitFor();
  }, 90_000);
});
