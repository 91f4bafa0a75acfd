import type { Session } from '../auth/session';

// Mirrors the server's role → permission table (server/src/modules/auth/permissions.ts) for the demo users.
const READ = ['rules:read', 'decisions:read', 'facts:read', 'clients:read', 'alerts:read', 'simulations:read'];
const ALL = [
  ...READ,
  'rules:write',
  'rules:approve',
  'rules:activate',
  'decisions:evaluate',
  'audit:read',
  'admin:users',
  'admin:api-keys',
  'clients:write',
  'alerts:write',
  'monitoring:run',
  'simulations:run',
];

function session(username: string, displayName: string, role: string, permissions: string[]): Session {
  return { user: { id: `usr_${username}`, username, displayName, roles: [role] }, permissions, csrfToken: `csrf-${username}` };
}

export const analystSession = session('analyst', 'Li Na', 'analyst', [
  ...READ,
  'rules:write',
  'decisions:evaluate',
  'clients:write',
  'alerts:write',
  'monitoring:run',
  'simulations:run',
]);
export const approverSession = session('approver', 'Wang Wei', 'approver', [
  ...READ,
  'rules:approve',
  'rules:activate',
  'audit:read',
  'decisions:evaluate',
  'alerts:write',
  'monitoring:run',
  'simulations:run',
]);
export const adminSession = session('admin', 'Zhang Min', 'admin', ALL);
