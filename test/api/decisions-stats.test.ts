import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { activateRuleSet, apiKeyClient, expectSchema, staff, startDecisionServer, type DecisionServer } from './decisions-support';
import { TestClock } from './monitoring-support';

/**
 * GET /api/v1/decisions/stats over real HTTP on SQLite: decisions made through the API on days the test's clock
 * chooses, counted per UTC day and outcome, with the empty days, the filters, the refusals and who may ask.
 */
const clock = new TestClock(Date.parse('2026-11-18T09:00:00.000Z'));
let srv: DecisionServer;
let viewer: ApiClient;
let los: ApiClient & { keyId: string };
let evaluateOnly: ApiClient;

const decide = async (key: string, facts: Record<string, unknown>) => {
  const r = await los.post(`/api/v1/decisions/${key}`, { facts });
  if (r.status !== 200) throw new Error(`decide ${key}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.outputs.decision as string;
};
const APPROVE = { debtToAsset: 0.5 };
const REFER = { debtToAsset: 0.9 };
const DECLINE = { debtToAsset: 0.5, maxDpd: 120 };

async function stats(q: string) {
  const r = await viewer.get(`/api/v1/decisions/stats${q}`);
  if (r.status !== 200) throw new Error(`stats${q}: ${r.status} ${JSON.stringify(r.body)}`);
  expectSchema('decision-stats', r.body);
  return r.body;
}

beforeAll(async () => {
  srv = await startDecisionServer({ clock });
  const { admin, analyst, approver } = await staff(srv.url);
  await activateRuleSet(analyst, approver, simplePolicy('corp'));
  await activateRuleSet(analyst, approver, simplePolicy('sme'));
  await admin.post('/api/v1/admin/users', { username: 'viewer1', roles: ['viewer'], password: 'Viewer-pass-2026' });
  los = await apiKeyClient(srv.url, admin, 'loan origination');
  evaluateOnly = await apiKeyClient(srv.url, admin, 'evaluate only', ['decisions:evaluate']);
  // Wednesday 18 November, late in the UTC day: two approvals and a referral.
  clock.set('2026-11-18T23:59:58.000Z');
  expect([await decide('corp', APPROVE), await decide('corp', APPROVE), await decide('corp', REFER)]).toEqual(['approve', 'approve', 'refer']);
  // Friday 20 November: a decline of corp, an approval of sme. Thursday has none.
  clock.set('2026-11-20T00:00:00.000Z');
  expect([await decide('corp', DECLINE), await decide('sme', APPROVE)]).toEqual(['decline', 'approve']);
  clock.set('2026-11-20T10:00:00.000Z');
  viewer = await ApiClient.signedIn(srv.url, 'viewer1', 'Viewer-pass-2026');
}, 60_000);
afterAll(() => srv.close());

describe('GET /api/v1/decisions/stats', () => {
  it('counts per UTC day by outcome, every day of the range listed, empty days as zeros', async () => {
    const body = await stats('?from=2026-11-17&to=2026-11-20');
    const zeros = { approve: 0, refer: 0, decline: 0 };
    expect(body).toEqual({
      from: '2026-11-17',
      to: '2026-11-20',
      ruleSetKey: null,
      total: 5,
      outcomes: ['approve', 'decline', 'refer'],
      days: [
        { day: '2026-11-17', total: 0, byOutcome: zeros, noOutcome: 0 },
        { day: '2026-11-18', total: 3, byOutcome: { ...zeros, approve: 2, refer: 1 }, noOutcome: 0 },
        { day: '2026-11-19', total: 0, byOutcome: zeros, noOutcome: 0 },
        { day: '2026-11-20', total: 2, byOutcome: { ...zeros, approve: 1, decline: 1 }, noOutcome: 0 },
      ],
    });
    // The same decisions the log lists over those days.
    const listed = await viewer.get(`/api/v1/decisions?from=2026-11-17T00:00:00.000Z&to=2026-11-20T23:59:59.999Z&limit=500`);
    expect(listed.body.items).toHaveLength(body.total);
  });

  it('narrows to one rule set, and to one day', async () => {
    const sme = await stats('?from=2026-11-18&to=2026-11-20&ruleSetKey=sme');
    expect(sme).toMatchObject({ ruleSetKey: 'sme', total: 1, outcomes: ['approve'] });
    expect(sme.days.map((d: { day: string; total: number }) => [d.day, d.total])).toEqual([['2026-11-18', 0], ['2026-11-19', 0], ['2026-11-20', 1]]);
    const corp = await stats('?from=2026-11-18&to=2026-11-18&ruleSetKey=corp');
    expect(corp.days).toEqual([{ day: '2026-11-18', total: 3, byOutcome: { approve: 2, refer: 1 }, noOutcome: 0 }]);
    expect(await stats('?ruleSetKey=nothing-here')).toMatchObject({ total: 0, outcomes: [] });
  });

  it("defaults to the 30 days ending today at the server's clock", async () => {
    const body = await stats('');
    expect(body).toMatchObject({ from: '2026-10-22', to: '2026-11-20', total: 5 });
    expect(body.days).toHaveLength(30);
    expect(await stats('?to=2026-11-19')).toMatchObject({ from: '2026-10-21', to: '2026-11-19', total: 3 });
  });

  it('allows 366 days and refuses a bad query with a 422 problem naming the field', async () => {
    expect((await stats('?from=2025-11-20&to=2026-11-20')).days).toHaveLength(366);
    for (const [q, pointer] of [
      ['?from=2026-13-01', '/from'],
      ['?to=20.11.2026', '/to'],
      ['?from=2025-11-19&to=2026-11-20', '/from'], // 367 days
      ['?from=2026-11-21&to=2026-11-20', '/from'],
      ['?ruleSetKey=', '/ruleSetKey'],
      ['?ruleSet=corp', '/ruleSet'],
    ]) {
      const r = await viewer.get(`/api/v1/decisions/stats${q}`);
      expect([q, r.status]).toEqual([q, 422]);
      expect(r.contentType).toContain('application/problem+json');
      expect([q, r.body.errors.map((e: { pointer: string }) => e.pointer)]).toEqual([q, [pointer]]);
    }
  });

  it('is for callers who may read decisions: viewer yes, anonymous no, an API key only with decisions:read', async () => {
    expect((await new ApiClient(srv.url).get('/api/v1/decisions/stats')).status).toBe(401);
    const denied = await evaluateOnly.get('/api/v1/decisions/stats');
    expect([denied.status, denied.body.code]).toEqual([403, 'missing_permission']);
    expect((await los.get('/api/v1/decisions/stats')).status).toBe(200);
  });
});
