/**
 * Permissions name what a caller may do. Staff get them through roles; API keys carry a subset directly as
 * scopes. Approving, activating and administration are never grantable to an API key: those need a person.
 */
export const PERMISSIONS = [
  'rules:read',
  'rules:write',
  'rules:approve',
  'rules:activate',
  'decisions:evaluate',
  'decisions:read',
  'facts:read',
  'audit:read',
  'admin:users',
  'admin:api-keys',
  'clients:read',
  'clients:write',
  'alerts:read',
  'alerts:write',
  'monitoring:run',
  'simulations:read',
  'simulations:run',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['viewer', 'analyst', 'approver', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const READ: Permission[] = ['rules:read', 'decisions:read', 'facts:read', 'clients:read', 'alerts:read', 'simulations:read'];

export const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  viewer: READ,
  analyst: [...READ, 'rules:write', 'decisions:evaluate', 'clients:write', 'alerts:write', 'monitoring:run', 'simulations:run'],
  approver: [...READ, 'rules:approve', 'rules:activate', 'audit:read', 'decisions:evaluate', 'alerts:write', 'monitoring:run', 'simulations:run'],
  admin: [...PERMISSIONS],
};

/** Scopes an API key may carry: what an integrating system needs, nothing that takes a human decision. */
export const API_KEY_SCOPES: Permission[] = [
  'decisions:evaluate',
  'decisions:read',
  'rules:read',
  'rules:write',
  'facts:read',
  'clients:read',
  'clients:write',
  'alerts:read',
  'monitoring:run',
  'simulations:read',
  'simulations:run',
];

export function permissionsForRoles(roles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r as Role] ?? []) out.add(p);
  return out;
}
