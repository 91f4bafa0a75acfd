import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { simplePolicy } from '../fixtures/simple-policy';

let srv: TestServer;
let analyst: ApiClient;
let analyst2: ApiClient;
let approver: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
  [analyst, analyst2, approver, admin] = await Promise.all(['analyst', 'analyst2', 'approver', 'admin'].map((u) => ApiClient.signedIn(srv.url, u)));
});
afterAll(() => srv.close());

const V = (key: string, v: number) => `/api/v1/rule-sets/${key}/versions/${v}`;

describe('the governed rule-set lifecycle over HTTP', () => {
  it('walks draft → review → four-eyes approval → activation → supersession → rollback, audited at every step', async () => {
    const key = 'lifecycle-policy';
    // v1: create, submit, approve (by someone else), activate.
    const created = await analyst.post('/api/v1/rule-sets', { document: simplePolicy(key) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, version: 1, status: 'draft', revision: 1 });
    expect(created.headers.get('etag')).toBe('"1"');

    expect((await analyst.post(`${V(key, 1)}/submit`)).body.status).toBe('in_review');
    const selfApprove = await analyst.post(`${V(key, 1)}/approve`);
    expect(selfApprove.status).toBe(403);
    expect(selfApprove.body.code).toBe('four_eyes');
    // An analyst lacks the permission at all; the author check is about approvers who also wrote.
    const approved = await approver.post(`${V(key, 1)}/approve`, { comment: 'looks right' });
    expect(approved.status).toBe(200);
    expect(approved.body.approved).toMatchObject({ contentHash: created.body.contentHash, by: { name: 'approver' } });

    const editApproved = await analyst.put(V(key, 1), simplePolicy(key, 0.75), { 'if-match': String(approved.body.revision) });
    expect(editApproved.status).toBe(409);
    expect(editApproved.body).toMatchObject({ code: 'invalid_transition', from: 'approved' });

    const act1 = await approver.post(`${V(key, 1)}/activate`);
    expect(act1.status).toBe(200);
    expect(act1.body.status).toBe('active');

    // v2: copy of v1, edited, through the same path; activating it retires v1.
    const v2 = await analyst.post('/api/v1/rule-sets', { key, fromVersion: 1 });
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', basedOnVersion: 1 });
    const edited = await analyst2.put(V(key, 2), simplePolicy(key, 0.75), { 'if-match': '"1"' });
    expect(edited.status).toBe(200);
    expect(edited.body.revision).toBe(2);
    expect(edited.body.authors).toHaveLength(2);
    const stale = await analyst.put(V(key, 2), simplePolicy(key, 0.8), { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision_conflict');
    expect((await analyst.get(V(key, 2))).body.document.rules[0].conditions.all[0].value).toBe(0.75);

    await analyst2.post(`${V(key, 2)}/submit`);
    await approver.post(`${V(key, 2)}/approve`);
    const act2 = await approver.post(`${V(key, 2)}/activate`);
    expect(act2.body.status).toBe('active');
    expect((await approver.get(V(key, 1))).body.status).toBe('retired');

    const summary = await analyst.get(`/api/v1/rule-sets/${key}`);
    expect(summary.body.active).toMatchObject({ version: 2 });

    const rollback = await approver.post(`/api/v1/rule-sets/${key}/rollback`, { toVersion: 1, comment: 'threshold change caused referrals' });
    expect(rollback.status).toBe(200);
    expect(rollback.body).toMatchObject({ version: 1, status: 'active' });
    expect((await approver.get(V(key, 2))).body.status).toBe('retired');

    const audit = await approver.get(`/api/v1/audit?entity=${key}&limit=100`);
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: any) => `${e.action} ${e.entityId}`).reverse();
    expect(actions).toEqual([
      `rule-set.draft-created ${key}@1`,
      `rule-set.submitted ${key}@1`,
      `rule-set.approved ${key}@1`,
      `rule-set.activated ${key}@1`,
      `rule-set.draft-created ${key}@2`,
      `rule-set.draft-updated ${key}@2`,
      `rule-set.submitted ${key}@2`,
      `rule-set.approved ${key}@2`,
      `rule-set.retired ${key}@1`,
      `rule-set.activated ${key}@2`,
      `rule-set.retired ${key}@2`,
      `rule-set.rolled-back ${key}@1`,
    ]);
    for (const e of audit.body.items) {
      expect(e.actor.name).toBeTruthy();
      expect(e.at).toMatch(/^\d{4}-/);
      if (e.action !== 'rule-set.draft-created') expect(e.before).toBeDefined();
      expect(e.after).toBeDefined();
    }
    const update = audit.body.items.find((e: any) => e.action === 'rule-set.draft-updated');
    expect(update.after.changes.rulesChanged[0].fields[0]).toEqual({ path: 'conditions.all[0].value', before: 0.7, after: 0.75 });
  });

  it('refuses invalid transitions with from, to and allowed', async () => {
    const key = 'transition-policy';
    await analyst.post('/api/v1/rule-sets', { document: simplePolicy(key) });
    const r = await approver.post(`${V(key, 1)}/activate`);
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ code: 'invalid_transition', from: 'draft', to: 'active', allowed: ['in_review'] });
    const reject = await analyst.post(`${V(key, 1)}/submit`);
    expect(reject.status).toBe(200);
    const noComment = await approver.post(`${V(key, 1)}/reject`, {});
    expect(noComment.status).toBe(422);
    expect(noComment.body.errors[0].pointer).toBe('/comment');
    const rejected = await approver.post(`${V(key, 1)}/reject`, { comment: 'add a test for 90 dpd' });
    expect(rejected.body).toMatchObject({ status: 'draft', rejected: { comment: 'add a test for 90 dpd' } });
  });

  it('diffs versions, exports a document and imports it as a new draft', async () => {
    const key = 'diff-policy';
    await analyst.post('/api/v1/rule-sets', { document: simplePolicy(key) });
    const changed = simplePolicy(key, 0.65);
    changed.rules.push({ ...changed.rules[0], name: 'extra-rule', priority: 5 });
    changed.rules = changed.rules.filter((r) => r.name !== 'npl-arrears');
    changed.tests = [changed.tests[0]];
    await analyst.post('/api/v1/rule-sets', { document: changed });
    const d = await analyst.get(`/api/v1/rule-sets/${key}/diff?from=1&to=2`);
    expect(d.status).toBe(200);
    expect(d.body.rules.added).toEqual(['extra-rule']);
    expect(d.body.rules.removed).toEqual(['npl-arrears']);
    expect(d.body.rules.changed).toEqual([{ name: 'leverage-above-line', changes: [{ path: 'conditions.all[0].value', before: 0.7, after: 0.65 }] }]);

    const exp = await analyst.get(`${V(key, 2)}/export`);
    expect(exp.status).toBe(200);
    expect(exp.headers.get('content-disposition')).toContain(`${key}-v2.json`);
    const imported = await analyst.post('/api/v1/rule-sets/import', exp.body);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ key, version: 3, status: 'draft', contentHash: (await analyst.get(V(key, 2))).body.contentHash });
  });

  it('deletes drafts only', async () => {
    const key = 'delete-policy';
    await analyst.post('/api/v1/rule-sets', { document: simplePolicy(key) });
    expect((await analyst.delete(V(key, 1), { 'if-match': '"1"' })).status).toBe(204);
    expect((await analyst.get(V(key, 1))).status).toBe(404);
  });

  it('keeps anonymous callers out, and an analyst who is not an author still cannot approve', async () => {
    const anon = new ApiClient(srv.url);
    expect((await anon.get('/api/v1/rule-sets')).status).toBe(401);
    const r = await analyst2.post(`${V('lifecycle-policy', 1)}/approve`);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('missing_permission');
    expect((await admin.get('/api/v1/rule-sets')).status).toBe(200);
  });
});
