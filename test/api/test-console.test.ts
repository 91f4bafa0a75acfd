import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { simplePolicy } from '../fixtures/simple-policy';

let srv: TestServer;
let analyst: ApiClient;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, store: 'memory' });
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
});
afterAll(() => srv.close());

const V = (key: string, v: number) => `/api/v1/rule-sets/${key}/versions/${v}`;

describe('test console', () => {
  it('evaluates a draft with an explanation, and writes nothing', async () => {
    await analyst.post('/api/v1/rule-sets', { document: simplePolicy('console-policy') });
    const auditBefore = (await srv.composition.stores.audit.list({ limit: 500 })).items.length;
    const r = await analyst.post(`${V('console-policy', 1)}/evaluate`, { facts: { debtToAsset: 0.82, maxDpd: 0 }, trace: true });
    expect(r.status).toBe(200);
    expect(r.body.outputs.decision).toBe('refer');
    expect(r.body.firedRules.map((f: any) => f.name)).toEqual(['leverage-above-line']);
    expect(r.body.reasons).toEqual([{ code: 'LEV', zh: '资产负债率高于警戒线', en: 'Leverage above the warning line' }]);
    const leaf = r.body.trace.find((t: any) => t.name === 'leverage-above-line').conditions.conditions[0];
    expect(leaf).toMatchObject({ fact: 'debtToAsset', operator: 'greaterThan', factValue: 0.82, value: 0.7, result: true });
    expect((await srv.composition.stores.audit.list({ limit: 500 })).items.length).toBe(auditBefore);
  });

  it('runs the test cases and reports differences', async () => {
    const doc: any = simplePolicy('console-tests');
    doc.tests[1].expect.outputs.decision = 'refer';
    await analyst.post('/api/v1/rule-sets', { document: doc });
    const r = await analyst.post(`${V('console-tests', 1)}/test`, {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 2, passed: 1, failed: 1 });
    expect(r.body.results[1].differences).toEqual([{ kind: 'output', output: 'decision', expected: 'refer', actual: 'decline' }]);

    const submit = await analyst.post(`${V('console-tests', 1)}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.body.code).toBe('not_publishable');
    expect(submit.body.errors).toEqual([
      expect.objectContaining({ pointer: '/tests/1', code: 'test_failed', message: "test '91 dpd declined' fails: decision was \"decline\", expected \"refer\"" }),
    ]);
    expect((await analyst.get(V('console-tests', 1))).body.status).toBe('draft');
  });

  it('is for staff sessions only', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    const key = await admin.post('/api/v1/admin/api-keys', { name: 'console probe', scopes: ['rules:read'] });
    const r = await new ApiClient(srv.url, key.body.secret).post(`${V('console-policy', 1)}/evaluate`, { facts: {} });
    expect(r.status).toBe(403);
  });
});
