import type { AuditEvent } from '../../modules/audit/audit';
import type { ApiKeyStore } from '../../modules/auth/api-key-store';
import type { SessionStore } from '../../modules/auth/session-store';
import { storedUser, type ApiKey, type Session, type User } from '../../modules/auth/user';
import type { UserStore } from '../../modules/auth/user-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import type { MemoryAuditStore } from './memory-audit-store';
import { clone } from './memory-util';

const copy = (u: User): User => storedUser(clone(u));

export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, User>();
  constructor(private readonly audit: MemoryAuditStore) {}

  async create(user: User, audit: AuditEvent[]) {
    if ([...this.users.values()].some((u) => u.username.toLowerCase() === user.username.toLowerCase()))
      throw new ConflictError('username_taken', `The username '${user.username}' is taken.`);
    this.users.set(user.id, copy(user));
    this.audit.appendSync(audit);
    return copy(user);
  }

  async update(next: User, expectedRevision: number, audit: AuditEvent[]) {
    const cur = this.users.get(next.id);
    if (!cur) throw new NotFoundError('User', next.id);
    if (cur.revision !== expectedRevision) throw new RevisionConflictError(`User ${next.username}`, expectedRevision, cur.revision);
    if ([...this.users.values()].some((u) => u.id !== next.id && u.username.toLowerCase() === next.username.toLowerCase()))
      throw new ConflictError('username_taken', `The username '${next.username}' is taken.`);
    this.users.set(next.id, copy(next));
    this.audit.appendSync(audit);
    return copy(next);
  }

  async recordLogin(id: string, state: Pick<User, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>) {
    const cur = this.users.get(id);
    // Field by field: a whole User passed here must not change anything beyond the login counters.
    if (cur) Object.assign(cur, { failedLogins: state.failedLogins, lockedUntil: state.lockedUntil, lastLoginAt: state.lastLoginAt });
  }

  async getById(id: string) {
    const u = this.users.get(id);
    return u ? copy(u) : null;
  }

  async getByUsername(username: string) {
    const u = [...this.users.values()].find((x) => x.username.toLowerCase() === username.toLowerCase());
    return u ? copy(u) : null;
  }

  async list() {
    return [...this.users.values()].sort((a, b) => a.username.localeCompare(b.username)).map(copy);
  }

  async count() {
    return this.users.size;
  }
}

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, Session>();

  async create(s: Session) {
    this.sessions.set(s.tokenHash, clone(s));
  }
  async get(tokenHash: string) {
    const s = this.sessions.get(tokenHash);
    return s ? clone(s) : null;
  }
  async touch(tokenHash: string, lastSeenAt: string) {
    const s = this.sessions.get(tokenHash);
    if (s) s.lastSeenAt = lastSeenAt;
  }
  async delete(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }
  async deleteForUser(userId: string) {
    for (const [k, s] of this.sessions) if (s.userId === userId) this.sessions.delete(k);
  }
  async deleteExpired(now: string) {
    let n = 0;
    for (const [k, s] of this.sessions)
      if (s.expiresAt <= now) {
        this.sessions.delete(k);
        n++;
      }
    return n;
  }
}

export class MemoryApiKeyStore implements ApiKeyStore {
  private readonly keys = new Map<string, ApiKey>();
  constructor(private readonly audit: MemoryAuditStore) {}

  async create(key: ApiKey, audit: AuditEvent[]) {
    if ([...this.keys.values()].some((k) => k.prefix === key.prefix)) throw new ConflictError('prefix_taken', 'API key prefix collision; try again.');
    this.keys.set(key.id, clone(key));
    this.audit.appendSync(audit);
    return clone(key);
  }
  async getByPrefix(prefix: string) {
    const k = [...this.keys.values()].find((x) => x.prefix === prefix);
    return k ? clone(k) : null;
  }
  async getById(id: string) {
    const k = this.keys.get(id);
    return k ? clone(k) : null;
  }
  async list() {
    return [...this.keys.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map(clone);
  }
  async revoke(id: string, at: string, audit: AuditEvent[]) {
    const k = this.keys.get(id);
    if (!k) throw new NotFoundError('API key', id);
    if (!k.revokedAt) {
      k.revokedAt = at;
      this.audit.appendSync(audit);
    }
    return clone(k);
  }
  async touch(id: string, at: string) {
    const k = this.keys.get(id);
    if (k && (!k.lastUsedAt || k.lastUsedAt < at)) k.lastUsedAt = at;
  }
}
