import type { Role } from './permissions';

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /**
   * The relationship-manager code this person works under (a client profile's `relationshipManager`, which alerts
   * name as their `owner`), set by an administrator; null for staff who own no clients. Lets "my alerts" be theirs.
   */
  rmCode: string | null;
  /** scrypt hash, `scrypt$N$r$p$salt$hash`; never leaves the service layer. */
  passwordHash: string;
  disabled: boolean;
  /** Demo accounts share a published password and must never exist in production. */
  demo: boolean;
  revision: number;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** A stored user as the port returns it: records written before `rmCode` existed read back with `rmCode: null`. */
export function storedUser(u: User): User {
  return u.rmCode === undefined ? { ...u, rmCode: null } : u;
}

/** What the API shows of a user. */
export type PublicUser = Omit<User, 'passwordHash'>;

export function publicUser(u: User): PublicUser {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

export interface Session {
  /** sha256 of the cookie token: a leaked database does not yield live sessions. */
  tokenHash: string;
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  /** The first characters of the secret, shown in lists so people can tell keys apart. */
  prefix: string;
  secretHash: string;
  scopes: string[];
  createdBy: { kind: string; id: string; name: string };
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export type PublicApiKey = Omit<ApiKey, 'secretHash'>;

export function publicApiKey(k: ApiKey): PublicApiKey {
  const { secretHash: _omit, ...rest } = k;
  return rest;
}
