import type { Page } from 'playwright-core';
import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { useAppInBrowser } from './app-in-browser';
import { describeInBrowser } from './browser';
import { signIn } from './sign-in';

const PREFERRED_KEY = 'corporate-credit-policy';
const FALLBACK_KEY = 'e2e-credit-policy';

interface Target {
  key: string;
  activeVersion: number;
  ruleName: string;
  /** JSON pointer of the leaf whose threshold the analyst changes. */
  pointer: string;
  fact: string;
  before: number;
  after: number;
}

type Leaf = { fact: string; operator: string; value: unknown };

/**
 * The threshold to move: the first numeric comparison directly under a rule's top-level "all", preferring a
 * leverage rule. The new value is chosen so that no existing test case sits between the old and the new value, so
 * the rule set's own tests still pass and the version can be submitted.
 */
function chooseTarget(key: string, activeVersion: number, doc: any): Target | null {
  const candidates: { rule: any; index: number; j: number; leaf: Leaf }[] = [];
  doc.rules.forEach((rule: any, index: number) =>
    (rule.conditions.all ?? []).forEach((leaf: Leaf, j: number) => {
      if (typeof leaf.fact === 'string' && typeof leaf.value === 'number' && /^(greater|less)Than/.test(leaf.operator)) candidates.push({ rule, index, j, leaf });
    }),
  );
  candidates.sort((a, b) => Number(b.leaf.fact === 'debtToAsset') - Number(a.leaf.fact === 'debtToAsset'));
  for (const { rule, index, j, leaf } of candidates) {
    const old = leaf.value as number;
    const seen = (doc.tests ?? []).map((t: any) => t.facts?.[leaf.fact]).filter((v: unknown): v is number => typeof v === 'number');
    const steps = old < 2 ? [0.005, 0.001, -0.005, -0.001] : [1, -1];
    for (const step of steps) {
      const next = Number((old + step).toFixed(6));
      const [lo, hi] = [Math.min(old, next), Math.max(old, next)];
      if (!seen.some((v: number) => v >= lo && v <= hi))
        return { key, activeVersion, ruleName: rule.name, pointer: `/rules/${index}/conditions/all/${j}`, fact: leaf.fact, before: old, after: next };
    }
  }
  return null;
}

/** The shipped corporate credit policy when the rule library has it; otherwise a small policy made active here. */
async function prepareTarget(url: string): Promise<Target> {
  const analyst = await ApiClient.signedIn(url, 'analyst');
  const list = (await analyst.get('/api/v1/rule-sets')).body.items as { key: string; active: { version: number } | null }[];
  const preferred = list.find((r) => r.key === PREFERRED_KEY && r.active);
  if (preferred) {
    const doc = (await analyst.get(`/api/v1/rule-sets/${PREFERRED_KEY}/versions/${preferred.active!.version}`)).body.document;
    const target = chooseTarget(PREFERRED_KEY, preferred.active!.version, doc);
    if (target) return target;
  }
  const approver = await ApiClient.signedIn(url, 'approver');
  const created = await analyst.post('/api/v1/rule-sets', { document: simplePolicy(FALLBACK_KEY) });
  const path = `/api/v1/rule-sets/${FALLBACK_KEY}/versions/${created.body.version}`;
  expect((await analyst.post(`${path}/submit`)).status).toBe(200);
  expect((await approver.post(`${path}/approve`)).status).toBe(200);
  expect((await approver.post(`${path}/activate`)).status).toBe(200);
  return chooseTarget(FALLBACK_KEY, created.body.version, simplePolicy(FALLBACK_KEY))!;
}

