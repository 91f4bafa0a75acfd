import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { activePolicy, populationCsv, simPolicy, testSimulationConfig, upload, waitForStatus } from './simulations-support';

let srv: TestServer;
let analyst: ApiClient;
let approver: ApiClient;
const KEY = 'sim-policy';

beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, config: testSimulationConfig() });
  [analyst, approver] = await Promise.all(['analyst', 'approver'].map((u) => ApiClient.signedIn(srv.url, u)));
  await activePolicy(analyst, approver, simPolicy(KEY, 0.7));
}, 60_000);
afterAll(() => srv.close());

const cellOf = (out: any, b: unknown, c: unknown) => out.cells.find((x: any) => x.baseline === b && x.candidate === c);

describe('simulations over HTTP (SQLite)', () => {
  let uploaded: any;
  let sim: any;

  it('uploads a CSV population, counting and reporting a bad row without refusing the file', async () => {
    uploaded = await upload(analyst, populationCsv(2000, 7), `?ruleSetKey=${KEY}&fileName=book.csv`);
    expect(uploaded).toMatchObject({ kind: 'facts', format: 'csv', rows: 2001, badRows: 1, columns: ['id', 'debtToAsset', 'maxDpd', 'exposure', 'industry'], exposureField: 'exposure', fileName: 'book.csv' });
    expect(uploaded.id).toMatch(/^upl_/);
    expect(uploaded.sampleErrors).toEqual([{ row: 8, line: 9, reason: 'debtToAsset must be a number; it was "abc"' }]);
    expect(uploaded.path).toBeUndefined();
  });

  it('runs a changed policy against the active one and counts every difference exactly', async () => {
    const decisionsBefore = (await srv.composition.stores.decisions.list({ limit: 500 })).items.length;
    const started = await analyst.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { content: simPolicy(KEY, 0.6) }, baseline: 'active', population: { upload: uploaded.id }, asOf: '2025-06-30' });
    expect(started.status).toBe(202);
    expect(started.body.id).toMatch(/^sim_/);
    expect(started.body.budget).toMatchObject({ records: 2001, rulesPerRecord: 4, evaluations: 8004 });
    sim = await waitForStatus(analyst, started.body.id, ['completed', 'failed']);
    expect(sim.error).toBeNull();
    expect(sim.status).toBe('completed');
    expect(sim.progress).toMatchObject({ processed: 2001, total: 2001, skipped: 1, changed: 200 });
    expect(sim.candidate.contentHash).toMatch(/^sha256:/);
    expect(sim.candidate.version).toBeNull();
    expect(sim.baseline).toMatchObject({ version: 1, rules: 2 });

    const r = sim.results;
    expect(r.summary).toMatchObject({ records: 2001, evaluated: 2000, skipped: 1, changed: 200, exposure: 11_000_000, changedExposure: 1_100_000 });
    expect(r.summary.approvalRate).toEqual({ baseline: 0.69, candidate: 0.59 });
    expect(r.summary.averageSpread).toEqual({ output: 'spreadBps', baseline: 14.5, candidate: 19.5 });
    expect(r.skippedSamples).toEqual([{ recordId: 'row-8', reason: 'debtToAsset must be a number; it was "abc"' }]);

    const decision = r.outputs.find((o: any) => o.output === 'decision');
    expect(decision.values).toEqual(['decline', 'refer', 'approve']);
    expect(decision.cells).toEqual([
      { baseline: 'decline', candidate: 'decline', count: 40, exposure: 40_000 },
      { baseline: 'refer', candidate: 'refer', count: 580, exposure: 3_280_000 },
      { baseline: 'approve', candidate: 'refer', count: 200, exposure: 1_100_000 },
      { baseline: 'approve', candidate: 'approve', count: 1180, exposure: 6_580_000 },
    ]);
    expect(decision.changed).toEqual({ count: 200, exposure: 1_100_000 });
    expect(decision.worse).toEqual({ count: 200, exposure: 1_100_000 });
    expect(decision.better).toEqual({ count: 0, exposure: 0 });
    expect(cellOf(decision, 'approve', 'refer').count).toBe(200);

    const spread = r.outputs.find((o: any) => o.output === 'spreadBps');
    expect(spread).toMatchObject({ kind: 'numeric', increased: { count: 200 }, decreased: { count: 0 }, unchanged: { count: 1800 } });
    const reasons = r.outputs.find((o: any) => o.output === 'reasons');
    expect(reasons).toMatchObject({ kind: 'set', changed: { count: 200 }, removed: [] });
    expect(reasons.added).toEqual([{ item: { code: 'LEV', zh: '资产负债率高', en: 'High leverage' }, count: 200, exposure: 1_100_000 }]);

    expect(r.rules).toEqual([{ rule: 'leverage-above-line', baseline: 580, candidate: 780, delta: 200, in: 'both' }]);
    const industries = r.breakdowns.industry;
    expect(industries.map((x: any) => x.value).sort()).toEqual(['C', 'F', 'K']);
    expect(industries.reduce((a: number, x: any) => a + x.changed, 0)).toBe(200);
    expect(industries[0].transitions).toEqual([{ from: 'approve', to: 'refer', count: industries[0].changed }]);
    expect(r.changes).toEqual({ total: 200, stored: 200, truncated: false });
    expect((await srv.composition.stores.decisions.list({ limit: 500 })).items.length).toBe(decisionsBefore);
  });

  it('lists the changed records in population order, paged, and drills into one with traces of both versions', async () => {
    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await analyst.get(`/api/v1/simulations/${sim.id}/changes?limit=64${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(200);
    expect(seen.map((c) => c.seq)).toEqual([...seen.map((c) => c.seq)].sort((a, b) => a - b));
    const first = seen[0];
    // Data row i is file row i + 1, shifted by one after the bad row 8: c61 (debtToAsset 0.61) is row 63.
    expect(first).toMatchObject({
      recordId: 'row-63', ref: 'c61', exposure: 2000, dims: { industry: 'F' }, changedOutputs: ['decision', 'spreadBps', 'reasons'],
      baseline: { outputs: { decision: 'approve', spreadBps: 0 } }, candidate: { outputs: { decision: 'refer', spreadBps: 50 } },
      firedOnlyInBaseline: [], firedOnlyInCandidate: ['leverage-above-line'],
    });
    expect(first.facts).toMatchObject({ debtToAsset: 0.61, maxDpd: 0, exposure: 2000 });

    const drill = await analyst.get(`/api/v1/simulations/${sim.id}/changes/row-63`);
    expect(drill.status).toBe(200);
    expect(drill.body.baseline).toMatchObject({ version: 1, outputs: { decision: 'approve' } });
    expect(drill.body.candidate).toMatchObject({ version: null, outputs: { decision: 'refer' } });
    const leaf = (side: any) => side.trace.find((t: any) => t.name === 'leverage-above-line').conditions.conditions[0];
    expect(leaf(drill.body.baseline)).toMatchObject({ fact: 'debtToAsset', factValue: 0.61, value: 0.7, result: false });
    expect(leaf(drill.body.candidate)).toMatchObject({ fact: 'debtToAsset', factValue: 0.61, value: 0.6, result: true });
    expect((await analyst.get(`/api/v1/simulations/${sim.id}/changes/row-1`)).status).toBe(404);
  });

  it('lists runs newest first', async () => {
    const list = await analyst.get(`/api/v1/simulations?ruleSetKey=${KEY}`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toMatchObject({ id: sim.id, status: 'completed' });
    expect(list.body.items[0].documents).toBeUndefined();
    expect(list.body.items[0].results).toBeUndefined();
  });

  it('serves a version\'s latest completed simulation against the active version as approval evidence', async () => {
    const other = await analyst.post('/api/v1/rule-sets', { document: simPolicy(KEY, 0.65) });
    expect((await approver.get(`/api/v1/rule-sets/${KEY}/versions/${other.body.version}/simulation`)).status).toBe(404);
    // Evidence is by content hash: the first run simulated exactly this content (sent inline), so it already counts.
    const draft = await analyst.post('/api/v1/rule-sets', { document: simPolicy(KEY, 0.6) });
    expect(draft.status).toBe(201);
    const early = await approver.get(`/api/v1/rule-sets/${KEY}/versions/${draft.body.version}/simulation`);
    expect([early.status, early.body.id]).toEqual([200, sim.id]);
    const started = await analyst.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { version: draft.body.version }, baseline: 'active', population: { upload: uploaded.id } });
    const done = await waitForStatus(analyst, started.body.id, ['completed', 'failed']);
    expect(done.candidate).toEqual({ version: draft.body.version, contentHash: draft.body.contentHash, rules: 2 });
    // The same content as the first run's candidate: same hash, same counts.
    expect(done.candidate.contentHash).toBe(sim.candidate.contentHash);
    expect(done.results.summary.changed).toBe(200);
    const evidence = await approver.get(`/api/v1/rule-sets/${KEY}/versions/${draft.body.version}/simulation`);
    expect(evidence.status).toBe(200);
    expect(evidence.body.id).toBe(done.id);

    const service = srv.composition.services.simulations;
    await expect(service.assertApprovalEvidence(KEY, draft.body.version, done.id)).resolves.toBeUndefined();
    await expect(service.assertApprovalEvidence(KEY, 1, done.id)).rejects.toMatchObject({ status: 422, code: 'validation_failed', errors: [expect.objectContaining({ pointer: '/simulationId', code: 'simulation_mismatch' })] });
    await expect(service.assertApprovalEvidence(KEY, draft.body.version, 'sim_nope')).rejects.toMatchObject({ status: 422 });
  });

  it('refuses a candidate that fails the schema before anything runs, naming the fields', async () => {
    const before = (await analyst.get('/api/v1/simulations?limit=500')).body.items.length;
    const bad: any = simPolicy(KEY, 0.6);
    bad.rules[0].priority = 'high';
    delete bad.outputs;
    const r = await analyst.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { content: bad }, baseline: 'active', population: { upload: uploaded.id } });
    expect(r.status).toBe(422);
    expect(r.contentType).toContain('application/problem+json');
    const pointers = r.body.errors.map((e: any) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/candidate/content/outputs', '/candidate/content/rules/0/priority']));
    expect((await analyst.get('/api/v1/simulations?limit=500')).body.items.length).toBe(before);
  });

  it('refuses a candidate that does not compile, with the pointer of the bad condition', async () => {
    const bad: any = simPolicy(KEY, 0.6);
    bad.rules[0].conditions = { all: [{ condition: 'nowhere' }] };
    const r = await analyst.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { content: bad }, baseline: 'active', population: { upload: uploaded.id } });
    expect(r.status).toBe(422);
    expect(r.body.errors[0].pointer).toMatch(/^\/candidate\/content\/rules\/0\/conditions/);
  });

  it('keeps viewers to reading', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    await admin.post('/api/v1/admin/users', { username: 'simviewer', roles: ['viewer'], password: 'Viewer-pass-2026' });
    const viewer = await ApiClient.signedIn(srv.url, 'simviewer', 'Viewer-pass-2026');
    expect((await viewer.get(`/api/v1/simulations/${sim.id}`)).status).toBe(200);
    const start = await viewer.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { version: 1 }, baseline: 'active', population: { upload: uploaded.id } });
    expect([start.status, start.body.code]).toEqual([403, 'missing_permission']);
    const up = await viewer.post('/api/v1/simulations/uploads', 'a\n1\n', { 'content-type': 'text/csv' });
    expect(up.status).toBe(403);
  });
});
