import { derive } from '../../server/src/modules/facts/derive';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { AS_OF, expectSchema, minimalProfile, profiles, USCC } from './clients-support';

let srv: TestServer;
let analyst: ApiClient;
let approver: ApiClient;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
  [analyst, approver] = await Promise.all([ApiClient.signedIn(srv.url, 'analyst'), ApiClient.signedIn(srv.url, 'approver')]);
});
afterAll(() => srv.close());

const C = '/api/v1/clients';
/** The client's own audit trail (monitoring, when wired, adds segment and alert events of its own in the background). */
const auditOf = async (id: string) =>
  (await srv.composition.stores.audit.list({ entity: id, limit: 500 })).items.map((e) => e.action).filter((a) => a.startsWith('client.') && a !== 'client.segments-changed').reverse();
/** A record without the segments monitoring may set at any moment. */
const bare = ({ segments: _s, ...rest }: Record<string, unknown>) => rest;
/** Audit events of client actions (monitoring's own events, if it runs, are not counted). */
const auditCount = async () => (await srv.composition.stores.audit.list({ entityType: 'client', limit: 500 })).items.filter((e) => e.action !== 'client.segments-changed').length;
const clientCount = () => srv.composition.stores.clients.count({});

describe('the client register over HTTP', () => {
  it('creates, reads, lists, replaces with If-Match and deletes a client, auditing each change', async () => {
    const [profile] = profiles(1, 101);
    const created = await analyst.post(C, profile);
    expect(created.status).toBe(201);
    expectSchema('client-record', created.body);
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.body.id;
    expect(id).toMatch(/^cli_/);
    expect(created.body).toMatchObject({ revision: 1, key: `uscc:${profile.uscc}`, profile });

    const got = await approver.get(`${C}/${id}`);
    expect(got.status).toBe(200);
    expect(bare(got.body)).toEqual(bare(created.body));

    const list = await approver.get(`${C}?q=${encodeURIComponent(profile.uscc as string)}`);
    expect(list.status).toBe(200);
    expectSchema('client-page', list.body);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id, name: profile.name, industrySection: profile.industry.section });

    const renamed = { ...profile, name: '更名后有限公司' };
    const put = await analyst.put(`${C}/${id}`, renamed, { 'if-match': '"1"' });
    expect(put.status).toBe(200);
    expect(put.body.revision).toBe(2);
    expect(put.headers.get('etag')).toBe('"2"');

    const stale = await analyst.put(`${C}/${id}`, { ...profile, name: '过期的修改' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision_conflict');
    expect((await analyst.put(`${C}/${id}`, renamed)).status).toBe(428);
    // An If-Match that holds no revision is the caller's mistake (400), not a conflict with someone else's change.
    const garbled = await analyst.put(`${C}/${id}`, renamed, { 'if-match': 'latest' });
    expect([garbled.status, garbled.body.code]).toEqual([400, 'bad_if_match']);
    expect((await approver.get(`${C}/${id}`)).body).toMatchObject({ revision: 2, profile: { name: '更名后有限公司' } });

    expect((await analyst.delete(`${C}/${id}`, { 'if-match': '"1"' })).status).toBe(409);
    expect((await analyst.delete(`${C}/${id}`, { 'if-match': '"2"' })).status).toBe(204);
    expect((await approver.get(`${C}/${id}`)).status).toBe(404);
    expect(await auditOf(id)).toEqual(['client.created', 'client.updated', 'client.deleted']);
  });

  it.each([
    ['length', USCC.short, 'uscc_length', /17 characters; it must have 18/],
    ['character', USCC.badCharacter, 'uscc_charset', /not allowed in a USCC: O/],
    ['check character', USCC.badCheck, 'uscc_check_character', /check character is '4'; the first 17 characters call for '3'/],
  ])('refuses a USCC with a wrong %s as a 422 naming /uscc, writing nothing', async (_what, uscc, code, message) => {
    const [clients, audit] = [await clientCount(), await auditCount()];
    const r = await analyst.post(C, minimalProfile({ uscc }));
    expect(r.status).toBe(422);
    expect(r.contentType).toContain('application/problem+json');
    expect(r.body.errors).toEqual([expect.objectContaining({ pointer: '/uscc', code })]);
    expect(r.body.errors[0].message).toMatch(message);
    expect([await clientCount(), await auditCount()]).toEqual([clients, audit]);
  });

  it('requires a USCC for a Chinese client, refuses a second client with the same one, and an id in the body', async () => {
    const noUscc = await analyst.post(C, minimalProfile({ uscc: undefined }));
    expect(noUscc.status).toBe(422);
    expect(noUscc.body.errors).toEqual([expect.objectContaining({ pointer: '/uscc', code: 'required' })]);
    const first = await analyst.post(C, minimalProfile());
    expect(first.status).toBe(201);
    const twin = await analyst.post(C, minimalProfile({ uscc: ` ${USCC.valid.toLowerCase()} `, name: '另一家公司' }));
    expect(twin.status).toBe(409);
    expect(twin.body).toMatchObject({ code: 'client_exists', id: first.body.id });
    const withId = await analyst.post(C, { ...minimalProfile({ uscc: '9144030071526726XG' }), id: 'cli_mine' });
    expect(withId.status).toBe(422);
    expect(withId.body.errors[0].pointer).toBe('/id');
  });

  it('leaves a client unchanged when an update fails validation', async () => {
    const [profile] = profiles(1, 102);
    const created = await analyst.post(C, profile);
    const audit = await auditCount();
    const bad = await analyst.put(`${C}/${created.body.id}`, { ...profile, uscc: USCC.badCheck, employees: -3 }, { 'if-match': '"1"' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/employees']);
    const worse = await analyst.put(`${C}/${created.body.id}`, { ...profile, uscc: USCC.badCheck }, { 'if-match': '"1"' });
    expect(worse.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/uscc']);
    expect(bare((await analyst.get(`${C}/${created.body.id}`)).body)).toEqual(bare(created.body));
    expect(await auditOf(created.body.id)).toEqual(['client.created']);
    expect(await auditCount()).toBe(audit);
  });

  it('adds and replaces statements and records events as sub-resources', async () => {
    const [profile] = profiles(1, 103);
    const { body: client } = await analyst.post(C, profile);
    const base = profile.statements![profile.statements!.length - 1];
    const next = { ...base, periodEnd: '2026-12-31', reportDate: '2027-02-15', revenue: 123_456_789 };
    const added = await analyst.post(`${C}/${client.id}/statements`, next);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ clientId: client.id, revision: 2, replaced: false });
    const restated = await analyst.post(`${C}/${client.id}/statements`, { ...next, revenue: 120_000_000, restated: true }, { 'if-match': '"2"' });
    expect(restated.status).toBe(200);
    expect(restated.body).toMatchObject({ revision: 3, replaced: true });
    const statements = (await approver.get(`${C}/${client.id}/statements`)).body.items;
    expect(statements).toHaveLength(profile.statements!.length + 1);
    expect(statements[statements.length - 1]).toMatchObject({ periodEnd: '2026-12-31', revenue: 120_000_000, restated: true });

    const bad = await analyst.post(`${C}/${client.id}/statements`, { periodEnd: 'yesterday' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/periodEnd');
    const stale = await analyst.post(`${C}/${client.id}/statements`, next, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);

    const event = await analyst.post(`${C}/${client.id}/events`, { type: 'assets_frozen', date: '2026-10-08', amount: 5_000_000, source: '执行信息' });
    expect(event.status).toBe(201);
    expect(event.body.event.id).toMatch(/^evt_/);
    const events = (await approver.get(`${C}/${client.id}/events`)).body.items;
    expect(events[events.length - 1]).toEqual(event.body.event);
    expect((await analyst.post(`${C}/${client.id}/events`, { type: 'no_such_event', date: '2026-10-08' })).status).toBe(422);
    expect(await auditOf(client.id)).toEqual(['client.created', 'client.statement-added', 'client.statement-replaced', 'client.event-added']);
  });

  it('answers with exactly the facts derive() computes from the stored profile', async () => {
    const [profile] = profiles(1, 104);
    const { body: client } = await analyst.post(C, profile);
    const r = await approver.get(`${C}/${client.id}/facts?asOf=${AS_OF}`);
    expect(r.status).toBe(200);
    const expected = derive({ ...profile, id: client.id }, { asOf: AS_OF });
    expect(r.body).toEqual({ clientId: client.id, revision: 1, ...JSON.parse(JSON.stringify(expected)) });
    expect(r.body.facts.usccValid).toBe(true);
    expect(typeof r.body.facts.maxDpd).toBe('number');
    const bad = await approver.get(`${C}/${client.id}/facts?asOf=30.09.2026`);
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/asOf');
    expect((await approver.get(`${C}/cli_nobody/facts`)).status).toBe(404);
  });

  it('filters, pages with a cursor, and aggregates for the dashboard', async () => {
    const batch = profiles(12, 105);
    const ids: string[] = [];
    for (const p of batch) ids.push((await analyst.post(C, { ...p, relationshipManager: 'RM-TEST-105' })).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await approver.get(`${C}?relationshipManager=RM-TEST-105&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((x) => x.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const section = batch[0].industry.section;
    const bySection = await approver.get(`${C}?relationshipManager=RM-TEST-105&industrySection=${section}`);
    expect(bySection.body.items.map((x: { id: string }) => x.id)).toEqual(ids.filter((_, i) => batch[i].industry.section === section));
    expect((await approver.get(`${C}?ifrs9Stage=4`)).status).toBe(422);

    const agg = await approver.get(`${C}/aggregates?relationshipManager=RM-TEST-105`);
    expect(agg.status).toBe(200);
    expectSchema('client-aggregates', agg.body);
    expect(agg.body.count).toBe(12);
    expect(agg.body.byIndustry.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(12);
    expect(agg.body.byBookedClass5.reduce((a: number, b: { exposure: number }) => a + b.exposure, 0)).toBeCloseTo(agg.body.exposure, 0);
    // Regions: the province of a Chinese client, the country of the others.
    const regions: Record<string, number> = {};
    for (const p of batch) {
      const key = p.country === 'CN' && p.provinceCode ? p.provinceCode : p.country;
      regions[key] = (regions[key] ?? 0) + 1;
    }
    expect(Object.fromEntries(agg.body.byRegion.map((b: { key: string; count: number }) => [b.key, b.count]))).toEqual(regions);
  });

  it('keeps a classification history set through the service and tells change listeners', async () => {
    const [profile] = profiles(1, 106);
    const heard: string[] = [];
    srv.composition.services.clients.onChange((id, info) => heard.push(`${id}:${info.action}`));
    const { body: client } = await analyst.post(C, profile);
    const { SYSTEM_ACTOR } = await import('../../server/src/shared/actor');
    await srv.composition.services.clients.setSegments(client.id, { tier: 'T2', tags: ['优质客户'], class5: '关注', ifrs9Stage: 2, riskLevel: 'orange' }, SYSTEM_ACTOR, { reason: 'monitoring run', expectedRevision: 1 });
    // Monitoring (when wired) may set segments of its own around ours, so look for our entry rather than the only one.
    const h = await approver.get(`${C}/${client.id}/segment-history`);
    expect(h.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ clientId: client.id, after: expect.objectContaining({ class5: '关注', tier: 'T2' }), reason: 'monitoring run' })]));
    const now = (await approver.get(`${C}/${client.id}`)).body;
    expect(now.revision).toBe(1);
    expect(heard).toEqual(expect.arrayContaining([`${client.id}:client.created`, `${client.id}:client.segments-changed`]));
    expect(heard.indexOf(`${client.id}:client.created`)).toBeLessThan(heard.indexOf(`${client.id}:client.segments-changed`));
  });
});
