import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';
import { signIn } from './sign-in';

/** A test case of the shipped corporate credit policy: its facts, and the rules it expects to fire. */
const corporate = JSON.parse(readFileSync(join(__dirname, '..', '..', 'rules', 'credit-policy', 'corporate.json'), 'utf8')) as {
  tests: { name: string; facts: Record<string, unknown>; expect: { outputs: Record<string, unknown> } }[];
};
const testCase = corporate.tests[0];

describeInBrowser('the decision log in the browser', () => {
  const app = useAppInBrowser();

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('an admin creates an API key, a system decides with it, an analyst finds the decision and reads why', async () => {
    // 1. The administrator creates a key; the secret is shown once and can be copied.
    const admin = await app.newPage();
    await admin.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await signIn(admin, app.url, 'admin');
    await admin.getByRole('link', { name: 'API keys' }).click();
    // With no keys yet the empty state offers the same action as the page header; use the header's.
    await admin.getByRole('button', { name: 'New API key' }).first().click();
    const form = admin.getByRole('dialog', { name: 'New API key' });
    await form.getByLabel('Name').fill('Loan origination (e2e)');
    await form.getByRole('checkbox', { name: /Ask for decisions/ }).check();
    await form.getByRole('checkbox', { name: /Read the decision log/ }).check();
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = admin.getByRole('dialog', { name: 'API key “Loan origination (e2e)” created' });
    await shown.getByText('You will not see this secret again').waitFor();
    const secret = await shown.getByTestId('api-key-secret').inputValue();
    expect(secret).toMatch(/^cov_[a-z0-9]{10}_/);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByText('The secret is on your clipboard.').waitFor();
    // Runs in the page; the server's tsconfig has no DOM types, hence the cast.
    expect(await admin.evaluate(() => (globalThis as any).navigator.clipboard.readText())).toBe(secret);
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'detached' });
    const prefix = secret.split('_')[1];
    expect(await admin.locator('tr[data-key-name="Loan origination (e2e)"]').textContent()).toContain(`cov_${prefix}_…`);
    expect(await admin.content()).not.toContain(secret);

    // 2. A calling system asks for a decision with the key, with a trace.
    const res = await fetch(`${app.url}/api/v1/decisions/corporate-credit-policy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': secret },
      body: JSON.stringify({ facts: testCase.facts, trace: true }),
    });
    expect(res.status).toBe(200);
    const decision = (await res.json()) as { decisionId: string; outputs: Record<string, unknown> };
    expect(decision.outputs.decision).toBe(testCase.expect.outputs.decision);

    // 3. An analyst finds it in the log, filters by outcome (kept in the address over a reload) and opens it.
    const analyst = await app.newPage();
    await signIn(analyst, app.url, 'analyst');
    await analyst.getByRole('link', { name: 'Decisions' }).click();
    const row = analyst.locator(`tr[data-decision-id="${decision.decisionId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Loan origination (e2e)');
    const filters = analyst.getByRole('search', { name: 'Filter decisions' });
    await filters.getByLabel('Outcome').fill(String(decision.outputs.decision));
    await filters.getByRole('button', { name: 'Apply' }).click();
    await analyst.waitForURL(/\/decisions\?outcome=approve$/);
    await analyst.reload();
    await row.waitFor();
    expect(await analyst.getByRole('search', { name: 'Filter decisions' }).getByLabel('Outcome').inputValue()).toBe('approve');
    await row.getByRole('link', { name: `Open decision ${decision.decisionId}` }).click();

    await analyst.getByRole('heading', { level: 1, name: `Decision ${decision.decisionId}` }).waitFor();
    const summary = analyst.getByRole('region', { name: 'Summary' });
    expect(await summary.textContent()).toContain('corporate-credit-policy');
    expect(await summary.textContent()).toMatch(/sha256:[0-9a-f]{64}/);
    const explanation = analyst.getByRole('region', { name: 'Explanation' });
    const fired = explanation.locator('li[data-fired="true"]');
    expect(await fired.count()).toBeGreaterThan(0);
    const firstFired = fired.first();
    expect(await firstFired.getByRole('button').first().getAttribute('aria-expanded')).toBe('true');
    expect(await firstFired.locator('li[data-result="true"]').first().textContent()).toMatch(/met.*was .*expected/);
    expect(await explanation.locator('li[data-fired="false"]').count()).toBeGreaterThan(0);

    // 4. Replay: the same version reproduces it.
    await analyst.getByRole('button', { name: 'Replay this decision' }).click();
    await analyst.getByTestId('replay-same').getByText(/Reproduced/).waitFor();

    // Back to the log keeps the filter.
    await analyst.getByRole('link', { name: 'Back to the log' }).click();
    await analyst.waitForURL(/\/decisions\?outcome=approve$/);
  });
});
