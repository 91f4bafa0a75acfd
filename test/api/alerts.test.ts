import { ApiClient } from '../support/http-client';
import { createClient, day, startMonitoringServer, TestClock, waitFor, type MonitoringServer } from './monitoring-support';

/**
 * Alerts over real HTTP on SQLite: lifecycle, four-eyes dismissal, re-firing, SLA due days, filters, bulk
 * acknowledgement. The clock starts on Friday 2026-11-27 so the due days cross a weekend.
 */
const clock = new TestClock(Date.parse('2026-11-27T10:00:00.000Z'));
let srv: MonitoringServer;
let analyst: ApiClient;
let analyst2: ApiClient;
let approver: ApiClient;
let viewer: ApiClient;

async function signIn() {
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
  analyst2 = await ApiClient.signedIn(srv.url, 'analyst2');
  approver = await ApiClient.signedIn(srv.url, 'approver');
  viewer = await ApiClient.signedIn(srv.url, 'viewer1', 'Viewer-pass-2026');
}

beforeAll(async () => {
  // Yellow gets 3 business days here, to show the SLAs come from COVENANT_ALERT_SLA_DAYS.
  srv = await startMonitoringServer({ clock, env: { COVENANT_ALERT_SLA_DAYS: 'red=1,orange=10,yellow=3,blue=90' } });
  const admin = await ApiClient.signedIn(srv.url, 'admin');
  await admin.post('/api/v1/admin/users', { username: 'viewer1', roles: ['viewer'], password: 'Viewer-pass-2026' });
  await signIn();
}, 60_000);
afterAll(() => srv.close());

const event = (type: string, over: Record<string, unknown> = {}) => ({ type, date: day(clock), ...over });

/** A client whose events fire the given signals; resolves with its alerts once monitoring has raised them. */
async function clientWith(events: Record<string, unknown>[], over: Record<string, unknown> = {}) {
  const c = await createClient(analyst, { events, ...over });
  const alerts = await waitFor(async () => (await viewer.get(`/api/v1/alerts?clientId=${c.id}`)).body.items, (items) => items.length === events.length, `alerts of ${c.id}`);
  return { client: c, alerts: alerts as any[] };
}

const riskLevelOf = async (id: string) => (await viewer.get(`/api/v1/clients/${id}`)).body.segments.riskLevel;

