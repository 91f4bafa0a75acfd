import { profiles } from '../api/clients-support';
import { ApiClient } from '../support/http-client';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';
import { signIn } from './sign-in';

const KEY = 'corporate-credit-policy';

/**
 * A changed policy to try: a draft of the corporate policy whose net-leverage thresholds are a turn tighter
 * (refer above 3× instead of 4×, decline above 5× instead of 6×), as a policy analyst would write it.
 */
async function tighterDraft(analyst: ApiClient): Promise<number> {
  const created = await analyst.post('/api/v1/rule-sets', { key: KEY });
  expect(created.status).toBe(201);
  const doc = created.body.document;
  for (const rule of doc.rules) {
    if (rule.name === 'net-leverage-high') rule.conditions.all = [{ ...rule.conditions.all[0], value: 3 }, { ...rule.conditions.all[1], value: 5 }];
    if (rule.name === 'net-leverage-excessive') rule.conditions.all[0].value = 5;
  }
  const saved = await analyst.put(`/api/v1/rule-sets/${KEY}/versions/${created.body.version}`, doc, { 'if-match': `"${created.body.revision}"` });
  expect(saved.status).toBe(200);
  return created.body.version;
}

describeInBrowser('simulations in the browser', () => {
  const app = useAppInBrowser();
  let draft = 0;

  beforeAll(async () => {
    const admin = await ApiClient.signedIn(app.url, 'admin');
    const body = profiles(60, 7521).map((p) => JSON.stringify(p)).join('\n') + '\n';
    const r = await admin.request('POST', '/api/v1/clients/import?mode=skip-bad-rows', body, { 'content-type': 'application/x-ndjson' });
    expect(r.status).toBe(202);
    draft = await tighterDraft(await ApiClient.signedIn(app.url, 'analyst'));
  }, 60_000);

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('an analyst simulates the changed policy from a prefilled link, watches it run and reads its matrix', async () => {
    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    // The approval panel's link: rule set and candidate version prefilled.
    await page.goto(`${app.url}/simulations?ruleSetKey=${KEY}&candidateVersion=${draft}`);
    const form = page.getByRole('form', { name: 'Set up a simulation' });
    await form.getByRole('combobox', { name: 'Candidate version' }).filter({ hasText: `v${draft}` }).waitFor();
    await form.getByRole('combobox', { name: 'Baseline' }).filter({ hasText: 'The active version (v1)' }).waitFor();
    await form.getByRole('radio', { name: 'Portfolio' }).check();
    await form.getByRole('button', { name: 'Start the simulation' }).click();

    await page.waitForURL(/\/simulations\/sim_/);
    await page.getByRole('heading', { level: 1, name: `${KEY}: v${draft} against v1` }).waitFor();
    // The run is short; the page shows it running or already done, then its results.
    const matrix = page.getByRole('table', { name: /Outcome matrix of decision/ });
    await matrix.waitFor({ timeout: 60_000 });
    await page.getByText('Completed', { exact: true }).waitFor();

    // The matrix says what the API says.
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const api = await ApiClient.signedIn(app.url, 'analyst');
    const sim = (await api.get(`/api/v1/simulations/${id}`)).body;
    const decision = sim.results.outputs.find((o: { output: string }) => o.output === 'decision');
    for (const c of decision.cells) {
      const cell = matrix.locator(`[data-row='${JSON.stringify(c.baseline)}'][data-col='${JSON.stringify(c.candidate)}']`);
      expect((await cell.locator('span').first().textContent())?.replace(/,/g, '')).toBe(String(c.count));
    }
    expect(await page.getByTestId('figure-changed').textContent()).toContain(String(sim.results.summary.changed));
    expect(decision.worse.count).toBeGreaterThan(0);
    const worse = matrix.locator('[data-tone="worse"]');
    expect(await worse.count()).toBeGreaterThan(0);

    // Drill into the first changed record: both versions' explanations.
    const changes = page.getByRole('table', { name: 'Changed records' });
    await changes.getByRole('button', { name: /^Explain both decisions/ }).first().click();
    const drill = page.getByRole('dialog', { name: /changed$/ });
    await drill.getByRole('table', { name: 'Outputs of both versions' }).waitFor();
    expect(await drill.getByRole('list', { name: 'Rules with their conditions' }).count()).toBe(2);
    await drill.getByRole('button', { name: 'Close' }).click();

    // The run is in the list.
    await page.getByRole('link', { name: 'Back to simulations' }).click();
    await page.locator(`tr[data-simulation-id="${id}"]`).getByText('Completed').waitFor();
  }, 120_000);

  it('names a bad set-up at the field before asking the server', async () => {
    const page = await app.newPage();
    await signIn(page, app.url, 'analyst');
    await page.goto(`${app.url}/simulations?ruleSetKey=${KEY}&candidateVersion=${draft}`);
    const form = page.getByRole('form', { name: 'Set up a simulation' });
    await form.getByRole('combobox', { name: 'Candidate version' }).filter({ hasText: `v${draft}` }).waitFor();
    await form.getByRole('radio', { name: 'Past decisions' }).check();
    await form.getByLabel('From').fill('2026-11-10');
    await form.getByLabel('To').fill('2026-11-01');
    await form.getByRole('button', { name: 'Start the simulation' }).click();
    await form.getByText('The first day is after the last.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/simulations');
  }, 60_000);
});
