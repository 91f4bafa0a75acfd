import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, type Composition } from '../../server/src/composition-root';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import type { Page } from '../../server/src/modules/audit/audit';
import type { DecisionQuery, DecisionRecord } from '../../server/src/modules/decisions/decision';
import type { AppendOutcome, DecisionCountQuery, DecisionLogStore } from '../../server/src/modules/decisions/decision-log-store';
import type { DecisionSettings } from '../../server/src/modules/decisions/decision-settings';
import type { Clock } from '../../server/src/shared/clock';
import { SchemaValidator } from '../../server/src/shared/validation';
import { ApiClient } from '../support/http-client';

export interface DecisionServer {
  url: string;
  dataDir: string;
  composition: Composition;
  close(opts?: { keepData?: boolean }): Promise<void>;
}

/**
 * Like test/support/test-server.ts, plus what the decision tests need: decision settings (short intervals, tiny
 * spools, a store wrapper) and an existing data directory, so two compositions can share one SQLite file.
 */
export async function startDecisionServer(opts: { dataDir?: string; decisions?: Partial<DecisionSettings>; config?: Partial<Config>; clock?: Clock } = {}): Promise<DecisionServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'covenant-decisions-'));
  // No demo seeding: these tests make their own rule sets, so the shipped library (and its state) cannot affect them.
  const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: dataDir, COVENANT_STORE: 'sqlite', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }, {
    port: 0,
    seedDemo: false,
    adminPassword: ADMIN_PASSWORD,
    ...opts.config,
  });
  const composition = await compose(config, createLogger(config.logLevel), opts.clock, { decisions: opts.decisions });
  const server: Server = createServer(composition.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    composition,
    async close(o = {}) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composition.close();
      if (!o.keepData && !opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const ADMIN_PASSWORD = 'Kestrel-Harbour-7731';
const STAFF_PASSWORD = 'Lantern-Quarry-4820';

/** Signs in the admin and, creating them on first use, an analyst and an approver. */
export async function staff(url: string): Promise<{ admin: ApiClient; analyst: ApiClient; approver: ApiClient }> {
  const admin = await ApiClient.signedIn(url, 'admin', ADMIN_PASSWORD);
  for (const role of ['analyst', 'approver']) await admin.post('/api/v1/admin/users', { username: role, roles: [role], password: STAFF_PASSWORD });
  const [analyst, approver] = await Promise.all(['analyst', 'approver'].map((u) => ApiClient.signedIn(url, u, STAFF_PASSWORD)));
  return { admin, analyst, approver };
}

/** Creates a rule set through the governed path (analyst writes, approver approves and activates); returns its version. */
export async function activateRuleSet(analyst: ApiClient, approver: ApiClient, doc: { key: string }, opts: { activate?: boolean } = {}): Promise<number> {
  const created = await analyst.post('/api/v1/rule-sets', { document: doc });
  if (created.status !== 201) throw new Error(`create ${doc.key}: ${created.status} ${JSON.stringify(created.body)}`);
  const v = created.body.version as number;
  const base = `/api/v1/rule-sets/${doc.key}/versions/${v}`;
  for (const [who, step] of [[analyst, 'submit'], [approver, 'approve'], ...(opts.activate === false ? [] : [[approver, 'activate']])] as [ApiClient, string][]) {
    const r = await who.post(`${base}/${step}`, {});
    if (r.status !== 200) throw new Error(`${step} ${doc.key}@${v}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return v;
}

/** An API key with the given scopes, as a client that sends it. */
export async function apiKeyClient(url: string, admin: ApiClient, name: string, scopes = ['decisions:evaluate', 'decisions:read']): Promise<ApiClient & { keyId: string }> {
  const r = await admin.post('/api/v1/admin/api-keys', { name, scopes });
  if (r.status !== 201 && r.status !== 200) throw new Error(`api key: ${r.status} ${JSON.stringify(r.body)}`);
  return Object.assign(new ApiClient(url, r.body.secret), { keyId: r.body.id as string });
}

/** A decision log that can be told to fail, over the real (SQLite) one: the fail-static tests switch it. */
export class SwitchableLogStore implements DecisionLogStore {
  failing = false;
  appendCalls = 0;
  constructor(readonly inner: DecisionLogStore) {}
  private check() {
    if (this.failing) throw new Error('SQLITE_IOERR: disk I/O error (test)');
  }
  async append(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    this.appendCalls++;
    this.check();
    return this.inner.append(records);
  }
  async get(id: string) {
    this.check();
    return this.inner.get(id);
  }
  async findByIdempotencyKeys(callerId: string, keys: string[]) {
    this.check();
    return this.inner.findByIdempotencyKeys(callerId, keys);
  }
  async list(q: DecisionQuery): Promise<Page<DecisionRecord>> {
    this.check();
    return this.inner.list(q);
  }
  async countByDay(q: DecisionCountQuery) {
    this.check();
    return this.inner.countByDay(q);
  }
}

let validator: SchemaValidator | undefined;
/** Strict response validation against the schemas in schemas/. */
export function expectSchema(schemaId: string, body: unknown): void {
  validator ??= new SchemaValidator();
  const errors = validator.check(schemaId, body);
  if (errors.length) throw new Error(`response does not match ${schemaId}: ${JSON.stringify(errors, null, 1)}\n${JSON.stringify(body).slice(0, 2000)}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or `ms` pass. */
export async function eventually<T>(fn: () => Promise<T>, ms = 3000, every = 25): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v || Date.now() > until) return v;
    await sleep(every);
  }
}
