import { ApiClient } from '../support/http-client';
import { expectSchema } from './decisions-support';
import { createClient, day, startMonitoringServer, TestClock, waitFor, type MonitoringServer } from './monitoring-support';

/**
 * GET /api/v1/alerts/summary over real HTTP on SQLite: active alerts by severity with the overdue ones at the
 * server's clock, for one owner or the whole book, against what the alert list itself finds.
 */
const FRIDAY = '2026-11-27T10:00:00.000Z';
const clock = new TestClock(Date.parse(FRIDAY));
let srv: MonitoringServer;
let analyst: ApiClient;
let viewer: ApiClient;
let admin: ApiClient;

async function signIn() {
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
  viewer = await ApiClient.signedIn(srv.url, 'viewer1', 'Viewer-pass-2026');
}

/** Moves the server's clock; sessions idle out over the jump, so everyone signs in again. */
async function at(iso: string) {
  clock.set(iso);
  await signIn();
}

const event = (type: string, over: Record<string, unknown> = {}) => ({ type, date: day(clock), ...over });

async function clientWith(owner: string, events: Record<string, unknown>[]) {
  const c = await createClient(analyst, { events, relationshipManager: owner });
  const items = await waitFor(async () => (await viewer.get(`/api/v1/alerts?clientId=${c.id}`)).body.items, (xs) => xs.length === events.length, `alerts of ${c.id}`);
  return Object.fromEntries((items as { severity: string; id: string }[]).map((a) => [a.severity, a.id]));
}

async function summary(q = '') {
  const r = await viewer.get(`/api/v1/alerts/summary${q}`);
  expect(r.status).toBe(200);
  expectSchema('alert-summary', r.body);
  return r.body;
}

const counts = (body: { bySeverity: { severity: string; count: number; overdue: number }[] }) => Object.fromEntries(body.bySeverity.map((c) => [c.severity, [c.count, c.overdue]]));

/** What the alert list finds: every active alert, paged to the end, counted by severity (and overdue on `today`). */
async function listed(): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = { red: [0, 0], orange: [0, 0], yellow: [0, 0], blue: [0, 0] };
  const today = day(clock);
  let cursor: string | null = null;
  do {
    const page: { body: { items: { severity: string; dueAt: string }[]; nextCursor: string | null } } = await viewer.get(`/api/v1/alerts?status=active&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    for (const a of page.body.items) {
      out[a.severity][0]++;
      if (a.dueAt < today) out[a.severity][1]++;
    }
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

let ids: Record<string, string>;

beforeAll(async () => {
  // Yellow gets 3 business days, so red (1) and yellow fall overdue within the week after the alerts open.
  srv = await startMonitoringServer({ clock, env: { COVENANT_ALERT_SLA_DAYS: 'red=1,orange=10,yellow=3,blue=90' } });
  admin = await ApiClient.signedIn(srv.url, 'admin');
  await admin.post('/api/v1/admin/users', { username: 'viewer1', roles: ['viewer'], password: 'Viewer-pass-2026' });
  await signIn();
  ids = await clientWith('rm_sum', [event('key_person_missing'), event('equity_pledge', { share: 0.9 }), event('administrative_penalty')]);
  await clientWith('rm_other', [event('key_person_missing')]);
}, 60_000);
afterAll(() => srv.close());
afterEach(() => at(FRIDAY));

describe('GET /api/v1/alerts/summary', () => {
  it("counts one owner's active alerts by severity, every severity listed worst first, none overdue yet", async () => {
    const body = await summary('?owner=rm_sum');
    expect(body).toEqual({
      asOf: FRIDAY,
      owner: 'rm_sum',
      total: 3,
      overdue: 0,
      bySeverity: [
        { severity: 'red', count: 1, overdue: 0 },
        { severity: 'orange', count: 1, overdue: 0 },
        { severity: 'yellow', count: 1, overdue: 0 },
        { severity: 'blue', count: 0, overdue: 0 },
      ],
    });
    expect(await summary('?owner=rm_nobody')).toMatchObject({ owner: 'rm_nobody', total: 0, overdue: 0 });
  });

  it("counts overdue at the server's clock: red was due Monday 30 November, yellow Wednesday 2 December", async () => {
    await at('2026-12-01T08:00:00.000Z');
    expect(await summary('?owner=rm_sum')).toMatchObject({ asOf: '2026-12-01T08:00:00.000Z', total: 3, overdue: 1 });
    await at('2026-12-03T08:00:00.000Z');
    const body = await summary('?owner=rm_sum');
    expect(counts(body)).toEqual({ red: [1, 1], orange: [1, 0], yellow: [1, 1], blue: [0, 0] });
    expect(body.overdue).toBe(2);
    // The same figures the overdue list shows.
    expect((await viewer.get('/api/v1/alerts?owner=rm_sum&overdue=true')).body.items).toHaveLength(2);
  });

  it('keeps acknowledged and in-progress alerts, drops resolved ones', async () => {
    expect((await analyst.post(`/api/v1/alerts/${ids.orange}/acknowledge`, {})).status).toBe(200);
    expect((await analyst.post(`/api/v1/alerts/${ids.yellow}/start`, {})).status).toBe(200);
    expect(counts(await summary('?owner=rm_sum'))).toEqual({ red: [1, 0], orange: [1, 0], yellow: [1, 0], blue: [0, 0] });
    expect((await analyst.post(`/api/v1/alerts/${ids.red}/resolve`, { comment: 'controller reached; plant visited' })).status).toBe(200);
    expect(await summary('?owner=rm_sum')).toMatchObject({ total: 2, bySeverity: [{ severity: 'red', count: 0, overdue: 0 }, { severity: 'orange', count: 1 }, { severity: 'yellow', count: 1 }, { severity: 'blue', count: 0 }] });
  });

  it('without an owner counts the whole book, as the paged alert list finds it', async () => {
    await at('2026-12-03T08:00:00.000Z');
    const body = await summary();
    expect(body.owner).toBeNull();
    expect(counts(body)).toEqual(await listed());
    expect(body.total).toBe(body.bySeverity.reduce((n: number, c: { count: number }) => n + c.count, 0));
    expect(body.total).toBeGreaterThanOrEqual(3); // rm_sum's two and rm_other's red at least
    expect(counts(body).red[0]).toBeGreaterThanOrEqual(1);
  });

  it('refuses a bad query with a 422 problem naming the field', async () => {
    for (const [q, pointer] of [['?owner=', '/owner'], ['?severity=red', '/severity']]) {
      const r = await viewer.get(`/api/v1/alerts/summary${q}`);
      expect(r.status).toBe(422);
      expect(r.contentType).toContain('application/problem+json');
      expect(r.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([pointer]);
    }
  });

  it('is for callers who may read alerts: viewer yes, anonymous no, an API key only with alerts:read', async () => {
    expect((await new ApiClient(srv.url).get('/api/v1/alerts/summary')).status).toBe(401);
    const key = async (scope: string) => new ApiClient(srv.url, (await admin.post('/api/v1/admin/api-keys', { name: `summary ${scope}`, scopes: [scope] })).body.secret);
    const denied = await (await key('decisions:evaluate')).get('/api/v1/alerts/summary');
    expect([denied.status, denied.body.code]).toEqual([403, 'missing_permission']);
    expect((await (await key('alerts:read')).get('/api/v1/alerts/summary?owner=rm_sum')).status).toBe(200);
  });
});
