import type { Actor } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { NotFoundError, ValidationError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { auditEvent } from '../audit/audit';
import { hashPassword, passwordProblems, verifyPassword } from './password';
import type { Role } from './permissions';
import type { SessionStore } from './session-store';
import { publicUser, type PublicUser, type User } from './user';
import type { UserStore } from './user-store';

export interface NewUser {
  username: string;
  displayName?: string;
  roles: Role[];
  password: string;
  demo?: boolean;
  rmCode?: string | null;
}

export interface UserChange {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
  /** null clears it. */
  rmCode?: string | null;
}

/** User administration. Audit events never contain password hashes. */
export class UserService {
  constructor(
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  async create(input: NewUser, actor: Actor): Promise<PublicUser> {
    // Demo accounts carry a published password that the policy would refuse; they are labelled and never seeded in production.
    if (!input.demo) {
      const problems = passwordProblems(input.password, input.username);
      if (problems.length) throw new ValidationError('The password does not meet the policy.', problems);
    }
    const now = this.clock.now().toISOString();
    const user: User = {
      id: newId('usr'),
      username: input.username,
      displayName: input.displayName ?? input.username,
      roles: [...new Set(input.roles)],
      rmCode: input.rmCode ?? null,
      passwordHash: await hashPassword(input.password),
      disabled: false,
      demo: input.demo ?? false,
      revision: 1,
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      passwordChangedAt: now,
      createdAt: now,
      updatedAt: now,
    };
    const after = publicUser(user);
    await this.users.create(user, [auditEvent(actor, 'user.created', { type: 'user', id: user.id, key: user.username }, { after }, now)]);
    return after;
  }

  async update(id: string, change: UserChange, actor: Actor, expectedRevision?: number): Promise<PublicUser> {
    const cur = await this.users.getById(id);
    if (!cur) throw new NotFoundError('User', id);
    const now = this.clock.now().toISOString();
    const next: User = { ...cur, revision: cur.revision + 1, updatedAt: now };
    if (change.displayName !== undefined) next.displayName = change.displayName;
    if (change.roles !== undefined) next.roles = [...new Set(change.roles)];
    if (change.disabled !== undefined) next.disabled = change.disabled;
    if (change.rmCode !== undefined) next.rmCode = change.rmCode;
    if (change.password !== undefined) {
      const problems = passwordProblems(change.password, cur.username);
      if (problems.length) throw new ValidationError('The password does not meet the policy.', problems);
      next.passwordHash = await hashPassword(change.password);
      next.passwordChangedAt = now;
      next.failedLogins = 0;
      next.lockedUntil = null;
    }
    const { passwordHash: _a, ...before } = cur;
    const after = publicUser(next);
    const saved = await this.users.update(next, expectedRevision ?? cur.revision, [
      auditEvent(actor, change.password !== undefined ? 'user.password-changed' : 'user.updated', { type: 'user', id, key: cur.username }, { before, after }, now),
    ]);
    // Disabling a user or changing their password ends their sessions everywhere.
    if (change.disabled || change.password !== undefined) await this.sessions.deleteForUser(id);
    return publicUser(saved);
  }

  async changeOwnPassword(userId: string, current: string, next: string, actor: Actor): Promise<void> {
    const user = await this.users.getById(userId);
    if (!user) throw new NotFoundError('User', userId);
    if (!(await verifyPassword(current, user.passwordHash)))
      throw new ValidationError('The current password is wrong.', [{ pointer: '/currentPassword', code: 'wrong_password', message: 'is not your current password' }]);
    await this.update(userId, { password: next }, actor);
  }

  async list(): Promise<PublicUser[]> {
    return (await this.users.list()).map(publicUser);
  }

  async get(id: string): Promise<PublicUser> {
    const u = await this.users.getById(id);
    if (!u) throw new NotFoundError('User', id);
    return publicUser(u);
  }

  async count(): Promise<number> {
    return this.users.count();
  }
}
