import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, type Composition } from '../../server/src/composition-root';
import { loadConfig, type MonitoringConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { makeUscc } from '../../server/src/modules/portfolio/identifiers';
import type { Clock } from '../../server/src/shared/clock';
import type { ApiClient } from '../support/http-client';

/** A clock the test moves: alert due days and "overdue" depend on the day. */
export class TestClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = Date.parse(iso);
  }
  addDays(n: number): void {
    this.t += n * 86_400_000;
  }
}

export interface MonitoringServer {
  url: string;
  dataDir: string;
  composition: Composition;
  /** Stops the server; the data directory is removed unless `keepData`. */
  close(opts?: { keepData?: boolean }): Promise<void>;
}

/**
 * A real server on a real SQLite file, like test/support/test-server.ts, but on a data directory the test may
 * reuse (a restart) and with the monitoring settings and clock the test chooses. Scan workers are off unless
 * asked for: a worker thread compiling TypeScript through tsx costs a second or two to start.
 */
export async function startMonitoringServer(opts: { dataDir?: string; monitoring?: Partial<MonitoringConfig>; clock?: Clock; env?: Record<string, string> } = {}): Promise<MonitoringServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'covenant-monitoring-'));
  const env = { NODE_ENV: 'test', COVENANT_DATA_DIR: dataDir, COVENANT_STORE: 'sqlite', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...opts.env };
  const base = loadConfig(env);
  const config = loadConfig(env, { port: 0, seedDemo: true, monitoring: { ...base.monitoring, workers: 0, ...opts.monitoring } });
  const composition = await compose(config, createLogger(config.logLevel), opts.clock);
  const server: Server = createServer(composition.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    composition,
    async close({ keepData = false } = {}) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composition.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let serial = 0;

/** A small, clean corporate profile (no signal fires on it) with a valid USCC unique in this process. */
export function profile(over: Record<string, unknown> = {}) {
  serial++;
  return {
    uscc: makeUscc('91', '350100', 900_000 + serial + Math.floor(Math.random() * 1_000_000) * 10, 7),
    name: `福州监测测试${serial}机械有限公司`,
    nameEn: `Fuzhou Monitoring Test ${serial} Machinery Co., Ltd.`,
    country: 'CN',
    provinceCode: '35',
    cityCode: '350100',
    industry: { section: 'C', division: '34' },
    establishedDate: '2010-01-01',
    relationshipManager: 'rm_zhang',
    ...over,
  };
}

export async function createClient(c: ApiClient, over: Record<string, unknown> = {}) {
  const r = await c.post('/api/v1/clients', profile(over));
  if (r.status !== 201) throw new Error(`creating a client failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; revision: number; profile: Record<string, unknown> };
}

/** Polls `read` until `done` holds for its result (monitoring works in the background after a change commits). */
export async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const day = (c: Clock) => c.now().toISOString().slice(0, 10);
