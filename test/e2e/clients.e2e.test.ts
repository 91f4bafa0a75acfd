import { readFileSync } from 'node:fs';
import { profiles } from '../api/clients-support';
import { ApiClient } from '../support/http-client';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';
import { signIn } from './sign-in';

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

  it('an analyst imports a small file with one bad row, skipping it, and reads and downloads its error', async () => {
    const [good1, good2] = profiles(2, 7433);
    const bad = { ...profiles(1, 7434)[0], uscc: '91350100M000100Y4' };
    const file = [good1, bad, good2].map((p) => JSON.stringify(p)).join('\n') + '\n';
    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('link', { name: 'Import clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import clients' }).waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'new-clients.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(file) });
    await page.getByTestId('chosen-file').getByText('new-clients.jsonl').waitFor();
    expect(await page.getByRole('radio', { name: 'JSON Lines' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: /Skip bad rows/ }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.getByText('2 clients written: 2 new, 0 updated.').waitFor();
    const errors = page.getByRole('table', { name: 'Problems by row' });
    const row = errors.locator('tbody tr[data-row="2"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('/uscc');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the problems (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('/uscc');
    expect(csv.split(/\r?\n/).filter((l) => l.trim()).length).toBe(2); // header and the one bad row

    await page.getByRole('link', { name: 'Go to the clients' }).click();
    await page.getByLabel('Name or USCC').fill(good1.uscc!);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('table', { name: 'Clients' }).getByRole('link', { name: good1.nameEn ?? good1.name }).waitFor();
  }, 90_000);
});
