import type { Session } from './user';

/**
 * Staff sessions, addressed by the hash of their token. Promises: `get` returns null for unknown or deleted
 * sessions; `deleteForUser` removes every session of that user (used on disable and password change).
 */
export interface SessionStore {
  create(session: Session): Promise<void>;
  get(tokenHash: string): Promise<Session | null>;
  touch(tokenHash: string, lastSeenAt: string): Promise<void>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: string): Promise<number>;
}
