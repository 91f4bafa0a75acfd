import { profiles } from '../api/clients-support';
import { ApiClient } from '../support/http-client';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';
import { signIn } from './sign-in';

interface AlertRow {
  id: string;
  severity: string;
  status: string;
  owner: string | null;
  ruleId: string;
  title: { en: string };
}

/**
 * The test server starts with an empty register: import a few synthetic clients through the API, then run a
 * monitoring scan so their warning signals become alerts, as they would overnight.
 */
async function seedAlerts(url: string): Promise<AlertRow[]> {
  const admin = await ApiClient.signedIn(url, 'admin');
  const rows = profiles(24, 7301).map((p) => JSON.stringify(p)).join('\n') + '\n';
  const imported = await admin.request('POST', '/api/v1/clients/import?mode=skip-bad-rows', rows, { 'content-type': 'application/x-ndjson' });
  expect(imported.status).toBe(202);
  let scan = await admin.post('/api/v1/monitoring/scans', { scope: 'portfolio' });
  if (scan.status === 409) scan = await admin.get('/api/v1/monitoring/scans?limit=1').then((r) => ({ ...r, body: r.body.items[0] }));
  for (let i = 0; i < 300 && !['completed', 'failed'].includes(scan.body.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    scan = await admin.get(`/api/v1/monitoring/scans/${scan.body.id}`);
  }
  expect(scan.body.status).toBe('completed');
  const alerts = await admin.get('/api/v1/alerts?status=active&limit=500');
  return alerts.body.items as AlertRow[];
}

describeInBrowser('the alerts inbox in the browser', () => {
  const app = useAppInBrowser();
  let alerts: AlertRow[] = [];

  beforeAll(async () => {
    alerts = await seedAlerts(app.url);
  }, 120_000);

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('a relationship manager sets their code, acknowledges an alert in bulk and resolves another', async () => {
    // The owner with the most alerts plays the relationship manager.
    const counts = new Map<string, number>();
    for (const a of alerts) if (a.owner) counts.set(a.owner, (counts.get(a.owner) ?? 0) + 1);
    const [owner] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const mine = alerts.filter((a) => a.owner === owner && a.status === 'open');
    expect(mine.length).toBeGreaterThanOrEqual(2);

    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('heading', { name: 'Which alerts are yours?' }).waitFor();
    await page.getByLabel('My relationship-manager code').fill(owner);
    await page.getByRole('button', { name: 'Show my alerts' }).click();
    await page.getByRole('tab', { name: `Mine (${owner})` }).waitFor();
    const table = page.getByRole('table', { name: 'Alerts' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(alerts.filter((a) => a.owner === owner).length);
    // Every row says when it is due in words.
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/Due (in \d+ days?|today)|Overdue by/);

    // Bulk acknowledgement of the first open alert.
    const first = mine[0];
    await table.locator(`tr[data-alert-id="${first.id}"]`).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Acknowledge 1 selected' }).click();
    await page.getByText('1 alert acknowledged.').waitFor();
    await table.locator(`tr[data-alert-id="${first.id}"]`).getByText('Acknowledged').waitFor();

    // Resolve the second one from its page, with the evidence.
    const second = mine[1];
    await table.locator(`tr[data-alert-id="${second.id}"]`).getByRole('link', { name: new RegExp(second.ruleId) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(second.ruleId) }).waitFor();
    await page.getByRole('button', { name: 'Resolve…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Resolve the alert' });
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.getByText('Say how the alert was resolved.').waitFor();
    await dialog.getByLabel(/What was done/).fill('Called the CFO; the audited statement was re-filed on 20 Nov.');
    await dialog.getByRole('button', { name: 'Resolve' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Resolved', { exact: true }).first().waitFor();
    await page.getByText('Called the CFO; the audited statement was re-filed on 20 Nov.').waitFor();

    // A note stays on the alert.
    await page.getByLabel('Add a note').fill('Filed the call memo in the credit file.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Filed the call memo in the credit file.').waitFor();
  }, 90_000);

  it('dismissing a red or orange alert takes a second person', async () => {
    const serious = alerts.find((a) => (a.severity === 'red' || a.severity === 'orange') && a.status === 'open' && !['', null].includes(a.owner));
    expect(serious).toBeDefined();
    const analyst = await app.newPage();
    await signIn(analyst, app.url, 'analyst');
    await analyst.goto(`${app.url}/alerts/${serious!.id}`);
    await analyst.getByRole('button', { name: 'Dismiss…' }).click();
    const dialog = analyst.getByRole('dialog', { name: 'Dismiss the alert' });
    await dialog.getByText(/needs four eyes: this records your request/).waitFor();
    await dialog.getByLabel(/Reason for dismissing/).fill('Duplicate of a signal already handled at group level.');
    await dialog.getByRole('button', { name: 'Ask to dismiss' }).click();
    await dialog.waitFor({ state: 'detached' });
    await analyst.getByTestId('dismissal-pending').getByText(/someone else must confirm it/).waitFor();
    expect(await analyst.getByRole('button', { name: 'Confirm the dismissal…' }).count()).toBe(0);

    const approver = await app.newPage();
    await signIn(approver, app.url, 'approver');
    await approver.goto(`${app.url}/alerts/${serious!.id}`);
    await approver.getByTestId('dismissal-pending').getByText(/A second person must confirm or refuse/).waitFor();
    await approver.getByRole('button', { name: 'Confirm the dismissal…' }).click();
    const confirm = approver.getByRole('dialog', { name: 'Confirm the dismissal' });
    await confirm.getByText(/Duplicate of a signal already handled at group level/).waitFor();
    await confirm.getByRole('button', { name: 'Confirm and dismiss' }).click();
    await confirm.waitFor({ state: 'detached' });
    await approver.getByText('Dismissed', { exact: true }).first().waitFor();
  }, 90_000);

  it('an analyst starts a monitoring scan from the inbox, watches it and reads what it found', async () => {
    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    await page.goto(`${app.url}/alerts?view=all`);
    await page.getByRole('link', { name: 'Monitoring and scans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring' }).waitFor();
    await page.getByRole('table', { name: 'Scans' }).locator('tbody tr').first().waitFor(); // the seeding scan
    const before = await page.getByRole('table', { name: 'Scans' }).locator('tbody tr').count();
    await page.getByRole('button', { name: 'Start a scan' }).click();
    await page.waitForURL(/\/monitoring\?scan=scn_/);
    const id = new URL(page.url()).searchParams.get('scan')!;
    const panel = page.getByRole('region', { name: `Scan ${id}` });
    await panel.locator('[data-status="completed"]').waitFor({ timeout: 60_000 });
    await panel.getByText('Clients scanned').waitFor();
    expect(await panel.getByRole('table', { name: /Signals found/ }).getByRole('rowheader').allTextContents()).toEqual(['Red', 'Orange', 'Yellow', 'Blue']);
    const table = page.getByRole('table', { name: 'Scans' });
    await table.locator(`tr[data-scan-id="${id}"]`).getByText('Completed').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(before + 1);
  }, 90_000);
});
