import Database from 'better-sqlite3';
import { join } from 'node:path';
import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient, type Reply } from '../support/http-client';
import { activateRuleSet, apiKeyClient, staff, startDecisionServer, type DecisionServer } from '../api/decisions-support';

/**
 * Faults of the embedded store under admin writes: the database locked by another process (the store unreachable for
 * writes), every handle closed (the store gone), and the disk full (PRAGMA max_page_count on the server's own
 * connection; a tmpfs mount would need root). Every write must answer a problem document with a stable code, never a
 * 500, and leave nothing half-written.
 */

/** The server's own SQLite connection (the stores share one; not part of the Stores port, so reached for here). */
const serverDb = (srv: DecisionServer): Database.Database => (srv.composition.stores.audit as unknown as { db: Database.Database }).db;

function expectProblem(r: Reply, status: number, code: string) {
  expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
  expect(r.contentType).toContain('application/problem+json');
  expect(JSON.stringify(r.body)).not.toMatch(/at .*\.(ts|js):\d+|SqliteError|node_modules/);
}

interface World {
  srv: DecisionServer;
  admin: ApiClient;
  analyst: ApiClient;
  approver: ApiClient;
  decider: ApiClient;
  draft: number; // an open draft of 'corp' (version 2)
  approved: number; // an approved, not active version of 'other'
}

async function world(): Promise<World> {
  const srv = await startDecisionServer({ decisions: { retryIntervalMs: 100 } });
  const { admin, analyst, approver } = await staff(srv.url);
  await activateRuleSet(analyst, approver, simplePolicy('corp'));
  await activateRuleSet(analyst, approver, simplePolicy('other'));
  const approved = await activateRuleSet(analyst, approver, simplePolicy('other', 0.6), { activate: false });
  const draft = (await analyst.post('/api/v1/rule-sets', { document: simplePolicy('corp', 0.65) })).body.version as number;
  const decider = await apiKeyClient(srv.url, admin, 'decider');
  return { srv, admin, analyst, approver, decider, draft, approved };
}

/** What an admin write could leave behind: the audit trail, the keys, the versions of both rule sets. */
async function snapshot(w: World) {
  const db = serverDb(w.srv);
  return {
    audit: db.prepare('SELECT count(*) FROM audit_events').pluck().get(),
    keys: (await w.admin.get('/api/v1/admin/api-keys')).body.items.length,
    corp: (await w.analyst.get('/api/v1/rule-sets/corp/versions')).body.items.map((v: any) => [v.version, v.status, v.revision]),
    other: (await w.analyst.get('/api/v1/rule-sets/other/versions')).body.items.map((v: any) => [v.version, v.status, v.revision]),
  };
}

/** The three admin writes of the brief: replace a draft, create an API key, activate a version. */
async function adminWrites(w: World): Promise<Reply[]> {
  const draft = await w.analyst.get(`/api/v1/rule-sets/corp/versions/${w.draft}`);
  return [
    await w.analyst.put(`/api/v1/rule-sets/corp/versions/${w.draft}`, simplePolicy('corp', 0.61), { 'if-match': draft.headers.get('etag') ?? '' }),
    await w.admin.post('/api/v1/admin/api-keys', { name: 'during the fault', scopes: ['decisions:evaluate'] }),
    await w.approver.post(`/api/v1/rule-sets/other/versions/${w.approved}/activate`, {}),
  ];
}

describe('faults: the store is unreachable for writes (locked by another process)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);
  afterAll(() => w.srv.close());

  it('admin writes answer 503 store_unavailable, decisions go on, and nothing is half-written once the lock is gone', async () => {
    const before = await snapshot(w);
    // Shorter than the 5 s default so the test stays short; the behaviour at the end of the wait is the same.
    serverDb(w.srv).pragma('busy_timeout = 300');
    const other = new Database(join(w.srv.dataDir, 'covenant.db'));
    other.exec('BEGIN EXCLUSIVE');
    try {
      for (const r of await adminWrites(w)) {
        expectProblem(r, 503, 'store_unavailable');
        expect(r.headers.get('retry-after')).toBe('1');
      }
      // Reads go on (WAL: readers do not wait for the writer) and so do decisions (fail-static).
      expect((await w.analyst.get('/api/v1/rule-sets/corp')).status).toBe(200);
      const d = await w.decider.post('/api/v1/decisions/corp', { facts: { debtToAsset: 0.5 } });
      expect(d.status).toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await snapshot(w)).toEqual(before);
    const again = await adminWrites(w);
    expect(again.map((r) => r.status)).toEqual([200, 201, 200]);
  }, 60_000);
});

describe('faults: every store handle closed under the server', () => {
  it('answers 503 store_unavailable, not 500, for admin reads and writes', async () => {
    const w = await world();
    try {
      await w.srv.composition.stores.close();
      const draft = await w.analyst.put(`/api/v1/rule-sets/corp/versions/${w.draft}`, simplePolicy('corp', 0.61), { 'if-match': '"1"' });
      expectProblem(draft, 503, 'store_unavailable');
      expectProblem(await w.admin.post('/api/v1/admin/api-keys', { name: 'gone', scopes: ['decisions:evaluate'] }), 503, 'store_unavailable');
      expectProblem(await w.admin.get('/api/v1/audit'), 503, 'store_unavailable');
    } finally {
      await w.srv.close().catch(() => undefined);
    }
  }, 60_000);
});

describe('faults: the SQLite disk is full (max_page_count)', () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 60_000);
  afterAll(() => w.srv.close());

  it('answers 507 storage_full, keeps the file intact, and writes again once space returns', async () => {
    const db = serverDb(w.srv);
    const pages = db.pragma('page_count', { simple: true }) as number;
    const before = await snapshot(w);
    db.pragma(`max_page_count = ${pages}`);
    try {
      // Enough writes that one must need a new page: API keys with long names (each also appends an audit event).
      let full: Reply | undefined;
      for (let i = 0; i < 200 && !full; i++) {
        const r = await w.admin.post('/api/v1/admin/api-keys', { name: `filler ${i} ${'x'.repeat(100)}`, scopes: ['decisions:evaluate'] });
        if (r.status !== 201) full = r;
      }
      expect(full).toBeDefined();
      expectProblem(full!, 507, 'storage_full');
      expect(full!.body.title).toBe('Insufficient storage');
      for (const r of await adminWrites(w)) if (r.status >= 300) expectProblem(r, 507, 'storage_full');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((await w.decider.post('/api/v1/decisions/corp', { facts: { debtToAsset: 0.5 } })).status).toBe(200);
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
    const after = await snapshot(w);
    expect(after.corp.length).toBe(before.corp.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const r = await w.admin.post('/api/v1/admin/api-keys', { name: 'space is back', scopes: ['decisions:evaluate'] });
    expect(r.status).toBe(201);
  }, 60_000);
});
