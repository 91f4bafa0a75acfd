import type { RouteDef } from '../../server/src/http/route';
import { API_KEY_SCOPES, PERMISSIONS, ROLE_PERMISSIONS, type Role } from '../../server/src/modules/auth/permissions';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Generated from the route table: every endpoint × anonymous, each role and each API-key scope → the expected
 * status class. A route someone adds is covered automatically; one without a declared permission fails below.
 */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'GET /api/v1/meta']);
const SKIP_CALLS = new Set(['POST /api/v1/auth/logout']); // would end the caller's own session mid-matrix

let srv: TestServer;
let routes: RouteDef[];
const clients: Partial<Record<Role | 'anonymous', ApiClient>> = {};
const keyClients = new Map<string, ApiClient>();

beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, store: 'memory' });
  routes = srv.composition.routes;
  const admin = await ApiClient.signedIn(srv.url, 'admin');
  await admin.post('/api/v1/admin/users', { username: 'viewer1', roles: ['viewer'], password: 'Viewer-pass-2026' });
  clients.anonymous = new ApiClient(srv.url);
  clients.viewer = await ApiClient.signedIn(srv.url, 'viewer1', 'Viewer-pass-2026');
  clients.analyst = await ApiClient.signedIn(srv.url, 'analyst');
  clients.approver = await ApiClient.signedIn(srv.url, 'approver');
  clients.admin = admin;
  for (const scope of API_KEY_SCOPES) {
    const k = await admin.post('/api/v1/admin/api-keys', { name: `matrix ${scope}`, scopes: [scope] });
    keyClients.set(scope, new ApiClient(srv.url, k.body.secret));
  }
}, 60_000);
afterAll(() => srv.close());

const concrete = (path: string) => path.replace(/:version\b/g, '999').replace(/:([A-Za-z]+)/g, 'matrix-$1');
const id = (r: RouteDef) => `${r.method.toUpperCase()} ${r.path}`;

async function call(c: ApiClient, r: RouteDef) {
  return c.request(r.method.toUpperCase(), concrete(r.path), ['post', 'put', 'patch'].includes(r.method) ? {} : undefined);
}

describe('every route declares who may call it', () => {
  it('has a known permission, or is one of the reviewed public routes', () => {
    for (const r of routes) {
      if (r.access === 'public') expect(PUBLIC_ROUTES).toContain(id(r));
      else if (r.access !== 'authenticated') expect(PERMISSIONS).toContain(r.access);
    }
  });
});

describe('authorization matrix', () => {
  it('anonymous callers get 401 everywhere but the public routes', async () => {
    for (const r of routes) {
      if (SKIP_CALLS.has(id(r))) continue;
      const res = await call(clients.anonymous!, r);
      if (r.access === 'public') expect([id(r), res.status]).not.toEqual([id(r), 401]);
      else expect([id(r), res.status]).toEqual([id(r), 401]);
    }
  });

  for (const role of ['viewer', 'analyst', 'approver', 'admin'] as Role[]) {
    it(`${role}: 403 exactly where the role lacks the permission`, async () => {
      for (const r of routes) {
        if (SKIP_CALLS.has(id(r)) || r.access === 'public') continue;
        const res = await call(clients[role]!, r);
        const allowed = r.access === 'authenticated' || (ROLE_PERMISSIONS[role] as string[]).includes(r.access);
        if (allowed) expect([id(r), res.status, res.body?.code]).not.toEqual([id(r), 403, 'missing_permission']);
        else expect([id(r), res.status, res.body?.code]).toEqual([id(r), 403, 'missing_permission']);
        expect([id(r), res.status]).not.toEqual([id(r), 500]);
      }
    });
  }

  it('API keys: allowed only on routes open to keys and within their scope', async () => {
    for (const r of routes) {
      if (SKIP_CALLS.has(id(r)) || r.access === 'public') continue;
      for (const [scope, c] of keyClients) {
        const res = await call(c, r);
        const allowed = r.allowApiKey !== false && (r.access === 'authenticated' || r.access === scope);
        if (allowed) expect([id(r), scope, res.status]).not.toEqual([id(r), scope, 403]);
        else expect([id(r), scope, res.status]).toEqual([id(r), scope, 403]);
      }
    }
  });
});
