import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, expectSchema, staff, startDecisionServer, type DecisionServer } from './decisions-support';

let srv: DecisionServer;
let analyst: ApiClient;
let approver: ApiClient;
let admin: ApiClient;
let los: ApiClient & { keyId: string };

/** The test policy with typed, bounded inputs: leverage refers, 91+ dpd declines. */
function policy(key: string, line = 0.7) {
  const doc: any = simplePolicy(key, line);
  doc.inputs = [
    { name: 'debtToAsset', type: 'number', required: true, minimum: 0, maximum: 10 },
    { name: 'maxDpd', type: 'integer', required: false, minimum: 0 },
    { name: 'sector', type: 'string', enum: ['manufacturing', 'retail', 'energy'] },
    { name: 'listed', type: 'boolean' },
    { name: 'reportDate', type: 'date' },
  ];
  return doc;
}

beforeAll(async () => {
  srv = await startDecisionServer();
  ({ analyst, approver, admin } = await staff(srv.url));
  await activateRuleSet(analyst, approver, policy('corp'));
  los = await apiKeyClient(srv.url, admin, 'loan origination');
});
afterAll(() => srv.close());

const D = '/api/v1/decisions';
const logCount = async () => (await srv.composition.stores.decisions.list({ limit: 500 })).items.length;

