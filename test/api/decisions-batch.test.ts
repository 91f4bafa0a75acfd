import { simplePolicy } from '../fixtures/simple-policy';
import type { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, expectSchema, staff, startDecisionServer, type DecisionServer } from './decisions-support';

let srv: DecisionServer;
let los: ApiClient & { keyId: string };

beforeAll(async () => {
  srv = await startDecisionServer({ config: { bodyLimitBytes: 4 * 1024 * 1024 } });
  const { admin, analyst, approver } = await staff(srv.url);
  await activateRuleSet(analyst, approver, simplePolicy('corp'));
  los = await apiKeyClient(srv.url, admin, 'portfolio batch');
});
afterAll(() => srv.close());

const B = '/api/v1/decisions/corp/batch';
const logged = async (requestId: string | null) =>
  (await srv.composition.stores.decisions.list({ ruleSet: 'corp', limit: 500 })).items.filter((r) => r.requestId === requestId);

describe('POST /api/v1/decisions/:ruleSetKey/batch', () => {
  it('answers every item in order: a decision or a problem of its own; one bad item never fails the others', async () => {
    const items = [
      { facts: { debtToAsset: 0.9 }, ref: 'loan-1' },
      { facts: { debtToAsset: 'high' }, ref: 'loan-2' },
      { facts: { debtToAsset: 0.1, maxDpd: 120 }, ref: 'loan-3', trace: true },
      { fact: { debtToAsset: 0.1 }, ref: 'loan-4' },
      'not an item',
      { facts: {} },
    ];
    const r = await los.post(B, { items });
    expect(r.status).toBe(200);
    expectSchema('decision-batch-response', r.body);
    expect(r.body).toMatchObject({ ruleSet: { key: 'corp', version: 1 }, decided: 2, failed: 4 });
    expect(r.body.items.map((i: any) => [i.index, i.ref, i.status])).toEqual([
      [0, 'loan-1', 200],
      [1, 'loan-2', 422],
      [2, 'loan-3', 200],
      [3, 'loan-4', 422],
      [4, null, 422],
      [5, null, 422],
    ]);
    expect(r.body.items[0].decision.outputs.decision).toBe('refer');
    expect(r.body.items[2].decision).toMatchObject({ outputs: { decision: 'decline' }, trace: expect.any(Array) });
    expect(r.body.items[1].problem.errors).toEqual([{ pointer: '/items/1/facts/debtToAsset', code: 'invalid_fact', message: 'must be a number; it was the string "high"' }]);
    expect(r.body.items[3].problem.errors.map((e: any) => e.pointer).sort()).toEqual(['/items/3/fact', '/items/3/facts']);
    expect(r.body.items[5].problem.errors[0]).toMatchObject({ pointer: '/items/5/facts/debtToAsset', message: 'is required' });

    const records = await logged(r.headers.get('x-request-id'));
    expect(records.map((x) => [x.batchIndex, x.ref]).sort()).toEqual([[0, 'loan-1'], [2, 'loan-3']]);
    expect(records.map((x) => x.id).sort()).toEqual([r.body.items[0].decision.decisionId, r.body.items[2].decision.decisionId].sort());
  });

  it('decides a thousand items and logs them in one group commit', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ facts: { debtToAsset: (i % 100) / 100, maxDpd: i % 120 }, ref: `r${i}` }));
    const appends = srv.composition.services.metrics.registry.getSingleMetric('covenant_decision_log_batch_records') as any;
    const before = (await appends.get()).values.find((v: any) => v.metricName.endsWith('_count'))?.value ?? 0;
    const r = await los.post(B, { items }, { 'x-request-id': 'batch-thousand' });
    expect(r.status).toBe(200);
    expect(r.body.decided).toBe(1000);
    expect(r.body.items.map((i: any) => i.ref)).toEqual(items.map((i) => i.ref));
    const after = (await appends.get()).values.find((v: any) => v.metricName.endsWith('_count')).value;
    expect(after - before).toBe(1);
    const ids = new Set(r.body.items.map((i: any) => i.decision.decisionId));
    expect(ids.size).toBe(1000);
    let found = 0;
    let cursor: string | null | undefined;
    do {
      const page = await srv.composition.stores.decisions.list({ ruleSet: 'corp', limit: 500, cursor: cursor ?? undefined });
      found += page.items.filter((x) => x.requestId === 'batch-thousand').length;
      cursor = page.nextCursor;
    } while (cursor);
    expect(found).toBe(1000);
  });

  it('refuses more than 1,000 items, no items, and an unknown rule set as a whole', async () => {
    const tooMany = await los.post(B, { items: Array.from({ length: 1001 }, () => ({ facts: { debtToAsset: 0.1 } })) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0]).toMatchObject({ pointer: '/items', message: 'must have at most 1000 items' });
    expect((await los.post(B, { items: [] })).status).toBe(422);
    expect((await los.post('/api/v1/decisions/nope/batch', { items: [{ facts: {} }] })).status).toBe(404);
  });

  it('makes a batch retry with the same Idempotency-Key return the first answer and write nothing', async () => {
    const body = { items: [{ facts: { debtToAsset: 0.8 }, ref: 'a' }, { facts: { debtToAsset: 'x' }, ref: 'b' }, { facts: { debtToAsset: 0.2 }, ref: 'c' }] };
    const first = await los.post(B, body, { 'idempotency-key': 'nightly-2025-01-31' });
    expect(first.body.decided).toBe(2);
    const count = (await srv.composition.stores.decisions.list({ limit: 500, ruleSet: 'corp' })).items.length;
    const retry = await los.post(B, body, { 'idempotency-key': 'nightly-2025-01-31' });
    expect(retry.status).toBe(200);
    expect(retry.body.items.map((i: any) => i.decision?.decisionId ?? i.problem.code)).toEqual(first.body.items.map((i: any) => i.decision?.decisionId ?? i.problem.code));
    const other = await los.post(B, { items: [{ facts: { debtToAsset: 0.3 } }] }, { 'idempotency-key': 'nightly-2025-01-31' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect((await srv.composition.stores.decisions.list({ limit: 500, ruleSet: 'corp' })).items.length).toBe(count);
  });
});
