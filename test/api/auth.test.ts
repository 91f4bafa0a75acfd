import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, config: { login: { maxFailures: 3, lockMinutes: 15 } } });
});
afterAll(() => srv.close());

describe('staff sign-in and sessions', () => {
  it('signs in with an HttpOnly SameSite=Strict cookie, reports roles, permissions and a CSRF token, and signs out', async () => {
    const c = new ApiClient(srv.url);
    const r = await c.post('/api/v1/auth/login', { username: 'approver', password: 'covenant-demo' });
    expect(r.status).toBe(200);
    const cookie = r.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/covenant_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(r.body.user).toMatchObject({ username: 'approver', roles: ['approver'] });
    expect(r.body.permissions).toContain('rules:approve');
    expect(r.body).not.toHaveProperty('user.passwordHash');
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(r.body.csrfToken);
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('issues a new session token at every sign-in', async () => {
    const a = await new ApiClient(srv.url).post('/api/v1/auth/login', { username: 'analyst', password: 'covenant-demo' });
    const b = await new ApiClient(srv.url).post('/api/v1/auth/login', { username: 'analyst', password: 'covenant-demo' });
    expect(a.headers.get('set-cookie')).not.toEqual(b.headers.get('set-cookie'));
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const c = await ApiClient.signedIn(srv.url, 'analyst');
    const r = await c.post('/api/v1/rule-sets', { key: 'nope' }, { 'x-csrf-token': 'wrong' });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('csrf_token_invalid');
  });

  it('says the same thing for a wrong password and an unknown user, and locks an account after repeated failures', async () => {
    const c = new ApiClient(srv.url);
    const wrong = await c.post('/api/v1/auth/login', { username: 'analyst2', password: 'nope-nope-nope' });
    const unknown = await c.post('/api/v1/auth/login', { username: 'nobody', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.contentType).toContain('application/problem+json');
    await c.post('/api/v1/auth/login', { username: 'analyst2', password: 'nope-nope-nope' });
    await c.post('/api/v1/auth/login', { username: 'analyst2', password: 'nope-nope-nope' });
    const locked = await c.post('/api/v1/auth/login', { username: 'analyst2', password: 'covenant-demo' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('account_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('validates the sign-in body', async () => {
    const r = await new ApiClient(srv.url).post('/api/v1/auth/login', { username: 'admin' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ pointer: '/password', message: 'is required' })]);
  });
});

describe('API keys', () => {
  it('returns the secret once, authenticates with it by scope, records lastUsedAt, and stops working when revoked', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const created = await admin.post('/api/v1/admin/api-keys', { name: 'loan origination', scopes: ['rules:read', 'decisions:evaluate'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^cov_[a-z0-9]{10}_/);
    expect(created.body.secret.startsWith(`cov_${created.body.prefix}_`)).toBe(true);
    const listed = await admin.get('/api/v1/admin/api-keys');
    const row = listed.body.items.find((k: any) => k.id === created.body.id);
    expect(row).not.toHaveProperty('secret');
    expect(row).not.toHaveProperty('secretHash');
    expect(row.lastUsedAt).toBeNull();

    const system = new ApiClient(srv.url, created.body.secret);
    expect((await system.get('/api/v1/rule-sets')).status).toBe(200);
    const notInScope = await system.get('/api/v1/audit');
    expect(notInScope.status).toBe(403);
    expect((await system.get('/api/v1/admin/users')).status).toBe(403);
    const after = (await admin.get('/api/v1/admin/api-keys')).body.items.find((k: any) => k.id === created.body.id);
    expect(after.lastUsedAt).not.toBeNull();

    expect((await admin.delete(`/api/v1/admin/api-keys/${created.body.id}`)).body.revokedAt).toBeTruthy();
    const revoked = await system.get('/api/v1/rule-sets');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('invalid_api_key');
    const audit = await admin.get(`/api/v1/audit?entity=${created.body.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['api-key.revoked', 'api-key.created']);
    expect(JSON.stringify(audit.body)).not.toContain(created.body.secret);
  });

  it('refuses scopes an API key may never carry', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const r = await admin.post('/api/v1/admin/api-keys', { name: 'too powerful', scopes: ['rules:read', 'rules:approve'] });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ pointer: '/scopes/1', code: 'scope_not_grantable' })]);
  });
});

describe('user administration', () => {
  it('creates, changes and disables users, enforcing the password policy and ending sessions of disabled users', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const weak = await admin.post('/api/v1/admin/users', { username: 'li.wei', roles: ['viewer'], password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0]).toMatchObject({ pointer: '/password', code: 'password_too_short' });
    const created = await admin.post('/api/v1/admin/users', { username: 'li.wei', displayName: '李伟', roles: ['viewer'], password: 'Credit-risk-2026' });
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('passwordHash');
    const dup = await admin.post('/api/v1/admin/users', { username: 'LI.WEI', roles: ['viewer'], password: 'Credit-risk-2026' });
    expect(dup.status).toBe(409);
    const li = await ApiClient.signedIn(srv.url, 'li.wei', 'Credit-risk-2026');
    expect((await li.get('/api/v1/rule-sets')).status).toBe(200);
    expect((await li.post('/api/v1/rule-sets', { key: 'x' })).status).toBe(403);
    const stale = await admin.patch(`/api/v1/admin/users/${created.body.id}`, { roles: ['analyst'] }, { 'if-match': '"99"' });
    expect(stale.status).toBe(409);
    const disabled = await admin.patch(`/api/v1/admin/users/${created.body.id}`, { disabled: true });
    expect(disabled.body.disabled).toBe(true);
    expect((await li.get('/api/v1/rule-sets')).status).toBe(401);
    const viewerAdmin = await li.get('/api/v1/admin/users');
    expect(viewerAdmin.status).toBe(401);
  });
});