describe('POST /api/v1/decisions/:ruleSetKey', () => {
  it('decides with the active version and logs the decision before answering', async () => {
    const r = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.82, maxDpd: 0, sector: 'retail' } });
    expect(r.status).toBe(200);
    expectSchema('decision-response', r.body);
    expect(r.body).toMatchObject({
      ruleSet: { key: 'corp', version: 1 },
      outputs: { decision: 'refer' },
      firedRules: [{ name: 'leverage-above-line', priority: 10, event: { type: 'refer' } }],
      reasons: [{ code: 'LEV' }],
    });
    expect(r.body.decisionId).toMatch(/^dec_/);
    expect(r.body.trace).toBeUndefined();
    // Durable before the answer: the record is readable the moment the response is in.
    const stored = await srv.composition.stores.decisions.get(r.body.decisionId);
    expect(stored).toMatchObject({
      id: r.body.decisionId,
      ruleSet: r.body.ruleSet,
      facts: { debtToAsset: 0.82, maxDpd: 0, sector: 'retail' },
      derivedFacts: {},
      outputs: r.body.outputs,
      firedRules: r.body.firedRules,
      outcome: 'refer',
      caller: { kind: 'api-key', id: los.keyId, name: 'loan origination' },
      clientId: null,
      idempotencyKey: null,
      requestId: r.headers.get('x-request-id'),
      evaluatedAt: r.body.evaluatedAt,
      latencyMs: r.body.latencyMs,
    });
    const viaApi = await los.get(`${D}/${r.body.decisionId}`);
    expect(viaApi.status).toBe(200);
    expectSchema('decision-record', viaApi.body);
  });

  it('returns (and logs) the trace only when asked, and honours asOf', async () => {
    const r = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.5, maxDpd: 95 }, trace: true, asOf: '2024-06-30' });
    expect(r.status).toBe(200);
    expectSchema('decision-response', r.body);
    expect(r.body.outputs.decision).toBe('decline');
    expect(r.body.trace.map((t: any) => [t.name, t.fired])).toEqual([['leverage-above-line', false], ['npl-arrears', true]]);
    const stored = await srv.composition.stores.decisions.get(r.body.decisionId);
    expect(stored!.asOf).toBe('2024-06-30');
    expect(stored!.trace).toEqual(r.body.trace);
  });

  it('lets a staff session decide too (with CSRF), recorded under the user', async () => {
    const r = await analyst.post(`${D}/corp`, { facts: { debtToAsset: 0.1 } });
    expect(r.status).toBe(200);
    const stored = await srv.composition.stores.decisions.get(r.body.decisionId);
    expect(stored!.caller).toMatchObject({ kind: 'user', name: 'analyst' });
    const noCsrf = await analyst.post(`${D}/corp`, { facts: { debtToAsset: 0.1 } }, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);
  });

  it('pins an approved version or one that was active before, never a draft', async () => {
    await activateRuleSet(analyst, approver, policy('pinned', 0.5), { activate: true });
    await activateRuleSet(analyst, approver, policy('pinned', 0.9), { activate: true }); // v2 active, v1 retired
    await activateRuleSet(analyst, approver, policy('pinned', 0.55), { activate: false }); // v3 approved
    const draft = await analyst.post('/api/v1/rule-sets', { document: policy('pinned', 0.1) }); // v4 draft
    expect(draft.body.version).toBe(4);
    const facts = { debtToAsset: 0.6 };
    const at = async (version?: number) => los.post(`${D}/pinned`, { facts, ...(version ? { version } : {}) });
    expect((await at()).body).toMatchObject({ ruleSet: { version: 2 }, outputs: { decision: 'approve' } });
    expect((await at(1)).body).toMatchObject({ ruleSet: { version: 1 }, outputs: { decision: 'refer' } });
    expect((await at(3)).body).toMatchObject({ ruleSet: { version: 3 }, outputs: { decision: 'refer' } });
    const d = await at(4);
    expect(d.status).toBe(409);
    expect(d.body).toMatchObject({ code: 'version_not_decidable', status: 409, versionStatus: 'draft' });
    expect((await at(9)).status).toBe(404);
  });

  it('unknown rule set → 404; no active version → 409 naming the key', async () => {
    const before = await logCount();
    const unknown = await los.post(`${D}/no-such-policy`, { facts: { debtToAsset: 0.5 } });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toContain('application/problem+json');
    await activateRuleSet(analyst, approver, policy('approved-only'), { activate: false });
    const inactive = await los.post(`${D}/approved-only`, { facts: { debtToAsset: 0.5 } });
    expect(inactive.status).toBe(409);
    expect(inactive.body).toMatchObject({ code: 'no_active_version', key: 'approved-only' });
    expect(inactive.body.detail).toContain("'approved-only'");
    expect(await logCount()).toBe(before);
  });

  it('refuses facts that do not satisfy the declared inputs with 422 naming each fact, and logs nothing', async () => {
    const before = await logCount();
    const r = await los.post(`${D}/corp`, { facts: { debtToAsset: '0.8x', maxDpd: 1.5, sector: 'mining', listed: 'yes', reportDate: '2024-02-30' } });
    expect(r.status).toBe(422);
    expect(r.contentType).toContain('application/problem+json');
    const byPointer = Object.fromEntries(r.body.errors.map((e: any) => [e.pointer, e.message]));
    expect(byPointer).toEqual({
      '/facts/debtToAsset': 'must be a number; it was the string "0.8x"',
      '/facts/maxDpd': 'must be an integer; it was the number 1.5',
      '/facts/sector': 'must be one of "manufacturing", "retail", "energy"; it was the string "mining"',
      '/facts/listed': 'must be true or false; it was the string "yes"',
      '/facts/reportDate': 'must be an ISO date (YYYY-MM-DD, or a date-time); it was the string "2024-02-30"',
    });
    const missing = await los.post(`${D}/corp`, { facts: { maxDpd: -1 } });
    expect(missing.body.errors).toEqual([
      { pointer: '/facts/debtToAsset', code: 'invalid_fact', message: 'is required' },
      { pointer: '/facts/maxDpd', code: 'invalid_fact', message: 'must be at least 0; it was -1' },
    ]);
    const tooBig = await los.post(`${D}/corp`, { facts: { debtToAsset: 11 } });
    expect(tooBig.body.errors[0].message).toBe('must be at most 10; it was 11');
    expect(await logCount()).toBe(before);
  });

  it('refuses a malformed body shape, bad JSON, a wrong content type and an oversized body with problem+json', async () => {
    const cases: [unknown, Record<string, string>?][] = [
      [{}],
      [{ facts: [] }],
      [{ facts: { 'not a name': 1 } }],
      [{ facts: {}, clientId: 'cli_1' }],
      [{ facts: {}, version: 0 }],
      [{ facts: {}, asOf: 'yesterday' }],
      ['{"facts": {', { 'content-type': 'application/json' }],
      ['facts=1', { 'content-type': 'application/x-www-form-urlencoded' }],
      [JSON.stringify({ facts: { debtToAsset: 0.5, pad: 'x'.repeat(3 * 1024 * 1024) } }), { 'content-type': 'application/json' }],
    ];
    const before = await logCount();
    for (const [body, headers] of cases) {
      const r = await los.post(`${D}/corp`, body, headers);
      expect([400, 413, 415, 422]).toContain(r.status);
      expect(r.contentType).toContain('application/problem+json');
    }
    expect(await logCount()).toBe(before);
    const asOf = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.5 }, asOf: '2024-13-01' });
    expect(asOf.status).toBe(422);
    expect(asOf.body.errors[0].pointer).toBe('/asOf');
  });

  it('needs a credential with decisions:evaluate', async () => {
    const anonymous = await new ApiClient(srv.url).post(`${D}/corp`, { facts: { debtToAsset: 0.5 } });
    expect(anonymous.status).toBe(401);
    const readOnly = await apiKeyClient(srv.url, admin, 'reporting', ['decisions:read']);
    const r = await readOnly.post(`${D}/corp`, { facts: { debtToAsset: 0.5 } });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('missing_permission');
    expect((await readOnly.get(D)).status).toBe(200);
    const viewer = await new ApiClient(srv.url, 'cov_aaaaaaaaaa_' + 'A'.repeat(43)).post(`${D}/corp`, { facts: {} });
    expect(viewer.status).toBe(401);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the original decision and writes nothing new', async () => {
    const body = { facts: { debtToAsset: 0.75, sector: 'energy' } };
    const first = await los.post(`${D}/corp`, body, { 'idempotency-key': 'order-1001' });
    expect(first.status).toBe(200);
    const before = await logCount();
    // Same body with keys in another order: canonical JSON makes it the same request.
    const retry = await los.post(`${D}/corp`, { facts: { sector: 'energy', debtToAsset: 0.75 } }, { 'idempotency-key': 'order-1001' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await logCount()).toBe(before);
    const stored = await srv.composition.stores.decisions.get(first.body.decisionId);
    expect(stored!.idempotencyKey).toBe('order-1001');
  });

  it('refuses the same key with a different body (422 idempotency_key_reused), writing nothing', async () => {
    await los.post(`${D}/corp`, { facts: { debtToAsset: 0.2 } }, { 'idempotency-key': 'order-1002' });
    const before = await logCount();
    const r = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.3 } }, { 'idempotency-key': 'order-1002' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('idempotency_key_reused');
    expect(await logCount()).toBe(before);
  });

  it('scopes keys per caller', async () => {
    const other = await apiKeyClient(srv.url, admin, 'collections');
    const a = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.2 } }, { 'idempotency-key': 'shared-key' });
    const b = await other.post(`${D}/corp`, { facts: { debtToAsset: 0.9 } }, { 'idempotency-key': 'shared-key' });
    expect(b.status).toBe(200);
    expect(b.body.decisionId).not.toBe(a.body.decisionId);
  });

  it('lets only one of many concurrent duplicates decide', async () => {
    const before = await logCount();
    const body = { facts: { debtToAsset: 0.71 } };
    const replies = await Promise.all(Array.from({ length: 8 }, () => los.post(`${D}/corp`, body, { 'idempotency-key': 'burst-1' })));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((r) => r.body.decisionId)).size).toBe(1);
    expect(await logCount()).toBe(before + 1);
  });

  it('finds the original in the log when this process no longer remembers it (another instance, a restart)', async () => {
    const first = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.4 } }, { 'idempotency-key': 'order-restart' });
    // A second composition on the same file has an empty in-memory map: the log's unique index decides.
    const twin = await startDecisionServer({ dataDir: srv.dataDir });
    try {
      const twinKey = new ApiClient(twin.url, (los as any).apiKey);
      const before = await logCount();
      const retry = await twinKey.post(`${D}/corp`, { facts: { debtToAsset: 0.4 } }, { 'idempotency-key': 'order-restart' });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      const reused = await twinKey.post(`${D}/corp`, { facts: { debtToAsset: 0.5 } }, { 'idempotency-key': 'order-restart' });
      expect(reused.status).toBe(422);
      expect(await logCount()).toBe(before);
    } finally {
      await twin.close();
    }
  });

  it('refuses a malformed key', async () => {
    const r = await los.post(`${D}/corp`, { facts: { debtToAsset: 0.4 } }, { 'idempotency-key': 'has space' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('bad_idempotency_key');
  });
});

