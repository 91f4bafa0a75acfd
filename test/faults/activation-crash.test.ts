import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, provision } from '../crash/decision-setup';
import { ADMIN_PASSWORD, faultPolicy, freePort, killAllChildren, STAFF_PASSWORD, startChild, type ChildServer } from './child-server';

const KEY = 'fault-policy';

/**
 * SIGKILL while an approver flips the active version back and forth (activate, then rollbacks between two approved
 * versions), two rounds. After each restart on the same data directory: exactly one version is active, the audit
 * trail's last activation names it, every activation after the first retired the one before it in the same
 * transaction, and decisions are made with it.
 */
describe('faults: process killed during rule activations', () => {
  let dataDir: string;
  let srv: ChildServer | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'covenant-fault-activation-'));
  });
  afterAll(async () => {
    await srv?.kill();
    killAllChildren();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves exactly one active version, consistent with the audit trail, after each SIGKILL', async () => {
    const port = await freePort();
    srv = await startChild(dataDir, port);
    const secret = await provision(srv.base, { adminPassword: ADMIN_PASSWORD, staffPassword: STAFF_PASSWORD, document: faultPolicy(KEY) });
    const analyst = new Client(srv.base);
    await analyst.ok('POST', '/api/v1/auth/login', { username: 'analyst', password: STAFF_PASSWORD });
    const v2 = (await analyst.ok('POST', '/api/v1/rule-sets', { document: faultPolicy(KEY, 0.6) })).version as number;
    await analyst.ok('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/submit`, {});
    let approver = new Client(srv.base);
    await approver.ok('POST', '/api/v1/auth/login', { username: 'approver', password: STAFF_PASSWORD });
    await approver.ok('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/approve`, {});
    await approver.ok('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/activate`, {});

    let flips = 0;
    for (let round = 0; round < 2; round++) {
      let stop = false;
      const hammer = (async () => {
        while (!stop) {
          try {
            const active = (await approver.call('GET', `/api/v1/rule-sets/${KEY}`)).body.active?.version ?? null;
            const to = active === 1 ? v2 : 1;
            const r = await approver.call('POST', `/api/v1/rule-sets/${KEY}/rollback`, { toVersion: to });
            if (r.status === 200) flips++;
          } catch {
            return; // the server is gone
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      await srv.kill();
      stop = true;
      await hammer;

      srv = await startChild(dataDir, port);
      const db = new Database(join(dataDir, 'covenant.db'), { readonly: true });
      try {
        const rows = db.prepare('SELECT version, status FROM rule_set_versions WHERE key = ? ORDER BY version').all(KEY) as { version: number; status: string }[];
        const active = rows.filter((r) => r.status === 'active');
        expect(active).toHaveLength(1);
        const events = db
          .prepare("SELECT action, entity_id AS entityId, at FROM audit_events WHERE entity_key = ? AND action IN ('rule-set.activated', 'rule-set.rolled-back', 'rule-set.retired') ORDER BY at, id")
          .all(KEY) as { action: string; entityId: string; at: string }[];
        const versionOf = (e: { entityId: string }) => Number(/(\d+)$/.exec(e.entityId)?.[1]);
        const activations = events.filter((e) => e.action !== 'rule-set.retired');
        expect(versionOf(activations[activations.length - 1])).toBe(active[0].version);
        // Every activation but the very first (version 1 by provision) retired the previous one at the same instant.
        const retired = events.filter((e) => e.action === 'rule-set.retired');
        expect(retired).toHaveLength(activations.length - 1);
        for (const a of activations.slice(1)) expect(retired.some((r) => r.at === a.at && versionOf(r) !== versionOf(a))).toBe(true);
        // The restarted instance decides with the version the store says is active.
        const decided = await new Client(srv.base, secret).ok('POST', `/api/v1/decisions/${KEY}`, { facts: { debtToAsset: 0.65 } });
        expect(decided.ruleSet.version).toBe(active[0].version);
      } finally {
        db.close();
      }
      approver = new Client(srv.base);
      await approver.ok('POST', '/api/v1/auth/login', { username: 'approver', password: STAFF_PASSWORD });
    }
    expect(flips).toBeGreaterThan(2);
  }, 120_000);
});
