import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, eventually, staff, startDecisionServer, type DecisionServer } from './decisions-support';

/** Two instances of the service on one SQLite file: what a load-balanced deployment on one shared store looks like. */
let a: DecisionServer;
let b: DecisionServer;
let staffA: Awaited<ReturnType<typeof staff>>;
let keyA: ApiClient & { keyId: string };
let keyB: ApiClient;

beforeAll(async () => {
  a = await startDecisionServer({ decisions: { pollIntervalMs: 100 } });
  staffA = await staff(a.url);
  await activateRuleSet(staffA.analyst, staffA.approver, simplePolicy('shared', 0.7));
  b = await startDecisionServer({ dataDir: a.dataDir, decisions: { pollIntervalMs: 100 } });
  keyA = await apiKeyClient(a.url, staffA.admin, 'instance test');
  keyB = new ApiClient(b.url, (keyA as any).apiKey);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const decide = (c: ApiClient, debtToAsset = 0.72) => c.post('/api/v1/decisions/shared', { facts: { debtToAsset } });

describe('active versions across instances', () => {
  it('loads the active versions at start, so the second instance decides at once from memory', async () => {
    expect(b.composition.services.activeRuleSets.get('shared')?.ref.version).toBe(1);
    const r = await decide(keyB);
    expect(r.body).toMatchObject({ ruleSet: { key: 'shared', version: 1 }, outputs: { decision: 'refer' } });
  });

  it('swaps in-process at once on activation, and on the other instance within 2 s', async () => {
    await activateRuleSet(staffA.analyst, staffA.approver, simplePolicy('shared', 0.75));
    // Same instance: the activation listener swapped before the activation's answer left.
    expect((await decide(keyA)).body).toMatchObject({ ruleSet: { version: 2 }, outputs: { decision: 'approve' } });
    const t0 = Date.now();
    const seen = await eventually(async () => (await decide(keyB)).body.ruleSet.version === 2, 2000, 20);
    expect(seen).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect((await decide(keyB)).body.outputs.decision).toBe('approve');
  });

  it('hears of a rollback made on the other instance too', async () => {
    const r = await staffA.approver.post('/api/v1/rule-sets/shared/rollback', { toVersion: 1, comment: 'too lenient' });
    expect(r.status).toBe(200);
    expect(await eventually(async () => (await decide(keyB)).body.ruleSet.version === 1, 2000, 20)).toBe(true);
  });

  it('reports exactly one version per decision while versions swap under load', async () => {
    // Decisions keep flowing on B while A flips the active version back and forth.
    const results: { version: number; decision: string }[] = [];
    let stop = false;
    const load = (async () => {
      while (!stop) {
        const batch = await Promise.all(Array.from({ length: 10 }, () => decide(keyB)));
        for (const r of batch) results.push({ version: r.body.ruleSet.version, decision: r.body.outputs.decision });
      }
    })();
    await staffA.approver.post('/api/v1/rule-sets/shared/rollback', { toVersion: 2 });
    await eventually(async () => results.some((r) => r.version === 2), 5000, 20);
    await staffA.approver.post('/api/v1/rule-sets/shared/rollback', { toVersion: 1 });
    await eventually(async () => results.length > 0 && results[results.length - 1].version === 1, 5000, 20);
    stop = true;
    await load;
    // Every answer is internally consistent: v1 (line 0.7) refers 0.72; v2 (line 0.75) approves it.
    for (const r of results) expect(r.decision).toBe(r.version === 1 ? 'refer' : 'approve');
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([1, 2]));
  });

  it('drops a rule set retired without a successor at once here, and on the other instance within 2 s', async () => {
    const { analyst, approver } = staffA;
    await activateRuleSet(analyst, approver, simplePolicy('short-lived'));
    await eventually(async () => (await keyB.post('/api/v1/decisions/short-lived', { facts: { debtToAsset: 0.1 } })).status === 200, 2000, 20);
    // B's poller is held for this test, so B learns only from the poll below: that it is the sequence that tells.
    const registryB = b.composition.services.activeRuleSets;
    registryB.stop();
    const seqBefore = registryB.status().activationSequence ?? 0;
    const retired = await approver.post('/api/v1/rule-sets/short-lived/versions/1/retire', { comment: 'withdrawn' });
    expect(retired.status).toBe(200);
    // In-process: the very next request no longer decides with it.
    expect((await keyA.post('/api/v1/decisions/short-lived', { facts: { debtToAsset: 0.1 } })).status).toBe(409);
    // The other instance: the retirement bumped the activation sequence, so B's next poll drops it.
    await registryB.poll();
    expect(registryB.status().activationSequence).toBe(seqBefore + 1);
    expect((await keyB.post('/api/v1/decisions/short-lived', { facts: { debtToAsset: 0.1 } })).status).toBe(409);
    registryB.start();
  });

  it('answers a batch retry that reaches the other instance from the log', async () => {
    const body = { items: [{ facts: { debtToAsset: 0.9 } }, { facts: {} }, { facts: { debtToAsset: 0.1 } }] };
    const first = await keyA.post('/api/v1/decisions/shared/batch', body, { 'idempotency-key': 'cross-instance-batch' });
    expect(first.body.decided).toBe(2);
    const retry = await keyB.post('/api/v1/decisions/shared/batch', body, { 'idempotency-key': 'cross-instance-batch' });
    expect(retry.status).toBe(200);
    expect(retry.body.items.map((i: any) => i.decision?.decisionId ?? i.problem.code)).toEqual(first.body.items.map((i: any) => i.decision?.decisionId ?? i.problem.code));
    const logged = await a.composition.stores.decisions.findByIdempotencyKeys(keyA.keyId, ['cross-instance-batch#0', 'cross-instance-batch#2']);
    expect(logged).toHaveLength(2);
  });
});
