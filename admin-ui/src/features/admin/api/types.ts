/** Wire types of the administration API (server/src/modules/auth/user.ts, auth-routes.ts). */

export type Role = 'viewer' | 'analyst' | 'approver' | 'admin';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The relationship-manager code alerts name as their owner; null for staff who own no clients. */
  rmCode: string | null;
  disabled: boolean;
  demo: boolean;
  revision: number;
  failedLogins: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewUser {
  username: string;
  displayName?: string;
  roles: Role[];
  password: string;
  rmCode?: string | null;
}

export interface UserChange {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
  rmCode?: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdBy: { kind: string; id: string; name: string };
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** Only the create call returns the secret, once. */
export type CreatedApiKey = ApiKey & { secret: string };

export interface Meta {
  demo: boolean;
  roles: Role[];
  apiKeyScopes: string[];
}
