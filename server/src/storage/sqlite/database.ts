import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { MIGRATIONS, type Migration } from './migrations';

export type SqliteDatabase = Database.Database;

export interface OpenedDatabase {
  db: SqliteDatabase;
  /** True when the file did not exist, or existed without any migration applied: nothing in it is ours yet. */
  isNew: boolean;
}

/**
 * Opens (creating if needed) a SQLite file and brings its schema up to date.
 *
 * - WAL lets readers run while one writer commits, which is what a decision service with rare admin writes needs;
 *   synchronous=NORMAL is durable across process crashes in WAL mode and only risks the last commits on power loss.
 * - busy_timeout makes a second connection (another process, a worker thread) wait for the write lock instead of
 *   failing at once with SQLITE_BUSY.
 * - Page size and cache are sized for a register of large client profiles (below).
 */
export function openDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const existed = file !== ':memory:' && existsSync(file);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    // A new file gets 8 KiB pages (SQLite's default is 4 KiB; it cannot change once the file is in WAL mode): a
    // client profile is ~15 KB, and fewer, larger overflow pages cut an import's write work by about a sixth.
    if (!existed) db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache instead of 2 MB: an import writes a dozen indexes of a register of 100,000 clients.
    db.pragma('cache_size = -65536');
    // Checkpoint when the WAL reaches 64 MB rather than 8 MB: an import batch writes about 8 MB, so the default
    // checkpointed (copying the same hot index pages into the file, with an fsync) after nearly every batch.
    db.pragma('wal_autocheckpoint = 8192');
    const appliedBefore = migrate(db, migrations);
    return { db, isNew: !existed || appliedBefore === 0 };
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT` (rolled back if it throws). IMMEDIATE takes the write lock before the
 * first read, so a read-check-write sequence (compare-and-set, max(version) + 1) cannot interleave with another
 * connection's: the second writer waits (busy_timeout) and then reads the first one's committed result.
 * `fn` must be synchronous; better-sqlite3 refuses to commit across an await anyway.
 */
export function immediate<T>(db: SqliteDatabase, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/** Applies every migration newer than the recorded ones; returns how many were recorded before this call. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[] = MIGRATIONS): number {
  checkOrder(migrations);
  const appliedBefore = immediate(db, () => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    return (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n;
  });
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of migrations) {
    // Each migration is re-checked inside its own write transaction: two processes opening the same new file at
    // once must not both apply it.
    immediate(db, () => {
      if (isApplied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    });
  }
  return appliedBefore;
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`SQLite migration '${m.name}' has version ${m.version}; expected ${i + 1}`);
  });
}
