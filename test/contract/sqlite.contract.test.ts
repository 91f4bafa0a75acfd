import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_SEGMENTS } from '../../server/src/modules/clients/client';
import { migrate } from '../../server/src/storage/sqlite/database';
import { MIGRATIONS } from '../../server/src/storage/sqlite/migrations';
import { minimalProfile } from '../api/clients-support';
import { openSqliteStores } from '../../server/src/storage/sqlite/sqlite-stores';
import { event } from './fixtures';
import { storeContracts } from './store-contracts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'covenant-contract-')), 'covenant.db');
const removeFile = (file: string) => rmSync(join(file, '..'), { recursive: true, force: true });

storeContracts('sqlite', async () => {
  const file = tempFile();
  const stores = openSqliteStores(file);
  return { stores, cleanup: async () => (await stores.close(), removeFile(file)) };
});

/** What only the SQLite adapter has: the file, its migrations and its database-level backstops. */
describe('SQLite adapter specifics', () => {
  let file: string;
  beforeEach(() => (file = tempFile()));
  afterEach(() => removeFile(file));

  it('records every migration once, is new only the first time, and keeps data across reopening', async () => {
    const first = openSqliteStores(file);
    expect(first.isNew).toBe(true);
    await first.audit.append([event()]);
    await first.close();
    const again = openSqliteStores(file);
    expect(again.isNew).toBe(false);
    expect((await again.audit.list({})).items).toHaveLength(1);
    await again.ping();
    await again.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    db.close();
  });

  it('moves client profiles out of the client rows (migration 6), keeping every client readable', async () => {
    const db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version < 6));
    const segments = JSON.stringify({ ...EMPTY_SEGMENTS, tier: 'gold' });
    const profile = minimalProfile();
    const doc = JSON.stringify({ id: 'cli_1', revision: 2, key: 'uscc:x', profile, createdAt: 'a', createdBy: { kind: 'system', id: 'system', name: 'system' }, updatedAt: 'b', updatedBy: { kind: 'system', id: 'system', name: 'system' } });
    db.prepare(
      `INSERT INTO clients (id, natural_key, revision, name, country, tier, segments, created_at, created_by, updated_at, doc)
       VALUES ('cli_1', 'uscc:x', 2, 'x', 'CN', 'gold', ?, 'a', '{}', 'b', ?)`,
    ).run(segments, doc);
    migrate(db);
    expect(db.prepare("SELECT doc FROM client_profiles WHERE id = 'cli_1'").pluck().get()).toBe(doc);
    expect((db.prepare('PRAGMA table_info(clients)').all() as { name: string }[]).map((c) => c.name)).not.toContain('doc');
    db.close();
    const stores = openSqliteStores(file);
    expect(await stores.clients.get('cli_1')).toMatchObject({ id: 'cli_1', revision: 2, profile, segments: { tier: 'gold' } });
    await stores.close();
  });

  it('refuses UPDATE and DELETE on the audit table and a second active version at the database level', async () => {
    const stores = openSqliteStores(file);
    await stores.audit.append([event()]);
    await stores.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
    const row = db.prepare("INSERT INTO rule_set_versions (key, version, status, revision, doc) VALUES ('k', ?, 'active', 1, '{}')");
    row.run(1);
    expect(() => row.run(2)).toThrow(/UNIQUE/);
    db.close();
  });
});
