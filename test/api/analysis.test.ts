import manufacturer from '../../server/src/modules/facts/fixtures/manufacturer-2024.json';
import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

let srv: TestServer;
let analyst: ApiClient;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
});
afterAll(() => srv.close());

const V = (key: string, v: number) => `/api/v1/rule-sets/${key}/versions/${v}`;

/** simplePolicy plus a rule on a misspelt fact and a rule whose two conditions contradict each other. */
function flawedPolicy(key: string) {
  const doc: any = simplePolicy(key);
  doc.rules.push(
    {
      name: 'typo-in-fact',
      priority: 15,
      conditions: { all: [{ fact: 'debtToAset', operator: 'greaterThan', value: 0.9 }] },
      event: { type: 'decline', params: { decision: 'decline' } },
    },
    {
      name: 'never-fires',
      priority: 15,
      conditions: { all: [{ condition: 'highLeverage' }, { fact: 'debtToAsset', operator: 'lessThan', value: 0.5 }] },
      event: { type: 'refer', params: { decision: 'refer' } },
    },
  );
  doc.conditions = { highLeverage: { all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: 0.7 }] } };
  return doc;
}

describe('static analysis of a version', () => {
  it('lists an unknown fact and a contradictory rule with pointers, and submit is refused naming them', async () => {
    expect((await analyst.post('/api/v1/rule-sets', { document: flawedPolicy('flawed-policy') })).status).toBe(201);

    const r = await analyst.get(`${V('flawed-policy', 1)}/analysis`);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([
      expect.objectContaining({ code: 'unknown_fact', pointer: '/rules/2/conditions/all/0/fact', severity: 'error', message: expect.stringContaining("did you mean 'debtToAsset'") }),
      expect.objectContaining({
        code: 'unreachable_rule',
        pointer: '/rules/3/conditions',
        severity: 'error',
        related: ['/conditions/highLeverage/all/0', '/rules/3/conditions/all/1'],
        message: "rule 'never-fires' can never fire: debtToAsset greaterThan 0.7 and debtToAsset lessThan 0.5 cannot both hold",
      }),
    ]);
    expect(r.body.warnings).toEqual([]);

    const submit = await analyst.post(`${V('flawed-policy', 1)}/submit`);
    expect(submit.status).toBe(422);
    expect(submit.contentType).toContain('application/problem+json');
    expect(submit.body.code).toBe('not_publishable');
    expect(submit.body.errors.map((e: any) => `${e.code}@${e.pointer}`)).toEqual(['unknown_fact@/rules/2/conditions/all/0/fact', 'unreachable_rule@/rules/3/conditions']);
    expect((await analyst.get(V('flawed-policy', 1))).body.status).toBe('draft');

    const check = await analyst.get(`${V('flawed-policy', 1)}/publish-check`);
    expect(check.body.errors.map((e: any) => e.code)).toEqual(['unknown_fact', 'unreachable_rule']);
  });

  it('shows warnings without blocking submit', async () => {
    const doc: any = simplePolicy('warned-policy');
    doc.conditions = { spare: { all: [{ fact: 'maxDpd', operator: 'greaterThan', value: 30 }] } };
    doc.rules[0].event.params.decison = 'refer';
    await analyst.post('/api/v1/rule-sets', { document: doc });

    const r = await analyst.get(`${V('warned-policy', 1)}/analysis`);
    expect(r.body.errors).toEqual([]);
    expect(r.body.warnings.map((w: any) => `${w.code}@${w.pointer}`)).toEqual(['unused_condition@/conditions/spare', 'undeclared_output@/rules/0/event/params/decison']);

    const submit = await analyst.post(`${V('warned-policy', 1)}/submit`);
    expect(submit.status).toBe(200);
    expect(submit.body.status).toBe('in_review');
  });

  it('answers 404 for a version or rule set that does not exist', async () => {
    expect((await analyst.get(`${V('flawed-policy', 9)}/analysis`)).status).toBe(404);
    expect((await analyst.get(`${V('no-such-set', 1)}/analysis`)).status).toBe(404);
  });

  it('finds no error in the rule library installed on a new store', async () => {
    const sets = (await analyst.get('/api/v1/rule-sets')).body.items.filter((s: any) => s.active);
    expect(sets.length).toBeGreaterThan(0);
    for (const s of sets) {
      const r = await analyst.get(`${V(s.key, s.active.version)}/analysis`);
      expect([s.key, r.body.errors]).toEqual([s.key, []]);
    }
  });
});

describe('facts', () => {
  it('GET /api/v1/facts lists every fact with type, unit, zh/en description, source, formula and enum', async () => {
    const r = await analyst.get('/api/v1/facts');
    expect(r.status).toBe(200);
    const byName = new Map(r.body.facts.map((f: any) => [f.name, f]));
    expect(byName.get('debtToAsset')).toMatchObject({
      type: 'number',
      unit: 'ratio',
      description: { zh: '资产负债率', en: 'Debt-to-asset ratio' },
      source: 'derived',
      formula: 'total liabilities / total assets',
    });
    expect(byName.get('industrySection')).toMatchObject({ source: 'input', type: 'string', enum: expect.arrayContaining(['C', 'K']) });
  });

  it('POST /api/v1/facts/derive computes the domain.md §2.2 company: current ratio 1.5, debt-to-asset 0.62', async () => {
    const r = await analyst.post('/api/v1/facts/derive', { client: manufacturer, asOf: '2025-04-30' });
    expect(r.status).toBe(200);
    expect(r.body.asOf).toBe('2025-04-30');
    expect(r.body.facts.currentRatio).toBeCloseTo(1.5, 10);
    expect(r.body.facts.debtToAsset).toBeCloseTo(0.62, 10);
    // A fact that cannot be computed is null, with the reason.
    const nulls = Object.keys(r.body.facts).filter((k) => r.body.facts[k] === null);
    expect(nulls.length).toBeGreaterThan(0);
    for (const k of nulls) expect(typeof r.body.reasons[k]).toBe('string');
  });

  it('POST /api/v1/facts/derive refuses a body without a client, and writes nothing', async () => {
    const auditBefore = (await srv.composition.stores.audit.list({ limit: 500 })).items.length;
    const r = await analyst.post('/api/v1/facts/derive', { asOf: '2025-04-30' });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual([expect.objectContaining({ pointer: '/client' })]);
    expect((await srv.composition.stores.audit.list({ limit: 500 })).items.length).toBe(auditBefore);
  });
});
