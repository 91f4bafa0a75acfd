import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
});
afterAll(() => srv.close());

const PASSWORD = 'Credit-risk-2026';

describe("a staff user's relationship-manager code (rmCode)", () => {
  it('is set by an administrator, audited, and answered by /auth/me so "my alerts" are the user\'s own', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const created = await admin.post('/api/v1/admin/users', { username: 'wang.fang', roles: ['analyst'], password: PASSWORD, rmCode: 'rm_wang' });
    expect(created.status).toBe(201);
    expect(created.body.rmCode).toBe('rm_wang');

    const wang = await ApiClient.signedIn(srv.url, 'wang.fang', PASSWORD);
    expect((await wang.get('/api/v1/auth/me')).body.user).toMatchObject({ username: 'wang.fang', rmCode: 'rm_wang' });

    // A change reaches the open session at once: the session reads the user afresh.
    const moved = await admin.patch(`/api/v1/admin/users/${created.body.id}`, { rmCode: 'rm_zhao' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ rmCode: 'rm_zhao', revision: 2 });
    expect((await wang.get('/api/v1/auth/me')).body.user.rmCode).toBe('rm_zhao');
    expect((await admin.get(`/api/v1/admin/users/${created.body.id}`)).body.rmCode).toBe('rm_zhao');

    const cleared = await admin.patch(`/api/v1/admin/users/${created.body.id}`, { rmCode: null });
    expect(cleared.body.rmCode).toBeNull();
    expect((await wang.get('/api/v1/auth/me')).body.user.rmCode).toBeNull();

    const audit = await admin.get(`/api/v1/audit?entity=${created.body.id}`);
    const events = audit.body.items as { action: string; before: { rmCode?: string | null } | null; after: { rmCode?: string | null } | null }[];
    expect(events.map((e) => e.action)).toEqual(['user.updated', 'user.updated', 'user.created']);
    expect(events.map((e) => [e.before?.rmCode, e.after?.rmCode])).toEqual([
      ['rm_zhao', null],
      ['rm_wang', 'rm_zhao'],
      [undefined, 'rm_wang'],
    ]);
  });

  it('is null for users created without one, demo users included', async () => {
    const analyst = await ApiClient.signedIn(srv.url, 'analyst');
    expect((await analyst.get('/api/v1/auth/me')).body.user.rmCode).toBeNull();
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const users = (await admin.get('/api/v1/admin/users')).body.items as { rmCode: unknown }[];
    expect(users.length).toBeGreaterThan(0);
    for (const u of users) expect(u).toHaveProperty('rmCode');
  });

  it('refuses a bad code with 422 naming /rmCode, and only administrators may set it', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    for (const rmCode of ['', 'x'.repeat(81), 42]) {
      const r = await admin.post('/api/v1/admin/users', { username: 'bad.code', roles: ['viewer'], password: PASSWORD, rmCode });
      expect(r.status).toBe(422);
      expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/rmCode');
    }
    const someone = (await admin.get('/api/v1/admin/users')).body.items.find((u: { username: string }) => u.username === 'approver');
    const bad = await admin.patch(`/api/v1/admin/users/${someone.id}`, { rmCode: ['rm_wang'] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/rmCode' })]);

    const analyst = await ApiClient.signedIn(srv.url, 'analyst');
    const own = (await analyst.get('/api/v1/auth/me')).body.user;
    expect((await analyst.patch(`/api/v1/admin/users/${own.id}`, { rmCode: 'rm_wang' })).status).toBe(403);
  });
});
