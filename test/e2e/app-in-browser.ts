import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server';
import { launchBrowser } from './browser';
import { ensureUiBuilt } from './ui-build';

export interface BrowserApp {
  /** The test server's base URL, e.g. http://127.0.0.1:43121 */
  readonly url: string;
  /** A fresh page in its own browser context (own cookies and storage), at 1280×800. */
  newPage(): Promise<Page>;
  /** Script errors and CSP violations the pages reported; a test ends by expecting this to be empty. */
  readonly pageErrors: string[];
}

/**
 * Starts the built admin UI on a real test server (temporary SQLite store with the demo users) and a headless
 * chromium, once per suite. Call inside a describeInBrowser block.
 */
export function useAppInBrowser(): BrowserApp {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await ensureUiBuilt((line) => process.stdout.write(`e2e: ${line}\n`));
    server = await startTestServer({ seedDemo: true });
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get url() {
      if (!server) throw new Error('the test server is not running (beforeAll failed?)');
      return server.url;
    },
    pageErrors,
    async newPage() {
      if (!browser) throw new Error('the browser is not running (beforeAll failed?)');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // A 401 from /auth/me is how a signed-out visitor is recognised; chromium logs it as a failed resource.
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
      });
      return page;
    },
  };
}