describe('alert lifecycle', () => {
  it('opens a red alert owned by the RM, due the next business day, and takes it to resolved with notes', async () => {
    const { client, alerts } = await clientWith([event('key_person_missing')], { relationshipManager: 'rm_wang' });
    const [a] = alerts;
    expect(a).toMatchObject({ ruleId: 'N01', rule: 'N01-key-person-missing', severity: 'red', status: 'open', owner: 'rm_wang', clientName: client.profile.name, dueAt: '2026-11-30', stillFiring: true, revision: 1, noteCount: 0 });
    expect(a.title).toEqual({ zh: '关键人失联', en: 'Key person missing' });
    expect(a.actions.map((x: { code: string }) => x.code)).toContain('FREEZE_LIMITS');
    await waitFor(() => riskLevelOf(client.id), (r) => r === 'red', 'risk level red');

    const one = await viewer.get(`/api/v1/alerts/${a.id}`);
    expect(one.headers.get('etag')).toBe('"1"');
    const ack = await analyst.post(`/api/v1/alerts/${a.id}/acknowledge`, {}, { 'if-match': '"1"' });
    expect(ack.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: { name: 'analyst' }, revision: 2 });
    expect((await analyst.post(`/api/v1/alerts/${a.id}/start`, {}, { 'if-match': '"1"' })).body.code).toBe('revision_conflict');
    expect((await analyst.post(`/api/v1/alerts/${a.id}/start`, {})).body).toMatchObject({ status: 'in_progress', startedBy: { name: 'analyst' } });
    expect((await analyst.post(`/api/v1/alerts/${a.id}/acknowledge`, {})).body.code).toBe('invalid_transition');

    const n1 = await analyst.post(`/api/v1/alerts/${a.id}/notes`, { text: 'Controller unreachable since Monday; visiting the plant.' });
    expect(n1.status).toBe(201);
    expect(n1.body).toMatchObject({ seq: 1, by: { name: 'analyst' } });
    const withOne = await viewer.get(`/api/v1/alerts/${a.id}`);
    expect(withOne.headers.get('etag')).toBe('"3.1"');
    await analyst2.post(`/api/v1/alerts/${a.id}/notes`, { text: 'Legal notified.' });
    // Another person's note changes the ETag, so the browser's cached copy is not confirmed (304) with one note
    // missing. (The revalidation a browser cache makes, sent here with node:http: fetch() marks any request carrying
    // If-None-Match as no-cache, which the server rightly answers in full.)
    const reread = await viewer.get(`/api/v1/alerts/${a.id}`);
    expect(reread.headers.get('etag')).toBe('"3.2"');
    expect(reread.body.notes.map((n: { seq: number; text: string }) => n.seq)).toEqual([1, 2]);
    expect(await viewer.revalidate(`/api/v1/alerts/${a.id}`, withOne.headers.get('etag') as string)).toBe(200);
    expect(await viewer.revalidate(`/api/v1/alerts/${a.id}`, '"3.2"')).toBe(304);
    // The ETag goes back in If-Match as it came.
    expect((await analyst.post(`/api/v1/alerts/${a.id}/start`, {}, { 'if-match': '"2.2"' })).body.code).toBe('revision_conflict');

    const noComment = await analyst.post(`/api/v1/alerts/${a.id}/resolve`, {});
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors[0].pointer).toBe('/comment');
    const resolved = await analyst.post(`/api/v1/alerts/${a.id}/resolve`, { comment: 'Controller back; police notice withdrawn (evidence in the file).' });
    expect(resolved.body).toMatchObject({ status: 'resolved', closedBy: { name: 'analyst' }, closingComment: 'Controller back; police notice withdrawn (evidence in the file).' });
    await waitFor(() => riskLevelOf(client.id), (r) => r === null, 'risk level cleared');

    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const trail = (await admin.get(`/api/v1/audit?entity=${a.id}`)).body.items.map((e: { action: string }) => e.action).reverse();
    expect(trail).toEqual(['alert.opened', 'alert.acknowledged', 'alert.started', 'alert.note-added', 'alert.note-added', 'alert.resolved']);
    expect((await viewer.post(`/api/v1/alerts/${a.id}/notes`, { text: 'x' })).body.code).toBe('missing_permission');
  });

  it('dismisses a red alert only with a reason and a second person (four eyes)', async () => {
    const { client, alerts } = await clientWith([event('dishonest_debtor')]);
    const [a] = alerts;
    expect(a).toMatchObject({ ruleId: 'N03', severity: 'red' });
    expect((await analyst.post(`/api/v1/alerts/${a.id}/dismiss`, {})).status).toBe(422);
    const asked = await analyst.post(`/api/v1/alerts/${a.id}/dismiss`, { comment: 'Listed in error: a namesake; court confirmed.' });
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'open', dismissal: { requestedBy: { name: 'analyst' }, reason: 'Listed in error: a namesake; court confirmed.' } });
    expect((await analyst2.post(`/api/v1/alerts/${a.id}/dismiss`, { comment: 'again' })).body.code).toBe('dismissal_pending');

    const self = await analyst.post(`/api/v1/alerts/${a.id}/confirm-dismissal`, {});
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('four_eyes');
    expect((await viewer.post(`/api/v1/alerts/${a.id}/confirm-dismissal`, {})).body.code).toBe('missing_permission');
    expect(await riskLevelOf(client.id)).toBe('red');

    const confirmed = await approver.post(`/api/v1/alerts/${a.id}/confirm-dismissal`, { comment: 'Checked the court record.' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'dismissed', closedBy: { name: 'approver' }, dismissal: { requestedBy: { name: 'analyst' } } });
    expect(confirmed.body.closingComment).toBe('Listed in error: a namesake; court confirmed. — confirmed: Checked the court record.');
    await waitFor(() => riskLevelOf(client.id), (r) => r === null, 'risk level cleared');
  });

  it('lets a second person refuse a dismissal request, and dismisses yellow alerts at once', async () => {
    const { alerts } = await clientWith([event('change_of_control'), event('administrative_penalty')]);
    const orange = alerts.find((x) => x.severity === 'orange');
    const yellow = alerts.find((x) => x.severity === 'yellow');
    await analyst.post(`/api/v1/alerts/${orange.id}/dismiss`, { comment: 'Internal reorganisation only.' });
    const refused = await analyst2.post(`/api/v1/alerts/${orange.id}/refuse-dismissal`, { comment: 'New controller is unknown to us; keep it.' });
    expect(refused.body).toMatchObject({ status: 'open', dismissal: null });
    expect((await analyst2.post(`/api/v1/alerts/${orange.id}/confirm-dismissal`, {})).body.code).toBe('no_dismissal_request');
    const gone = await analyst.post(`/api/v1/alerts/${yellow.id}/dismiss`, { comment: 'Penalty paid, minor.' });
    expect(gone.body).toMatchObject({ status: 'dismissed', closedBy: { name: 'analyst' }, closingComment: 'Penalty paid, minor.', dismissal: null });
  });
});