/** Runs a lifecycle step from the approval panel: the button, then the same button in its confirmation dialog. */
async function confirmStep(page: Page, action: string, comment?: string): Promise<string> {
  await page.getByRole('region', { name: 'Approval' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  const consequence = (await dialog.locator('#transition-consequence').textContent()) ?? '';
  if (comment) await dialog.getByRole('textbox').fill(comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  return consequence;
}

const statusChip = (page: Page, status: string) => page.locator('h1').locator('xpath=../..').getByText(status, { exact: true });

describeInBrowser('authoring a rule set in the admin UI', () => {
  const app = useAppInBrowser();

  afterEach(() => {
    expect(app.pageErrors.splice(0)).toEqual([]);
  });

  it('an analyst changes a threshold, saves it with a test case from the console and submits; an approver approves and activates it', async () => {
    const target = await prepareTarget(app.url);

    // The analyst starts a draft from the active version.
    const analyst = await app.newPage();
    await signIn(analyst, app.url, 'analyst');
    await analyst.getByRole('link', { name: 'Rule sets' }).click();
    await analyst.locator(`a[href="/rule-sets/${target.key}"]`).click();
    await analyst.getByRole('button', { name: `New draft from version ${target.activeVersion}` }).click();
    await analyst.waitForURL(/\/versions\/\d+\/editor$/);
    const draft = Number(/\/versions\/(\d+)\//.exec(analyst.url())![1]);
    await statusChip(analyst, 'Draft').waitFor();

    // In the visual editor: open the rule, change the threshold (shown in the unit people use), save.
    await analyst.getByRole('button', { name: new RegExp(target.ruleName) }).first().click();
    const value = analyst.locator(`[data-pointer="${target.pointer}"]`).getByRole('textbox', { name: 'Value', exact: true });
    const shown = Number(await value.inputValue());
    const factor = Math.round(shown / target.before) || 1; // 100 when a ratio is shown in percent
    await value.fill(String(Number((target.after * factor).toFixed(6))));
    await analyst.getByText('Unsaved changes').waitFor();
    await analyst.getByRole('button', { name: 'Save draft' }).click();
    await analyst.getByText('All changes saved').waitFor();

    // In the test console: run facts through the saved draft and keep the run as a test case.
    await analyst.getByRole('tab', { name: 'Test console' }).click();
    await analyst.waitForURL(/\/console$/);
    await analyst.locator(`[data-fact="${target.fact}"] input`).first().fill(String(Number((target.after * factor + factor * 0.01).toFixed(6))));
    await analyst.getByRole('button', { name: `Run version ${draft}` }).click();
    await analyst.getByRole('heading', { name: `Result of version ${draft}` }).waitFor();
    await analyst.getByText(target.ruleName).first().waitFor(); // the explanation lists the rule
    await analyst.getByRole('button', { name: 'Save as test case' }).click();
    await analyst.getByRole('dialog').getByRole('textbox', { name: 'Test case name' }).fill('e2e: just above the new threshold');
    await analyst.getByRole('dialog').getByRole('button', { name: 'Add to the draft' }).click();
    await analyst.getByRole('button', { name: 'Save draft now' }).click();
    await analyst.getByText('All changes saved').waitFor();

    // The tests tab shows the new case; the publish check passes; submit.
    await analyst.getByRole('tab', { name: 'Test cases' }).click();
    await analyst.getByText('e2e: just above the new threshold').waitFor();
    await analyst.getByText(/Ready to publish/).waitFor();
    const submitted = await confirmStep(analyst, 'Submit for review', 'threshold moved after the credit committee');
    expect(submitted).toContain(`Version ${draft}`);
    await statusChip(analyst, 'In review').waitFor();

    // The approver approves (four eyes: a different person) and activates.
    const approver = await app.newPage();
    await signIn(approver, app.url, 'approver');
    await approver.goto(`${app.url}/rule-sets/${target.key}/versions/${draft}`);
    await statusChip(approver, 'In review').waitFor();
    await confirmStep(approver, 'Approve', 'checked against the committee minutes');
    await statusChip(approver, 'Approved').waitFor();
    const activation = await confirmStep(approver, 'Make active');
    expect(activation).toContain(`Version ${draft} becomes active; version ${target.activeVersion} is retired.`);
    await statusChip(approver, 'Active').waitFor();

    // The list shows the new active version, and the server agrees on its content.
    await approver.getByRole('link', { name: 'Rule sets', exact: true }).first().click();
    const row = approver.getByRole('row').filter({ has: approver.locator(`a[href="/rule-sets/${target.key}"]`) });
    await row.getByRole('link', { name: `Version ${draft}` }).waitFor();
    const api = await ApiClient.signedIn(app.url, 'approver');
    const active = (await api.get(`/api/v1/rule-sets/${target.key}`)).body;
    expect(active.active.version).toBe(draft);
    const doc = (await api.get(`/api/v1/rule-sets/${target.key}/versions/${draft}`)).body.document;
    const [, , index, , , j] = target.pointer.split('/');
    expect(doc.rules[Number(index)].conditions.all[Number(j)].value).toBe(target.after);
    expect(doc.tests.map((t: { name: string }) => t.name)).toContain('e2e: just above the new threshold');
  }, 240_000);
});
