import type { Statement } from 'better-sqlite3';
import type { AuditEvent } from '../../modules/audit/audit';
import { storedUser, type User } from '../../modules/auth/user';
import type { UserStore } from '../../modules/auth/user-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

type Row = { doc: string };

/**
 * Staff users in `users`. The lower-cased username is its own UNIQUE column, so "Alice" and "alice" collide in the
 * index itself and not only in a check a concurrent writer could slip past.
 */
export class SqliteUserStore implements UserStore {
  private readonly q: Record<'byId' | 'byName' | 'head' | 'insert' | 'update' | 'all' | 'count', Statement>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.q = {
      byId: db.prepare('SELECT doc FROM users WHERE id = ?'),
      byName: db.prepare('SELECT doc FROM users WHERE username_lower = ?'),
      head: db.prepare('SELECT id, revision FROM users WHERE username_lower = ?'),
      insert: db.prepare('INSERT INTO users (id, username_lower, revision, doc) VALUES (@id, @usernameLower, @revision, @doc)'),
      update: db.prepare('UPDATE users SET username_lower = @usernameLower, revision = @revision, doc = @doc WHERE id = @id'),
      all: db.prepare('SELECT doc FROM users'),
      count: db.prepare('SELECT COUNT(*) FROM users').pluck(),
    };
  }

  async create(user: User, audit: AuditEvent[]): Promise<User> {
    return immediate(this.db, () => {
      this.assertNameFree(user.username, null);
      this.q.insert.run(params(user));
      this.audit.appendSync(audit);
      return parse(JSON.stringify(user));
    });
  }

  async update(next: User, expectedRevision: number, audit: AuditEvent[]): Promise<User> {
    return immediate(this.db, () => {
      const cur = this.read(next.id);
      if (!cur) throw new NotFoundError('User', next.id);
      if (cur.revision !== expectedRevision) throw new RevisionConflictError(`User ${next.username}`, expectedRevision, cur.revision);
      this.assertNameFree(next.username, next.id);
      this.q.update.run(params(next));
      this.audit.appendSync(audit);
      return parse(JSON.stringify(next));
    });
  }

  async recordLogin(id: string, state: Pick<User, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>): Promise<void> {
    immediate(this.db, () => {
      const cur = this.read(id);
      if (!cur) return;
      // Copy the three fields by name: a caller handing over a whole User must not sneak other changes past the
      // revision check and the audit trail.
      const next: User = { ...cur, failedLogins: state.failedLogins, lockedUntil: state.lockedUntil, lastLoginAt: state.lastLoginAt };
      this.q.update.run(params(next));
    });
  }

  async getById(id: string): Promise<User | null> {
    return this.read(id);
  }

  async getByUsername(username: string): Promise<User | null> {
    const row = this.q.byName.get(username.toLowerCase()) as Row | undefined;
    return row ? parse(row.doc) : null;
  }

  async list(): Promise<User[]> {
    // Sorted in JavaScript so the order matches the other adapters (localeCompare, not SQLite's byte order).
    return (this.q.all.all() as Row[]).map((r) => parse(r.doc)).sort((a, b) => a.username.localeCompare(b.username));
  }

  async count(): Promise<number> {
    return this.q.count.get() as number;
  }

  private read(id: string): User | null {
    const row = this.q.byId.get(id) as Row | undefined;
    return row ? parse(row.doc) : null;
  }

  private assertNameFree(username: string, ownId: string | null): void {
    const holder = this.q.head.get(username.toLowerCase()) as { id: string } | undefined;
    if (holder && holder.id !== ownId) throw new ConflictError('username_taken', `The username '${username}' is taken.`);
  }
}

function params(u: User) {
  return { id: u.id, usernameLower: u.username.toLowerCase(), revision: u.revision, doc: JSON.stringify(u) };
}

function parse(doc: string): User {
  return storedUser(JSON.parse(doc) as User);
}