describe('alerts and the signals behind them', () => {
  it('opens a new alert when a signal fires again after its alert was resolved', async () => {
    const { client, alerts } = await clientWith([event('key_person_missing')]);
    await analyst.post(`/api/v1/alerts/${alerts[0].id}/resolve`, { comment: 'Handled.' });
    await analyst.post(`/api/v1/clients/${client.id}/events`, event('award')); // any data change re-evaluates the client
    const items = await waitFor(async () => (await viewer.get(`/api/v1/alerts?clientId=${client.id}`)).body.items, (x) => x.length === 2, 'a second N01 alert');
    expect(items.map((x: { status: string; ruleId: string }) => `${x.ruleId} ${x.status}`)).toEqual(['N01 open', 'N01 resolved']);
    expect(items[0].id).not.toBe(alerts[0].id);
  });

  it('keeps an alert active when its signal stops firing, marking it; escalates it when the signal worsens', async () => {
    const { client, alerts } = await clientWith([event('negative_news')]);
    expect(alerts[0]).toMatchObject({ ruleId: 'N05', severity: 'yellow', dueAt: '2026-12-02' });
    clock.set('2026-11-30T09:00:00.000Z');
    try {
      await signIn(); // sessions went idle while the clock moved
      await analyst.post(`/api/v1/clients/${client.id}/events`, event('negative_news', { status: 'verified', text: 'confirmed by the regulator' }));
      const escalated = await waitFor(async () => (await viewer.get(`/api/v1/alerts/${alerts[0].id}`)).body, (a) => a.severity === 'orange', 'the escalation');
      // Orange from Monday 30 November would be due 14 December: the earlier yellow due day (3 days, 2 December) stays.
      expect(escalated).toMatchObject({ id: alerts[0].id, severity: 'orange', rule: 'N05-negative-news-confirmed', revision: 2, dueAt: '2026-12-02' });
      const current = (await analyst.get(`/api/v1/clients/${client.id}`)).body;
      const put = await analyst.put(`/api/v1/clients/${client.id}`, { ...current.profile, events: [] }, { 'if-match': `"${current.revision}"` });
      expect(put.status).toBe(200);
      const quiet = await waitFor(async () => (await viewer.get(`/api/v1/alerts/${alerts[0].id}`)).body, (a) => a.stillFiring === false, 'the signal to stop');
      expect(quiet).toMatchObject({ status: 'open', severity: 'orange' });
      expect(await riskLevelOf(client.id)).toBe('orange');
    } finally {
      clock.set('2026-11-27T10:00:00.000Z');
      await signIn();
    }
  });
});

describe('listing alerts', () => {
  let ids: { red: string; orange: string; yellow: string };
  let clientId: string;

  beforeAll(async () => {
    const { client, alerts } = await clientWith([event('key_person_missing'), event('equity_pledge', { share: 0.9 }), event('administrative_penalty')], { relationshipManager: 'rm_filter' });
    clientId = client.id;
    const by = (s: string) => alerts.find((x) => x.severity === s).id;
    ids = { red: by('red'), orange: by('orange'), yellow: by('yellow') };
  });

  it('filters by owner, severity, status, client and rule, newest first, with a cursor', async () => {
    const get = async (q: string) => (await viewer.get(`/api/v1/alerts?${q}`)).body;
    expect((await get('owner=rm_filter')).items.map((x: { id: string }) => x.id).sort()).toEqual(Object.values(ids).sort());
    expect((await get('owner=rm_filter&severity=orange')).items.map((x: { ruleId: string }) => x.ruleId)).toEqual(['N09']);
    expect((await get(`clientId=${clientId}&rule=N04`)).items.map((x: { id: string }) => x.id)).toEqual([ids.yellow]);
    await analyst.post(`/api/v1/alerts/${ids.orange}/acknowledge`, {});
    expect((await get('owner=rm_filter&status=acknowledged')).items.map((x: { id: string }) => x.id)).toEqual([ids.orange]);
    expect((await get('owner=rm_filter&status=active')).items).toHaveLength(3);
    const p1 = await get('owner=rm_filter&limit=2');
    const p2 = await get(`owner=rm_filter&limit=2&cursor=${p1.nextCursor}`);
    expect([...p1.items, ...p2.items].map((x: { id: string }) => x.id)).toEqual((await get('owner=rm_filter')).items.map((x: { id: string }) => x.id));
    expect(p2.nextCursor).toBeNull();
    expect((await viewer.get('/api/v1/alerts?severity=purple')).status).toBe(422);
  });

  it('lists overdue alerts: active ones whose due day has passed', async () => {
    const overdue = async () => (await viewer.get('/api/v1/alerts?owner=rm_filter&overdue=true')).body.items.map((x: { id: string }) => x.id).sort();
    expect(await overdue()).toEqual([]);
    clock.set('2026-12-01T08:00:00.000Z'); // red was due Monday 30 November; yellow (3 business days) is due 2 December
    try {
      await signIn(); // the sessions went idle while the clock moved
      expect(await overdue()).toEqual([ids.red]);
      clock.set('2026-12-03T08:00:00.000Z');
      await signIn();
      expect(await overdue()).toEqual([ids.red, ids.yellow].sort());
    } finally {
      clock.set('2026-11-27T10:00:00.000Z');
      await signIn();
    }
  });

  it('acknowledges in bulk and says which it skipped and why', async () => {
    const r = await analyst.post('/api/v1/alerts/acknowledge', { ids: [ids.red, ids.orange, ids.yellow, 'alr_nosuchalert'] });
    expect(r.status).toBe(200);
    expect(r.body.acknowledged.sort()).toEqual([ids.red, ids.yellow].sort());
    expect(r.body.skipped).toEqual([
      { id: ids.orange, code: 'invalid_transition', message: expect.stringContaining('acknowledged') },
      { id: 'alr_nosuchalert', code: 'not_found', message: expect.any(String) },
    ]);
    expect((await analyst.post('/api/v1/alerts/acknowledge', { ids: [] })).status).toBe(422);
  });
});
