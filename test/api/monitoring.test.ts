import { ApiClient } from '../support/http-client';
import { createClient, startMonitoringServer, waitFor, type MonitoringServer } from './monitoring-support';

/**
 * Segmentation and warning on change, and decisions by client id, over real HTTP on SQLite (issue 7).
 * Scans are in monitoring-scans.test.ts, alerts in alerts.test.ts.
 */
let srv: MonitoringServer;
let analyst: ApiClient;
let viewer: ApiClient;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  srv = await startMonitoringServer();
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
  const admin = await ApiClient.signedIn(srv.url, 'admin');
  await admin.post('/api/v1/admin/users', { username: 'viewer1', roles: ['viewer'], password: 'Viewer-pass-2026' });
  viewer = await ApiClient.signedIn(srv.url, 'viewer1', 'Viewer-pass-2026');
}, 60_000);
afterAll(() => srv.close());

const segmentsOf = async (id: string) => (await analyst.get(`/api/v1/clients/${id}`)).body.segments;

describe('segmentation on change', () => {
  it('classifies a new client, then reclassifies it when its data changes, with a history entry naming the rules and who changed the data', async () => {
    const c = await createClient(analyst);
    const first = await waitFor(() => segmentsOf(c.id), (s) => s.class5 !== null, 'the first classification');
    expect(first).toMatchObject({ class5: '正常', ifrs9Stage: 1, tier: 'T4', tags: [], riskLevel: null, updatedBy: { kind: 'system', name: 'monitoring' } });

    const ev = await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'bankruptcy_liquidation', date: today(), source: 'court notice' });
    expect(ev.status).toBe(201);
    const after = await waitFor(() => segmentsOf(c.id), (s) => s.class5 === '损失', 'the reclassification');
    expect(after).toMatchObject({ class5: '损失', ifrs9Stage: 3, tier: 'T4', tags: ['风险较高客户'] });

    const history = (await analyst.get(`/api/v1/clients/${c.id}/segment-history`)).body.items;
    expect(history).toHaveLength(2);
    const [latest, initial] = history;
    expect(initial).toMatchObject({ before: { class5: null, tier: null }, after: { class5: '正常', tier: 'T4' }, trigger: { kind: 'change', action: 'client.created', by: { name: 'analyst' } } });
    expect(latest).toMatchObject({
      by: { kind: 'system', name: 'monitoring' },
      before: { class5: '正常', ifrs9Stage: 1, tags: [] },
      after: { class5: '损失', ifrs9Stage: 3, tags: ['风险较高客户'] },
      trigger: { kind: 'change', action: 'client.event-added', by: { name: 'analyst' } },
      data: { revision: 2, updatedBy: { name: 'analyst' } },
    });
    const fiveCategory = latest.ruleSets.find((r: { key: string }) => r.key === 'five-category');
    expect(fiveCategory.version).toBe(1);
    expect(fiveCategory.firedRules.length).toBeGreaterThan(0);
    expect(latest.reason).toContain('client.event-added by analyst');
    expect(latest.reason).toContain('five-category@1');

    // Audited as the monitoring actor, with before and after.
    const audit = await (await ApiClient.signedIn(srv.url, 'admin')).get(`/api/v1/audit?entity=${c.id}&action=client.segments-changed`);
    expect(audit.body.items[0]).toMatchObject({ actor: { name: 'monitoring' }, before: { class5: '正常' }, after: { class5: '损失' } });
  });

  it('raises alerts from a change and sets the risk level to the worst active one', async () => {
    const c = await createClient(analyst, { relationshipManager: 'rm_li' });
    await waitFor(() => segmentsOf(c.id), (s) => s.class5 !== null, 'the first classification');
    await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'negative_news', date: today() });
    expect((await waitFor(() => segmentsOf(c.id), (s) => s.riskLevel === 'yellow', 'risk level yellow')).riskLevel).toBe('yellow');
    await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'key_person_missing', date: today() });
    await waitFor(() => segmentsOf(c.id), (s) => s.riskLevel === 'red', 'risk level red');
    const alerts = (await viewer.get(`/api/v1/alerts?clientId=${c.id}`)).body.items;
    expect(alerts.map((a: { ruleId: string; severity: string }) => `${a.ruleId} ${a.severity}`).sort()).toEqual(['N01 red', 'N05 yellow']);
    expect(alerts.every((a: { owner: string; source: { change?: string } }) => a.owner === 'rm_li' && a.source.change === 'client.event-added')).toBe(true);
    const list = (await viewer.get('/api/v1/clients?riskLevel=red')).body.items.map((x: { id: string }) => x.id);
    expect(list).toContain(c.id);
  });

  it('hands a client\'s active alerts to its new relationship manager when the profile changes hands', async () => {
    const c = await createClient(analyst, { relationshipManager: 'rm_wang' });
    await waitFor(() => segmentsOf(c.id), (s) => s.class5 !== null, 'the first classification');
    await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'key_person_missing', date: today() });
    await waitFor(() => segmentsOf(c.id), (s) => s.riskLevel === 'red', 'risk level red');
    const current = await analyst.get(`/api/v1/clients/${c.id}`);
    const moved = await analyst.put(`/api/v1/clients/${c.id}`, { ...current.body.profile, relationshipManager: 'rm_zhao' }, { 'if-match': current.headers.get('etag') as string });
    expect(moved.status).toBe(200);
    const mine = await waitFor(async () => (await viewer.get(`/api/v1/alerts?owner=rm_zhao&clientId=${c.id}`)).body.items, (items) => items.length > 0, 'the alert handed over');
    expect(mine.map((a: { ruleId: string }) => a.ruleId)).toContain('N01');
    expect((await viewer.get(`/api/v1/alerts?owner=rm_wang&clientId=${c.id}&status=active`)).body.items).toEqual([]);
    const trail = (await srv.composition.stores.audit.list({ entityType: 'alert', limit: 500 })).items.filter((e) => e.entityId === mine[0].id);
    expect(trail.map((e) => e.action)).toContain('alert.reassigned');
  });

  it('closes the active alerts of a client deleted from the register, saying why', async () => {
    const c = await createClient(analyst, { relationshipManager: 'rm_sun' });
    await waitFor(() => segmentsOf(c.id), (s) => s.class5 !== null, 'the first classification');
    await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'key_person_missing', date: today() });
    await waitFor(async () => (await viewer.get(`/api/v1/alerts?clientId=${c.id}&status=active`)).body.items, (items) => items.length > 0, 'an alert');
    const current = await analyst.get(`/api/v1/clients/${c.id}`);
    expect((await analyst.request('DELETE', `/api/v1/clients/${c.id}`, undefined, { 'if-match': current.headers.get('etag') as string })).status).toBe(204);
    await waitFor(async () => (await viewer.get(`/api/v1/alerts?clientId=${c.id}&status=active`)).body.items, (items) => items.length === 0, 'no active alert left');
    const closed = (await viewer.get(`/api/v1/alerts?clientId=${c.id}`)).body.items;
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((a: { status: string; closingComment: string }) => a.status === 'resolved' && /deleted from the register/.test(a.closingComment))).toBe(true);
  });

  it('writes no history entry for changes that move no segment', async () => {
    const c = await createClient(analyst);
    await waitFor(() => segmentsOf(c.id), (s) => s.class5 !== null, 'the first classification');
    for (let i = 0; i < 5; i++) await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'award', date: today(), text: `award ${i}` });
    await srv.composition.services.changeMonitor.idle();
    expect((await analyst.get(`/api/v1/clients/${c.id}/segment-history`)).body.items).toHaveLength(1);
  });

  it('reports its status: schedule off, nothing running, the rule sets and SLAs in force', async () => {
    const r = await viewer.get('/api/v1/monitoring');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ schedule: null, running: null, slaDays: { red: 1, orange: 10, yellow: 30, blue: 90 } });
    expect(r.body.ruleSets.map((x: { key: string }) => x.key)).toEqual(['client-tier', 'early-warning', 'five-category']);
  });
});

