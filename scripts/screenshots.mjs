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
  return startTestServer({ seedDemo: true });
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
    if (!process.env.COVENANT_URL) await seedDecisions(page, server.url);
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
