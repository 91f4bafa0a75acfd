#!/usr/bin/env node
// `npm run screenshots`: PNGs of the admin UI's main pages at 1440×900 in docs/screenshots/, for the README and
// reviews. Uses COVENANT_URL when set (signing in as COVENANT_USER / COVENANT_PASSWORD, default the demo admin);
// otherwise builds the UI if it is stale and starts the same throwaway server the browser tests use (a temporary
// SQLite store with the demo data), so nothing touches ./data.
/* global document, getComputedStyle -- used only inside functions that run in the browser page */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { register as registerTsxCjs } from 'tsx/cjs/api';
import { register as registerTsxEsm } from 'tsx/esm/api';

// The server and the harness are TypeScript; tsx compiles them on load, including their lazy imports.
registerTsxEsm();
registerTsxCjs();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'docs', 'screenshots');
const language = process.env.COVENANT_SCREENSHOT_LANG || 'en';
const username = process.env.COVENANT_USER || 'admin';
const password = process.env.COVENANT_PASSWORD || 'covenant-demo';
const VIEWPORT = { width: 1440, height: 900 };

// Page file name → address. The heading check makes sure each shot shows the page, not a loading spinner.
const PAGES = [
  ['dashboard', '/'],
  ['rule-sets', '/rule-sets'],
  ['decisions', '/decisions'],
  ['clients', '/clients'],
  ['alerts', '/alerts'],
  ['simulations', '/simulations'],
  ['audit', '/audit'],
  ['admin-users', '/admin/users'],
  ['admin-api-keys', '/admin/api-keys'],
  ['rule-set-detail', '/rule-sets/corporate-credit-policy'],
  ['rule-set-version', '/rule-sets/corporate-credit-policy/versions/1/editor'],
  ['rule-set-tests', '/rule-sets/corporate-credit-policy/versions/1/tests'],
  ['monitoring', '/monitoring'],
  ['client-import', '/clients/import'],
];