describe('decisions by client id', () => {
  it('derives the facts from the register, logs the decision against the client with the derived facts', async () => {
    const c = await createClient(analyst);
    await analyst.post(`/api/v1/clients/${c.id}/events`, { type: 'bankruptcy_liquidation', date: today() });
    const r = await analyst.post('/api/v1/decisions/five-category', { clientId: c.id });
    expect(r.status).toBe(200);
    expect(r.body.outputs).toMatchObject({ class5: '损失', ifrs9Stage: 3 });
    const logged = (await analyst.get(`/api/v1/decisions/${r.body.decisionId}`)).body;
    expect(logged).toMatchObject({ clientId: c.id, facts: {}, ruleSet: { key: 'five-category' } });
    expect(logged.derivedFacts).toMatchObject({ bankruptcyLiquidation: true, country: 'CN' });
    const byClient = (await analyst.get(`/api/v1/decisions?clientId=${c.id}`)).body.items;
    expect(byClient.map((d: { id: string }) => d.id)).toEqual([r.body.decisionId]);
    // The replay (same version) reproduces it from the logged facts.
    expect((await analyst.get(`/api/v1/decisions/${r.body.decisionId}/replay`)).body.sameVersion.reproduced).toBe(true);
  });

  it('lets given facts override derived ones (kept out of derivedFacts), and names an unknown client', async () => {
    const c = await createClient(analyst);
    const r = await analyst.post('/api/v1/decisions/five-category', { clientId: c.id, facts: { bankruptcyLiquidation: true }, asOf: today() });
    expect(r.body.outputs.class5).toBe('损失');
    const logged = (await analyst.get(`/api/v1/decisions/${r.body.decisionId}`)).body;
    expect(logged.facts).toEqual({ bankruptcyLiquidation: true });
    expect(logged.derivedFacts).not.toHaveProperty('bankruptcyLiquidation');

    const unknown = await analyst.post('/api/v1/decisions/five-category', { clientId: 'cli_nobody' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ pointer: '/clientId', code: 'unknown_client' });
    const neither = await analyst.post('/api/v1/decisions/five-category', { trace: true });
    expect(neither.status).toBe(422);
  });
});
