import type { AuditEvent } from '../audit/audit';
import type { User } from './user';

/**
 * Staff users. Promises:
 * - usernames are unique, compared case-insensitively: `create` of a taken name, or `update` renaming a user to a
 *   name another user holds, throws ConflictError `username_taken` (nothing changed);
 * - `update` is compare-and-set on `revision` (RevisionConflictError, nothing changed) and NotFoundError for a missing id;
 * - `recordLogin` changes only the login counters (no revision bump, no audit: it is not an administrative change);
 * - audit events are appended in the same transaction as the change;
 * - `rmCode` is stored as given (no uniqueness: a team may share a code), and a user stored before the field
 *   existed reads back with `rmCode: null`.
 */
export interface UserStore {
  create(user: User, audit: AuditEvent[]): Promise<User>;
  update(next: User, expectedRevision: number, audit: AuditEvent[]): Promise<User>;
  recordLogin(id: string, state: Pick<User, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>): Promise<void>;
  getById(id: string): Promise<User | null>;
  getByUsername(username: string): Promise<User | null>;
  list(): Promise<User[]>;
  count(): Promise<number>;
}
