import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { simplePolicy } from '../fixtures/simple-policy';

let srv: TestServer;
let analyst: ApiClient;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, config: { bodyLimitBytes: 64 * 1024 } });
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
});
afterAll(() => srv.close());

async function auditCount() {
  return (await srv.composition.stores.audit.list({ limit: 500 })).items.length;
}

describe('a malformed rule set is refused with one problem per fault, and nothing is written', () => {
  it('names each bad field by JSON pointer', async () => {
    const doc: any = simplePolicy('bad-policy');
    doc.family = 'pricing';
    doc.colour = 'blue';
    doc.rules[0].conditions.all[0].operator = 'greaterThanOrEqual';
    doc.rules[0].priority = 0;
    delete doc.rules[1].event;
    doc.rules.push({ ...simplePolicy().rules[0] });
    const before = await auditCount();
    const r = await analyst.post('/api/v1/rule-sets', { document: doc });
    expect(r.status).toBe(422);
    expect(r.contentType).toContain('application/problem+json');
    const byPointer = Object.fromEntries(r.body.errors.map((e: any) => [e.pointer, e]));
    expect(Object.keys(byPointer).sort()).toEqual(
      ['/document/colour', '/document/family', '/document/rules/0/conditions/all/0/operator', '/document/rules/0/priority', '/document/rules/1/event'].sort(),
    );
    expect(byPointer['/document/family'].message).toContain('must be one of "credit-policy", "segmentation", "warning"');
    expect(byPointer['/document/rules/0/conditions/all/0/operator'].message).toBe('the string "greaterThanOrEqual" is not a known operator');
    expect(byPointer['/document/rules/0/priority'].message).toBe('must be >= 1; it was the number 0');
    expect(await auditCount()).toBe(before);
    expect((await analyst.get('/api/v1/rule-sets/bad-policy')).status).toBe(404);
  });

  it('finds duplicate rule names, undefined shared conditions and unknown outputs in tests', async () => {
    const doc: any = simplePolicy('dup-policy');
    doc.rules[1].name = doc.rules[0].name;
    doc.rules[0].conditions = { all: [{ condition: 'highLeverage' }] };
    doc.tests[0].expect.outputs.colour = 'red';
    const r = await analyst.post('/api/v1/rule-sets', { document: doc });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: any) => `${e.pointer} ${e.code}`).sort()).toEqual(
      [
        '/document/rules/1/name duplicate_rule_name',
        '/document/rules/0/conditions/all/0/condition unknown_condition',
        '/document/tests/0/expect/outputs/colour unknown_output',
        // renaming rule 1 removed 'npl-arrears', which test 1 still expects to fire
        '/document/tests/1/expect/fired/0 unknown_rule',
      ].sort(),
    );
  });

  it('refuses a PUT whose document fails, leaving the draft as it was', async () => {
    const created = await analyst.post('/api/v1/rule-sets', { document: simplePolicy('put-policy') });
    const doc: any = simplePolicy('put-policy');
    doc.rules[0].conditions.all[0].value = { fact: 'debtToAsset', path: 'not-a-path' };
    const r = await analyst.put('/api/v1/rule-sets/put-policy/versions/1', doc, { 'if-match': '"1"' });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].pointer).toBe('/rules/0/conditions/all/0/value/path');
    const now = await analyst.get('/api/v1/rule-sets/put-policy/versions/1');
    expect(now.body.revision).toBe(1);
    expect(now.body.contentHash).toBe(created.body.contentHash);
    expect((await analyst.put('/api/v1/rule-sets/put-policy/versions/1', simplePolicy('put-policy'))).status).toBe(428);
  });
});

describe('HTTP-level mistakes get problem+json, never a 500', () => {
  it('malformed JSON → 400', async () => {
    const r = await analyst.request('POST', '/api/v1/rule-sets', '{"document": {', { 'content-type': 'application/json' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('malformed_json');
    expect(r.contentType).toContain('application/problem+json');
  });
  it('wrong content type → 415', async () => {
    const r = await analyst.request('POST', '/api/v1/rule-sets', 'key=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(415);
  });
  it('oversized body → 413', async () => {
    const r = await analyst.post('/api/v1/rule-sets', { document: { description: 'x'.repeat(100_000) } });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('body_too_large');
  });
  it('unknown endpoint → 404 problem; request id echoed', async () => {
    const r = await analyst.get('/api/v1/nothing-here', { 'x-request-id': 'trace-123' });
    expect(r.status).toBe(404);
    expect(r.headers.get('x-request-id')).toBe('trace-123');
    expect(r.body.requestId).toBe('trace-123');
  });
  it('sets helmet security headers', async () => {
    const r = await analyst.get('/healthz');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
