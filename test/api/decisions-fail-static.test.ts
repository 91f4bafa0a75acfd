import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, eventually, staff, startDecisionServer, SwitchableLogStore, type DecisionServer } from './decisions-support';

const decide = (c: ApiClient, debtToAsset = 0.5, headers?: Record<string, string>) => c.post('/api/v1/decisions/corp', { facts: { debtToAsset } }, headers);
const spoolFiles = (dir: string) => readdirSync(join(dir, 'spool')).filter((f) => f.startsWith('spool-'));

describe('fail-static: the decision log store fails, decisions go on', () => {
  let srv: DecisionServer;
  let wrapper: SwitchableLogStore;
  let key: ApiClient & { keyId: string };

  beforeAll(async () => {
    srv = await startDecisionServer({
      decisions: {
        retryIntervalMs: 100,
        spool: { maxRecords: 25, maxBytes: 10 * 1024 * 1024 },
        wrapLogStore: (inner) => (wrapper = new SwitchableLogStore(inner)),
      },
    });
    const { admin, analyst, approver } = await staff(srv.url);
    await activateRuleSet(analyst, approver, simplePolicy('corp'));
    key = await apiKeyClient(srv.url, admin, 'fail-static');
  });
  afterAll(() => srv.close());

  it('spools decisions (fsync\'d, checksummed) while the store fails, reports degraded, and replays them when it returns', async () => {
    expect((await new ApiClient(srv.url).get('/readyz')).body).toMatchObject({ status: 'ready', decisionLog: { mode: 'store', spoolRecords: 0 } });
    wrapper.failing = true;
    const during = await Promise.all(Array.from({ length: 10 }, (_, i) => decide(key, i / 10)));
    expect(during.map((r) => r.status)).toEqual(Array(10).fill(200));
    const batch = await key.post('/api/v1/decisions/corp/batch', { items: [{ facts: { debtToAsset: 0.9 } }, { facts: { debtToAsset: 0.1 } }] });
    expect(batch.body.decided).toBe(2);
    const ids = [...during.map((r) => r.body.decisionId), ...batch.body.items.map((i: any) => i.decision.decisionId)];

    const ready = await new ApiClient(srv.url).get('/readyz');
    expect(ready.status).toBe(200); // still deciding: not pulled from the balancer
    expect(ready.body).toMatchObject({ status: 'degraded', decisionLog: { mode: 'spool', spoolRecords: 12 } });
    const lines = spoolFiles(srv.dataDir).flatMap((f) => readFileSync(join(srv.dataDir, 'spool', f), 'utf8').trim().split('\n'));
    expect(lines).toHaveLength(12);
    expect(JSON.parse(lines[0])).toMatchObject({ sum: expect.stringMatching(/^[0-9a-f]{16}$/), rec: { id: expect.stringMatching(/^dec_/) } });
    const metrics = await new ApiClient(srv.url).get('/metrics');
    expect(metrics.body).toMatch(/covenant_decision_spool_records 12/);
    expect(metrics.body).toMatch(/covenant_decision_log_degraded 1/);

    wrapper.failing = false;
    await eventually(async () => (await new ApiClient(srv.url).get('/readyz')).body.status === 'ready', 3000);
    for (const id of ids) expect(await srv.composition.stores.decisions.get(id)).not.toBeNull();
    expect(spoolFiles(srv.dataDir)).toEqual([]);
    const after = await decide(key);
    expect(after.status).toBe(200);
    expect(await srv.composition.stores.decisions.get(after.body.decisionId)).not.toBeNull();
  });

  it('refuses decisions with 503 spool_full past the spool limit rather than acknowledge and lose them', async () => {
    wrapper.failing = true;
    const accepted: string[] = [];
    for (let i = 0; i < 25; i++) {
      const r = await decide(key);
      expect(r.status).toBe(200);
      accepted.push(r.body.decisionId);
    }
    const refused = await decide(key);
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body.code).toBe('spool_full');
    expect(refused.headers.get('retry-after')).toBe('1');
    const bigBatch = await key.post('/api/v1/decisions/corp/batch', { items: [{ facts: { debtToAsset: 0.1 } }] });
    expect(bigBatch.status).toBe(503);
    const ready = await new ApiClient(srv.url).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'degraded', decisionLog: { spoolRecords: 25 } });
    const metrics = (await new ApiClient(srv.url).get('/metrics')).body;
    expect(metrics).toMatch(/covenant_http_errors_total\{code="spool_full",status="503"\} 2/);

    wrapper.failing = false;
    await eventually(async () => (await new ApiClient(srv.url).get('/readyz')).body.status === 'ready', 3000);
    for (const id of accepted) expect(await srv.composition.stores.decisions.get(id)).not.toBeNull();
  });

  it('keeps idempotent retries idempotent while spooling (this instance remembers its answers)', async () => {
    wrapper.failing = true;
    const first = await decide(key, 0.3, { 'idempotency-key': 'spooled-retry' });
    const retry = await decide(key, 0.3, { 'idempotency-key': 'spooled-retry' });
    expect(retry.body.decisionId).toBe(first.body.decisionId);
    wrapper.failing = false;
    await eventually(async () => (await new ApiClient(srv.url).get('/readyz')).body.status === 'ready', 3000);
    const logged = await srv.composition.stores.decisions.findByIdempotencyKeys(key.keyId, ['spooled-retry']);
    expect(logged.map((r) => r.id)).toEqual([first.body.decisionId]);
  });
});

