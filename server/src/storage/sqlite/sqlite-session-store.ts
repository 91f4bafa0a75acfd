import type { Statement } from 'better-sqlite3';
import type { Session } from '../../modules/auth/user';
import type { SessionStore } from '../../modules/auth/session-store';
import type { SqliteDatabase } from './database';

type Row = { doc: string };

/** Staff sessions in `sessions`. Single-statement writes, so no explicit transaction is needed. */
export class SqliteSessionStore implements SessionStore {
  private readonly q: Record<'insert' | 'get' | 'touch' | 'remove' | 'removeForUser' | 'removeExpired', Statement>;

  constructor(db: SqliteDatabase) {
    this.q = {
      // REPLACE: the memory reference overwrites a session with the same token hash; keep the same behaviour.
      insert: db.prepare('INSERT OR REPLACE INTO sessions (token_hash, user_id, expires_at, doc) VALUES (@tokenHash, @userId, @expiresAt, @doc)'),
      get: db.prepare('SELECT doc FROM sessions WHERE token_hash = ?'),
      // json_set keeps the read-modify-write inside one statement, so it cannot resurrect a concurrently deleted session.
      touch: db.prepare("UPDATE sessions SET doc = json_set(doc, '$.lastSeenAt', ?) WHERE token_hash = ?"),
      remove: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      removeForUser: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
      removeExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
  }

  async create(s: Session): Promise<void> {
    this.q.insert.run({ tokenHash: s.tokenHash, userId: s.userId, expiresAt: s.expiresAt, doc: JSON.stringify(s) });
  }

  async get(tokenHash: string): Promise<Session | null> {
    const row = this.q.get.get(tokenHash) as Row | undefined;
    return row ? (JSON.parse(row.doc) as Session) : null;
  }

  async touch(tokenHash: string, lastSeenAt: string): Promise<void> {
    this.q.touch.run(lastSeenAt, tokenHash);
  }

  async delete(tokenHash: string): Promise<void> {
    this.q.remove.run(tokenHash);
  }

  async deleteForUser(userId: string): Promise<void> {
    this.q.removeForUser.run(userId);
  }

  async deleteExpired(now: string): Promise<number> {
    return this.q.removeExpired.run(now).changes;
  }
}
