import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, staff, startDecisionServer, type DecisionServer } from './decisions-support';

let srv: DecisionServer;
let key: ApiClient & { keyId: string };
let analyst: ApiClient;

beforeAll(async () => {
  srv = await startDecisionServer({ config: { apiKeyRatePerSecond: 2 } });
  const s = await staff(srv.url);
  analyst = s.analyst;
  await activateRuleSet(s.analyst, s.approver, simplePolicy('corp'));
  key = await apiKeyClient(srv.url, s.admin, 'ops');
});
afterAll(() => srv.close());

const decide = (c: ApiClient, headers?: Record<string, string>) => c.post('/api/v1/decisions/corp', { facts: { debtToAsset: 0.9 } }, headers);

describe('operations', () => {
  it('limits each API key with a token bucket: 429 problem with Retry-After; staff sessions are not limited', async () => {
    // Ten at once against 2 a second: even if they trickle in over a slow second, most must be refused.
    const replies = await Promise.all(Array.from({ length: 10 }, () => decide(key)));
    const limited = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(limited.length).toBeGreaterThanOrEqual(5);
    expect(limited[0].contentType).toContain('application/problem+json');
    expect(limited[0].body.code).toBe('rate_limited');
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 8; i++) expect((await decide(analyst)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await decide(key)).status).toBe(200);
  });

  it('honours and echoes x-request-id, and logs it with the decision', async () => {
    await new Promise((r) => setTimeout(r, 1000));
    const r = await decide(key, { 'x-request-id': 'upstream-trace-42' });
    expect(r.headers.get('x-request-id')).toBe('upstream-trace-42');
    expect((await srv.composition.stores.decisions.get(r.body.decisionId))!.requestId).toBe('upstream-trace-42');
  });

  it('serves Prometheus metrics from the composition\'s own registry', async () => {
    await decide(analyst);
    await analyst.post('/api/v1/decisions/corp', { facts: { debtToAsset: 'x' } });
    await analyst.post('/api/v1/decisions/corp/batch', { items: [{ facts: { debtToAsset: 0.1 } }, { facts: { debtToAsset: 0.2 } }] });
    const m = await new ApiClient(srv.url).get('/metrics');
    expect(m.status).toBe(200);
    expect(m.contentType).toContain('text/plain');
    const text = m.body as string;
    expect(text).toMatch(/covenant_decisions_total\{rule_set="corp",outcome="refer"\} \d+/);
    expect(text).toMatch(/covenant_decisions_total\{rule_set="corp",outcome="approve"\} 2/);
    expect(text).toMatch(/covenant_decision_duration_seconds_bucket\{le="0.025",endpoint="single"\} \d+/);
    expect(text).toMatch(/covenant_decision_duration_seconds_count\{endpoint="batch"\} 1/);
    expect(text).toMatch(/covenant_decision_log_write_seconds_count\{target="store"\} \d+/);
    expect(text).toMatch(/covenant_decision_log_batch_records_bucket\{le="256"\} \d+/);
    expect(text).toMatch(/covenant_decision_spool_records 0/);
    expect(text).toMatch(/covenant_http_errors_total\{code="validation_failed",status="422"\} 1/);
    expect(text).toMatch(/covenant_http_errors_total\{code="rate_limited",status="429"\} \d+/);
    expect(text).toMatch(/covenant_process_cpu_seconds_total/);
  });

  it('reports readiness with the decision log and the rule-set registry', async () => {
    const r = await new ApiClient(srv.url).get('/readyz');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'ready',
      store: 'sqlite',
      decisionLog: { mode: 'store', spoolRecords: 0, spoolBytes: 0 },
      ruleSets: { active: 1, broken: [], syncError: null },
    });
  });
});
