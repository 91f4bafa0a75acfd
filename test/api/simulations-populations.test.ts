import type { ClientRecord } from '../../server/src/modules/clients/client';
import { EMPTY_SEGMENTS } from '../../server/src/modules/clients/client';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { activePolicy, simPolicy, testSimulationConfig, waitForStatus } from './simulations-support';

/** The other populations: JSON Lines of facts, client profiles (facts derived), the stored portfolio, replayed decisions. */
let srv: TestServer;
let analyst: ApiClient;
let approver: ApiClient;
const KEY = 'sim-pop-policy';
const SECTOR_KEY = 'sim-sector-policy';

/** Refers clients of the named industry sections (a fact derive() copies from the profile). */
function sectorPolicy(sections: string[]) {
  return {
    key: SECTOR_KEY,
    family: 'credit-policy',
    name: { zh: '行业政策', en: 'Sector policy' },
    outputs: { decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' } },
    rules: [{ name: 'sector-watch', priority: 1, conditions: { all: [{ fact: 'industrySection', operator: 'in', value: sections }] }, event: { type: 'refer', params: { decision: 'refer' } } }],
    tests: [{ name: 'watched sector', facts: { industrySection: sections[0] }, expect: { outputs: { decision: 'refer' } } }],
  };
}

function client(i: number, section: string, drawn: number): ClientRecord {
  const at = '2025-01-01T00:00:00.000Z';
  const by = { kind: 'system' as const, id: 'system', name: 'system' };
  return {
    id: `cli_test${String(i).padStart(16, '0')}`,
    revision: 1,
    key: `reg:CN:test-${i}`,
    profile: { name: `测试客户${i}`, country: 'CN', localRegNo: `test-${i}`, industry: { section: section as never }, provinceCode: '310000', sizeClass: 'medium', facilities: [{ id: `f${i}`, product: 'working_capital', limit: drawn * 2, drawn }] },
    segments: { ...EMPTY_SEGMENTS, tier: i % 2 ? 'A' : 'B' },
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
  };
}

beforeAll(async () => {
  // One worker: these runs are tiny, and the two-worker merge is covered by simulations.test.ts.
  srv = await startTestServer({ seedDemo: true, config: testSimulationConfig({ workers: 1 }) });
  [analyst, approver] = await Promise.all(['analyst', 'approver'].map((u) => ApiClient.signedIn(srv.url, u)));
  await activePolicy(analyst, approver, simPolicy(KEY, 0.7));
  await activePolicy(analyst, approver, sectorPolicy(['K']));
}, 60_000);
afterAll(() => srv.close());

const run = async (body: object) => {
  const r = await analyst.post('/api/v1/simulations', body);
  if (r.status !== 202) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
  return waitForStatus(analyst, r.body.id, ['completed', 'failed']);
};

describe('simulation populations', () => {
  it('JSON Lines of facts: typed by JSON, a missing required input skipped with its reason', async () => {
    const lines = [
      JSON.stringify({ id: 'a', debtToAsset: 0.65, exposure: 100 }),
      JSON.stringify({ id: 'b', debtToAsset: 0.2, exposure: 200 }),
      '',
      JSON.stringify({ id: 'c', exposure: 300 }),
      'not json',
      JSON.stringify({ id: 'd', debtToAsset: '0.9', exposure: 400 }),
    ].join('\n');
    const up = await analyst.post(`/api/v1/simulations/uploads?ruleSetKey=${KEY}`, lines, { 'content-type': 'application/x-ndjson' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'jsonl', rows: 5, badRows: 3, exposureField: 'exposure', columns: null });
    expect(up.body.sampleErrors.map((e: any) => [e.row, e.line])).toEqual([[3, 4], [4, 5], [5, 6]]);
    expect(up.body.sampleErrors[0].reason).toBe(`debtToAsset is required (rule set '${KEY}')`);
    expect(up.body.sampleErrors[2].reason).toBe(`debtToAsset must be a number; it was the string "0.9" (rule set '${KEY}')`);

    const sim = await run({ ruleSetKey: KEY, candidate: { content: simPolicy(KEY, 0.6) }, baseline: 'active', population: { upload: up.body.id } });
    expect(sim.status).toBe('completed');
    expect(sim.results.summary).toMatchObject({ records: 5, evaluated: 2, skipped: 3, changed: 1, exposure: 300, changedExposure: 100 });
    expect(sim.results.skippedSamples.map((s: any) => s.recordId)).toEqual(['row-3', 'row-4', 'row-5']);
  });

  it('client profiles as JSON Lines: facts derived, exposure from the facilities', async () => {
    const profiles = [client(1, 'K', 1000), client(2, 'F', 2000), client(3, 'C', 4000)].map((c) => JSON.stringify({ ...c.profile, id: c.id }));
    const up = await analyst.post('/api/v1/simulations/uploads?kind=clients', profiles.join('\n') + '\n{"name":"no industry","country":"CN"}\n', { 'content-type': 'application/x-ndjson' });
    expect(up.body).toMatchObject({ kind: 'clients', rows: 4, badRows: 1, sampleErrors: [{ row: 4, line: 4, reason: 'a client profile needs industry.section' }] });
    const sim = await run({ ruleSetKey: SECTOR_KEY, candidate: { content: sectorPolicy(['K', 'F']) }, baseline: 'active', population: { upload: up.body.id }, asOf: '2025-06-30' });
    expect(sim.results.summary).toMatchObject({ records: 4, evaluated: 3, skipped: 1, changed: 1, exposure: 7000, changedExposure: 2000 });
    const changes = (await analyst.get(`/api/v1/simulations/${sim.id}/changes`)).body.items;
    expect(changes).toEqual([expect.objectContaining({ recordId: 'row-2', ref: 'cli_test0000000000000002', dims: { industry: 'F', region: '310000', size: 'medium' }, asOf: '2025-06-30' })]);
    const csv = await analyst.post('/api/v1/simulations/uploads?kind=clients', 'name\nx\n', { 'content-type': 'text/csv' });
    expect([csv.status, csv.body.code]).toEqual([415, 'unsupported_media_type']);
  });

  it('the stored portfolio, filtered with the client register\'s filters, exposure and tier from the register', async () => {
    const records = [client(11, 'K', 1000), client(12, 'F', 2000), client(13, 'F', 3000), client(14, 'C', 5000)];
    for (const r of records) await srv.composition.stores.clients.create(r, []);
    const all = await run({ ruleSetKey: SECTOR_KEY, candidate: { content: sectorPolicy(['K', 'F']) }, baseline: 'active', population: { portfolio: {} }, asOf: '2025-06-30' });
    expect(all.progress.total).toBe(4);
    expect(all.results.summary).toMatchObject({ records: 4, changed: 2, exposure: 11000, changedExposure: 5000 });
    expect(all.results.breakdowns.tier).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: 'A', records: 2, changed: 1 }), expect.objectContaining({ value: 'B', records: 2, changed: 1 })]),
    );
    const f = await run({ ruleSetKey: SECTOR_KEY, candidate: { content: sectorPolicy(['K', 'F']) }, baseline: 'active', population: { portfolio: { filter: { industrySection: 'F' } } } });
    expect(f.results.summary).toMatchObject({ records: 2, changed: 2 });
    const bad = await analyst.post('/api/v1/simulations', { ruleSetKey: SECTOR_KEY, candidate: { version: 1 }, baseline: 'active', population: { portfolio: { filter: { colour: 'red' } } } });
    expect(bad.status).toBe(422);
  });

  it('past decisions replayed: their own facts and dates, nothing written to the log', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const items = [0.65, 0.3, 0.8, 0.68].map((d, i) => ({ facts: { debtToAsset: d, exposure: 1000 * (i + 1) } }));
    const made = await analyst.post(`/api/v1/decisions/${KEY}/batch`, { items });
    expect(made.status).toBe(200);
    const logged = (await srv.composition.stores.decisions.list({ ruleSet: KEY, limit: 500 })).items.length;
    const to = new Date(Date.now() + 60_000).toISOString();
    const sim = await run({ ruleSetKey: KEY, candidate: { content: simPolicy(KEY, 0.6) }, baseline: 'active', population: { replay: { from, to } } });
    expect(sim.budget.records).toBeNull(); // the log cannot count cheaply: checked against the budget as it runs
    expect(sim.results.summary).toMatchObject({ records: 4, changed: 2, exposure: 10000, changedExposure: 5000 });
    const changes = (await analyst.get(`/api/v1/simulations/${sim.id}/changes`)).body.items;
    expect(changes.map((c: any) => c.recordId)).toEqual(expect.arrayContaining([expect.stringMatching(/^dec_/)]));
    expect((await srv.composition.stores.decisions.list({ ruleSet: KEY, limit: 500 })).items.length).toBe(logged);
  });
});