describe('the decision log over HTTP', () => {
  it('filters by rule set, outcome, caller and time, newest first, with stable cursor paging', async () => {
    const key = 'log-policy';
    await activateRuleSet(analyst, approver, policy(key));
    const sent: string[] = [];
    for (const debt of [0.1, 0.9, 0.2, 0.95, 0.3]) sent.push((await los.post(`${D}/${key}`, { facts: { debtToAsset: debt } })).body.decisionId);
    const staff = (await analyst.post(`${D}/${key}`, { facts: { debtToAsset: 0.99 } })).body.decisionId;
    const all = await los.get(`${D}?ruleSet=${key}`);
    expect(all.status).toBe(200);
    expectSchema('decision-page', all.body);
    expect(all.body.items.map((r: any) => r.id)).toEqual([staff, ...sent].reverse().slice(0, 6).sort().reverse());
    const refers = await los.get(`${D}?ruleSet=${key}&outcome=refer`);
    expect(refers.body.items.map((r: any) => r.id)).toEqual([staff, sent[3], sent[1]]);
    const byCaller = await los.get(`${D}?ruleSet=${key}&caller=analyst`);
    expect(byCaller.body.items.map((r: any) => r.id)).toEqual([staff]);
    expect((await los.get(`${D}?ruleSet=${key}&caller=${los.keyId}`)).body.items).toHaveLength(5);
    const p1 = await los.get(`${D}?ruleSet=${key}&limit=4`);
    expect(p1.body.items).toHaveLength(4);
    await los.post(`${D}/${key}`, { facts: { debtToAsset: 0.5 } }); // appended between pages
    const p2 = await los.get(`${D}?ruleSet=${key}&limit=4&cursor=${p1.body.nextCursor}`);
    expect([...p1.body.items, ...p2.body.items].map((r: any) => r.id)).toEqual([staff, ...sent].sort().reverse());
    expect(p2.body.nextCursor).toBeNull();
    const first = (await los.get(`${D}/${sent[0]}`)).body;
    const ranged = await los.get(`${D}?ruleSet=${key}&from=${encodeURIComponent(first.evaluatedAt)}&to=${encodeURIComponent(first.evaluatedAt)}`);
    expect(ranged.body.items.map((r: any) => r.id)).toContain(sent[0]);
    expect((await los.get(`${D}?from=yesterday`)).status).toBe(422);
    expect((await los.get(`${D}?colour=red`)).status).toBe(422);
    expect((await los.get(`${D}/dec_doesnotexist`)).status).toBe(404);
  });

  it('replays a decision with its own version (reproduced) and with today\'s active version (differences)', async () => {
    const key = 'replay-policy';
    await activateRuleSet(analyst, approver, policy(key, 0.7));
    const d = await los.post(`${D}/${key}`, { facts: { debtToAsset: 0.72, maxDpd: 0 } });
    expect(d.body.outputs.decision).toBe('refer');
    const same = await los.get(`${D}/${d.body.decisionId}/replay`);
    expect(same.status).toBe(200);
    expectSchema('decision-replay', same.body);
    expect(same.body.sameVersion).toMatchObject({ reproduced: true, changed: false, ruleSet: { version: 1 } });
    expect(same.body.activeVersion).toMatchObject({ changed: false, ruleSet: { version: 1 } });

    await activateRuleSet(analyst, approver, policy(key, 0.75)); // v2: the line moves up
    const r = await los.get(`${D}/${d.body.decisionId}/replay?trace=true`);
    expectSchema('decision-replay', r.body);
    expect(r.body.original).toMatchObject({ ruleSet: { version: 1 }, outputs: { decision: 'refer' }, firedRules: ['leverage-above-line'] });
    expect(r.body.sameVersion).toMatchObject({ reproduced: true, ruleSet: { version: 1 } });
    expect(r.body.activeVersion).toMatchObject({
      ruleSet: { version: 2 },
      changed: true,
      outputs: { decision: 'approve' },
      differences: {
        outputs: [
          { output: 'decision', before: 'refer', after: 'approve' },
          { output: 'reasons', before: [expect.objectContaining({ code: 'LEV' })], after: [] },
        ],
        newlyFired: [],
        noLongerFired: ['leverage-above-line'],
      },
    });
    expect(r.body.activeVersion.trace).toHaveLength(2);
    expect((await los.get(`${D}/dec_nothing/replay`)).status).toBe(404);
  });
});