// Views that need data or a click first, shot after PAGES: file name → what to do on the signed-in page.
const VIEWS = [
  ['decision-detail', (page, url) => openFirstDecision(page, url)],
  ['decision-replay', async (page, url) => {
    await openFirstDecision(page, url);
    await page.getByRole('button', { name: /Replay|回放/ }).first().click();
    await page.locator('[data-testid="replay-same"]').waitFor();
    // The replay's verdict and the top of the explanation tree in one shot.
    await page.evaluate(() => document.getElementById('decision-replay')?.scrollIntoView());
  }],
  ['admin-users-create', async (page, url) => {
    await page.goto(url + '/admin/users');
    await settle(page);
    await page.getByRole('button', { name: /New user|新建用户/ }).click();
    await page.locator('#user-form-create-password').fill('abc');
    await page.locator('#user-form-create-username').fill('li.na');
  }],
  ['audit-expanded', async (page, url) => {
    await page.goto(url + '/audit');
    await settle(page);
    await page.locator('li[data-event-id] button[aria-expanded]').first().click();
  }],
  ['rule-set-draft-editor', async (page, url) => {
    const { version, pointer } = await ruleSetDraft(page, url);
    await page.goto(`${url}/rule-sets/corporate-credit-policy/versions/${version}/editor?at=${encodeURIComponent(pointer)}`);
    await settle(page);
    await page.locator(`[data-pointer="${pointer}"]`).waitFor();
    await page.waitForTimeout(600); // the rule opens, then the page scrolls to the condition
  }],
  ['rule-set-console', async (page, url) => {
    const { version } = await ruleSetDraft(page, url);
    await page.goto(`${url}/rule-sets/corporate-credit-policy/versions/${version}/console`);
    await settle(page);
    await page.locator('[data-fact="debtToAsset"] input').first().fill('73');
    await page.locator('[data-fact="industrySection"] [role="combobox"]').first().click();
    await page.getByRole('option', { name: /Manufacturing|制造业/ }).click();
    await page.getByRole('button', { name: /^(Run version|运行版本)/ }).click();
    await page.locator('#run-trace').scrollIntoViewIfNeeded();
  }],
  ['rule-set-diff', async (page, url) => {
    const { version } = await ruleSetDraft(page, url);
    await page.goto(`${url}/rule-sets/corporate-credit-policy/versions/${version}/diff?from=1&to=${version}`);
    await settle(page);
    await page.locator('#diff-summary').waitFor();
  }],
  ['client-detail', (page, url) => openFirstClient(page, url)],
  ['client-ratios', async (page, url) => {
    await openFirstClient(page, url);
    await page.evaluate(() => document.getElementById('client-ratios')?.scrollIntoView());
  }],
  ['client-run-decision', async (page, url) => {
    await openFirstClient(page, url);
    await page.getByRole('button', { name: /Run a decision|运行决策/ }).click();
    if (process.env.COVENANT_URL) return; // a decision would be logged: show the dialog only
    await page.getByRole('dialog').getByRole('button', { name: /^(Run|运行)$/ }).click();
    await page.getByTestId('run-result').waitFor();
  }],
  ['alerts-all', async (page, url) => {
    await page.goto(url + '/alerts?view=all');
    await settle(page);
  }],
  ['alert-detail', (page, url) => openAlert(page, url, 'orange')],
  ['alert-dismiss-four-eyes', async (page, url) => {
    await openAlert(page, url, 'red');
    await page.getByRole('button', { name: /Dismiss…|撤销…/ }).click();
    await page.locator('#alert-step-comment').fill('Duplicate of a signal already handled at group level.');
  }],
  ['client-import-report', async (page, url) => {
    await page.goto(url + '/clients/import');
    await settle(page);
    if (process.env.COVENANT_URL) return; // the import would change the register: show the empty wizard only
    // Two registered clients again (an update) and one row whose USCC is a character short.
    const list = await (await page.request.get(url + '/api/v1/clients?limit=2')).json();
    const profiles = await Promise.all(list.items.map(async (c) => (await (await page.request.get(`${url}/api/v1/clients/${c.id}`)).json()).profile));
    const bad = { ...profiles[0], uscc: '91350100M000100Y4', name: '福州测试机械制造有限公司' };
    const body = [profiles[0], bad, profiles[1]].map((p) => JSON.stringify(p)).join('\n') + '\n';
    await page.getByTestId('import-file').setInputFiles({ name: 'clients-november.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
    await page.getByRole('radio', { name: /Skip bad rows|跳过有问题的行/ }).check();
    await page.getByRole('button', { name: /^(Import|开始导入)$/ }).click();
    await page.getByRole('table', { name: /Problems by row|按行列出的问题/ }).waitFor();
  }],
  ['simulation-setup', async (page, url) => {
    const { version } = await ruleSetDraft(page, url);
    await page.goto(`${url}/simulations?ruleSetKey=corporate-credit-policy&candidateVersion=${version}`);
    await settle(page);
  }],
  ['simulation-results', (page, url) => openSimulation(page, url)],
  // A dialog: the next view opens a page, which closes it.
  ['simulation-drilldown', async (page, url) => {
    await openSimulation(page, url);
    await page.getByRole('button', { name: /^(Explain both decisions|查看)/ }).first().click();
    await page.getByRole('dialog').getByRole('table').first().waitFor();
  }],
  ['simulation-breakdown', async (page, url) => {
    await openSimulation(page, url);
    await page.evaluate(() => document.getElementById('sim-breakdown')?.scrollIntoView());
  }],
  ['simulation-changes', async (page, url) => {
    await openSimulation(page, url);
    await page.evaluate(() => document.getElementById('sim-changes')?.scrollIntoView());
  }],
];

let draft;
/**
 * A draft of the corporate policy with one leverage threshold moved from 70 % to 72 %, made once through the API as
 * the signed-in user, so the editor, console and diff shots show a change. Against COVENANT_URL nothing is written:
 * the shots show the active version instead.
 */
async function ruleSetDraft(page, url) {
  if (draft) return draft;
  const base = '/api/v1/rule-sets/corporate-credit-policy';
  const active = (await (await page.request.get(url + base)).json()).active.version;
  const doc = (await (await page.request.get(`${url}${base}/versions/${active}`)).json()).document;
  const index = doc.rules.findIndex((r) => r.name === 'leverage-warning-industrial');
  const leaf = doc.rules[index]?.conditions.all?.findIndex((c) => c.fact === 'debtToAsset');
  const pointer = index >= 0 && leaf >= 0 ? `/rules/${index}/conditions/all/${leaf}` : '/rules/0/conditions';
  if (process.env.COVENANT_URL || index < 0 || leaf < 0) return (draft = { version: active, pointer });
  const { csrfToken } = await (await page.request.get(url + '/api/v1/auth/me')).json();
  const created = await (await page.request.post(url + '/api/v1/rule-sets', { headers: { 'x-csrf-token': csrfToken }, data: { key: 'corporate-credit-policy' } })).json();
  doc.rules[index].conditions.all[leaf].value = 0.72;
  const saved = await page.request.put(`${url}${base}/versions/${created.version}`, {
    headers: { 'x-csrf-token': csrfToken, 'if-match': `"${created.revision}"` },
    data: doc,
  });
  if (!saved.ok()) throw new Error(`saving the screenshot draft failed: ${saved.status()} ${await saved.text()}`);
  return (draft = { version: created.version, pointer });
}

/** The first client of the register, on its page. */
async function openFirstClient(page, url) {
  await page.goto(url + '/clients');
  await settle(page);
  await page.locator('tr[data-client-id] a').first().click();
  await page.locator('#client-profile').waitFor();
  await settle(page);
}

/** The newest active alert of a severity, on its page. */
async function openAlert(page, url, severity) {
  const list = await (await page.request.get(`${url}/api/v1/alerts?status=active&severity=${severity}&limit=1`)).json();
  if (!list.items[0]) throw new Error(`no active ${severity} alert to show`);
  await page.goto(`${url}/alerts/${list.items[0].id}`);
  await settle(page);
}

let simulation;
/**
 * A simulation over the portfolio of a second draft whose net-leverage thresholds are a turn tighter (refer above 3×
 * instead of 4×, decline above 5× instead of 6×), so the matrix has moves to show; run once and awaited. Against
 * COVENANT_URL nothing is written: the newest completed simulation is shown instead.
 */
async function openSimulation(page, url) {
  if (!simulation && process.env.COVENANT_URL) {
    simulation = (await (await page.request.get(url + '/api/v1/simulations?status=completed&limit=1')).json()).items[0]?.id;
    if (!simulation) throw new Error('no completed simulation to show');
  }
  if (!simulation) {
    const base = '/api/v1/rule-sets/corporate-credit-policy';
    const { csrfToken } = await (await page.request.get(url + '/api/v1/auth/me')).json();
    const created = await (await page.request.post(url + '/api/v1/rule-sets', { headers: { 'x-csrf-token': csrfToken }, data: { key: 'corporate-credit-policy' } })).json();
    const doc = created.document;
    for (const rule of doc.rules) {
      if (rule.name === 'net-leverage-high') rule.conditions.all = [{ ...rule.conditions.all[0], value: 3 }, { ...rule.conditions.all[1], value: 5 }];
      if (rule.name === 'net-leverage-excessive') rule.conditions.all[0].value = 5;
    }
    const saved = await page.request.put(`${url}${base}/versions/${created.version}`, { headers: { 'x-csrf-token': csrfToken, 'if-match': `"${created.revision}"` }, data: doc });
    if (!saved.ok()) throw new Error(`saving the simulation draft failed: ${saved.status()} ${await saved.text()}`);
    const version = created.version;
    const started = await page.request.post(url + '/api/v1/simulations', {
      headers: { 'x-csrf-token': csrfToken },
      data: { ruleSetKey: 'corporate-credit-policy', candidate: { version }, baseline: 'active', population: { portfolio: {} } },
    });
    if (!started.ok()) throw new Error(`starting the screenshot simulation failed: ${started.status()} ${await started.text()}`);
    simulation = (await started.json()).id;
  }
  await page.goto(`${url}/simulations/${simulation}`);
  await page.locator('#sim-matrix').waitFor({ timeout: 120_000 });
  await settle(page);
}

/**
 * The throwaway server loads its demo book in the background after start-up and then scans it; wait for that scan
 * so the client, alert and dashboard shots have data. The admin's relationship-manager code is set to the owner of
 * a red alert, so the inbox opens on "mine" and the dashboard shows that person's overdue alerts.
 */
async function waitForDemoBook(page, url) {
  for (let i = 0; i < 240; i++) {
    const scans = await (await page.request.get(url + '/api/v1/monitoring/scans?status=completed&limit=1')).json();
    if (scans.items?.length) break;
    await page.waitForTimeout(500);
  }
  const red = await (await page.request.get(url + '/api/v1/alerts?status=active&severity=red&limit=1')).json();
  const me = await (await page.request.get(url + '/api/v1/auth/me')).json();
  const owner = red.items?.[0]?.owner;
  if (owner) await page.evaluate(([key, code]) => localStorage.setItem(key, code), [`covenant.ownerCode.${me.user.id}`, owner]);
}

/** Opens the newest decision of the log (the seeded ones on the throwaway server). */
async function openFirstDecision(page, url) {
  await page.goto(url + '/decisions');
  await settle(page);
  await page.locator('tr[data-decision-id] a').first().click();
  await page.locator('#decision-summary').waitFor();
  await settle(page);
}

/**
 * A throwaway server starts with an empty decision log; decide a few of the corporate policy's test cases (with a
 * trace) as the signed-in admin so the log, the detail and the dashboard chart have something to show.
 */
async function seedDecisions(page, url) {
  const { readFileSync } = await import('node:fs');
  const corporate = JSON.parse(readFileSync(join(root, 'rules', 'credit-policy', 'corporate.json'), 'utf8'));
  const me = await (await page.request.get(url + '/api/v1/auth/me')).json();
  for (const test of corporate.tests.slice(0, 24)) {
    const res = await page.request.post(url + '/api/v1/decisions/corporate-credit-policy', {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { facts: test.facts, trace: true },
    });
    if (!res.ok()) throw new Error(`seeding a decision failed: ${res.status()} ${await res.text()}`);
  }
}

/** The harness modules are CommonJS TypeScript; their exports sit on `default` or at the top. */
async function load(path) {
  const mod = await import(pathToFileURL(join(root, path)).href);
  return { ...mod.default, ...mod };
}

async function startServer() {
  if (process.env.COVENANT_URL) return { url: process.env.COVENANT_URL.replace(/\/$/, ''), close: async () => {} };
  const { ensureUiBuilt } = await load('test/e2e/ui-build.ts');
  const { startTestServer } = await load('test/support/test-server.ts');
  await ensureUiBuilt((line) => console.log(`screenshots: ${line}`));
  // A small demo book (the test default is none) so the client, alert and simulation shots have data.
  return startTestServer({ seedDemo: true, env: { COVENANT_DEMO_CLIENTS: '400' } });
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"] .MuiCircularProgress-root'));
}

async function main() {
  const { launchBrowser, CHROMIUM_PATH } = await load('test/e2e/browser.ts');
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser().catch((err) => {
      throw new Error(`cannot start chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH): ${err.message}`);
    });
    mkdirSync(outDir, { recursive: true });
    const shot = async (page, name) => {
      const file = join(outDir, `${name}.png`);
      await page.screenshot({ path: file });
      console.log(`screenshots: ${file.slice(root.length + 1)}`);
    };

    // The sign-in page in both languages: zh-CN is what a new visitor sees.
    for (const lang of ['zh-CN', 'en']) {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await context.addInitScript((l) => localStorage.setItem('covenant.language', l), lang);
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await settle(page);
      await shot(page, `login-${lang}`);
      await context.close();
    }

    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript((l) => localStorage.setItem('covenant.language', l), language);
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.locator('#login-username').fill(username);
    await page.locator('#login-password').fill(password);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/');
    if (!process.env.COVENANT_URL) {
      await seedDecisions(page, server.url);
      await waitForDemoBook(page, server.url);
    }
    for (const [name, path] of PAGES) {
      await page.goto(server.url + path);
      await settle(page);
      await shot(page, name);
    }
    for (const [name, prepare] of VIEWS) {
      await prepare(page, server.url);
      await page.waitForTimeout(400); // dialogs and expanding rows animate in
      await shot(page, name);
    }
    await page.locator('header button[aria-haspopup="menu"]').click();
    // Wait for the menu's fade-in to finish, or the shot catches it half transparent.
    await page.waitForFunction(() => {
      const paper = document.querySelector('[role="menu"]')?.closest('.MuiPaper-root');
      return paper && getComputedStyle(paper).opacity === '1';
    });
    await shot(page, 'user-menu');
    await context.close();
  } finally {
    await browser?.close();
    await server.close();
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err.stack || err}`);
  process.exit(1);
});