describe('fail-static: the SQLite handles are closed under the service, then a restart replays the spool', () => {
  it('decides from memory alone, spools, and a restarted instance replays the spool, ignoring a torn last line', async () => {
    const first = await startDecisionServer({ decisions: { retryIntervalMs: 60_000 } });
    const { admin, analyst, approver } = await staff(first.url);
    await activateRuleSet(analyst, approver, simplePolicy('corp'));
    const key = await apiKeyClient(first.url, admin, 'restart');
    const caller = (await decide(key)).body;
    const actor = { kind: 'api-key' as const, id: key.keyId, name: 'restart', roles: [], permissions: new Set(['decisions:evaluate']) };

    // The real database goes away: every handle closed. The decision path reads only memory (compiled version,
    // validator) and the log writer falls back to the spool. It is driven through the service here because HTTP
    // authentication (API keys, sessions) reads the store on every request.
    await first.composition.stores.close();
    const decisions = first.composition.services.decisions;
    const answered = await Promise.all(
      Array.from({ length: 5 }, (_, i) => decisions.decide('corp', { facts: { debtToAsset: i / 5 } }, { actor, requestId: `req_offline_${i}`, idempotencyKey: null })),
    );
    expect(answered.map((r) => r.ruleSet.version)).toEqual([1, 1, 1, 1, 1]);
    expect(first.composition.services.decisionWriter.status()).toMatchObject({ mode: 'spool', spoolRecords: 5 });
    await first.close({ keepData: true });
    // A crash in the middle of the next append leaves half a line behind.
    const [file] = spoolFiles(first.dataDir);
    appendFileSync(join(first.dataDir, 'spool', file), '{"sum":"0123456789abcdef","rec":{"id":"dec_torn","ruleSet":{"ke');

    const second = await startDecisionServer({ dataDir: first.dataDir, decisions: { retryIntervalMs: 50 } });
    try {
      for (const r of answered) expect(await eventually(() => second.composition.stores.decisions.get(r.decisionId), 3000)).toMatchObject({ id: r.decisionId, outputs: r.outputs });
      expect(await second.composition.stores.decisions.get('dec_torn')).toBeNull();
      expect(await eventually(async () => spoolFiles(first.dataDir).length === 0, 3000)).toBe(true);
      expect(await second.composition.stores.decisions.get(caller.decisionId)).not.toBeNull();
    } finally {
      await second.close();
    }
  });
});
