import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; CI installs it with apt (see .ci/run). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Quiet, deterministic, offline: no background updates, sync or QUIC probes while a test runs.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Whether browser suites can run here. On a developer machine without chromium they are skipped with one printed
 * line; in CI a missing browser is an installation fault and fails the run instead of passing silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) {
    throw new Error(`Browser suites need Chromium at ${CHROMIUM_PATH}, and CI is set: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  process.stdout.write(`Browser suites skipped: ${CHROMIUM_PATH} not installed\n`);
  return false;
}

/** `describe` for a suite that needs the browser: skipped (with a printed line) when chromium is missing. */
export function describeInBrowser(name: string, fn: () => void): void {
  if (browserAvailable()) describe(name, fn);
  else describe.skip(name, fn);
}
