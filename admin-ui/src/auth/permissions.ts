/**
 * The permissions the server grants (server/src/modules/auth/permissions.ts). Kept as a union here so a typo in the
 * route table fails the type check; the server stays the authority on who may do what.
 */
export type Permission =
  | 'rules:read'
  | 'rules:write'
  | 'rules:approve'
  | 'rules:activate'
  | 'decisions:evaluate'
  | 'decisions:read'
  | 'facts:read'
  | 'audit:read'
  | 'admin:users'
  | 'admin:api-keys'
  | 'clients:read'
  | 'clients:write'
  | 'alerts:read'
  | 'alerts:write'
  | 'monitoring:run'
  | 'simulations:read'
  | 'simulations:run';
