import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose } from '../../server/src/composition-root';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { openSqliteStores } from '../../server/src/storage/sqlite/sqlite-stores';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { activePolicy, populationCsv, simPolicy, testSimulationConfig, upload, waitForStatus } from './simulations-support';

/** Runs slowed down (a pause before each of ten batches) so that tests can act while one is in progress. */
let srv: TestServer;
let analyst: ApiClient;
let approver: ApiClient;
let uploadId: string;
const KEY = 'sim-runs-policy';

beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true, config: testSimulationConfig({ throttleMs: 150, budget: 30_000, workers: 1 }) });
  [analyst, approver] = await Promise.all(['analyst', 'approver'].map((u) => ApiClient.signedIn(srv.url, u)));
  await activePolicy(analyst, approver, simPolicy(KEY, 0.7));
  uploadId = (await upload(analyst, populationCsv(5000))).id;
}, 60_000);
afterAll(() => srv.close());

const start = (population: unknown = { upload: uploadId }) =>
  analyst.post('/api/v1/simulations', { ruleSetKey: KEY, candidate: { content: simPolicy(KEY, 0.6) }, baseline: 'active', population });

async function whenRunning(id: string) {
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    const s = (await analyst.get(`/api/v1/simulations/${id}`)).body;
    if (s.status === 'running' && s.progress.processed > 0) return s;
    if (!['queued', 'running'].includes(s.status)) throw new Error(`simulation ended as ${s.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('simulation never ran');
}

describe('simulation runs: progress, cancellation, failures, the budget', () => {
  it('streams progress as server-sent events, then one end event, then closes', async () => {
    const { body } = await start();
    const r = await analyst.get(`/api/v1/simulations/${body.id}/events`);
    expect(r.status).toBe(200);
    expect(r.contentType).toContain('text/event-stream');
    const events = (r.body as string)
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]) }));
    const progress = events.filter((e) => e.event === 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.some((e) => e.data.progress.processed > 0 && e.data.progress.processed < 5000)).toBe(true);
    expect(progress.at(-1)!.data.progress).toMatchObject({ total: 5000, skipped: 0 });
    expect(progress.at(-1)!.data.progress.rate).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ event: 'end', data: { id: body.id, status: 'completed', progress: { processed: 5000, changed: 500 } } });
    expect(events.filter((e) => e.event === 'end')).toHaveLength(1);
    // A finished run answers with its end event at once.
    const again = await analyst.get(`/api/v1/simulations/${body.id}/events`);
    expect(again.body).toContain('event: end');
  });

  it('cancels a running simulation: status cancelled, workers gone, no changed records kept', async () => {
    const { body } = await start();
    await whenRunning(body.id);
    const r = await analyst.delete(`/api/v1/simulations/${body.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'cancelled', error: { code: 'cancelled', message: 'cancelled by analyst' } });
    expect(srv.composition.services.simulationRunner.workersOf(body.id)).toEqual([]);
    const after = (await analyst.get(`/api/v1/simulations/${body.id}`)).body;
    expect(after.status).toBe('cancelled');
    expect(after.progress.processed).toBeLessThan(5000);
    expect((await analyst.get(`/api/v1/simulations/${body.id}/changes`)).body.items).toEqual([]);
    const again = await analyst.delete(`/api/v1/simulations/${body.id}`);
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
    const audit = await srv.composition.stores.audit.list({ entity: body.id });
    expect(audit.items.map((e) => e.action).sort()).toEqual(['simulation.cancelled', 'simulation.started']);
  });

  it('marks a run failed when a worker dies, never leaving it running', async () => {
    const { body } = await start();
    await whenRunning(body.id);
    const workers = srv.composition.services.simulationRunner.workersOf(body.id);
    expect(workers.length).toBeGreaterThan(0);
    await workers[0].terminate();
    const done = await waitForStatus(analyst, body.id, ['completed', 'failed', 'cancelled']);
    expect(done.status).toBe('failed');
    expect(done.error).toEqual({ code: 'run_failed', message: 'a simulation worker stopped unexpectedly (exit code 1)' });
    expect(done.results).toBeNull();
    expect(done.finishedAt).not.toBeNull();
  });

  it('refuses a population over the budget, naming records × rules against the budget', async () => {
    const big = await upload(analyst, populationCsv(8000));
    const r = await start({ upload: big.id });
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ code: 'simulation_too_large', records: 8000, rules: 4, evaluations: 32000, budget: 30000 });
    expect(r.body.detail).toBe(
      'This simulation needs 8,000 records × 4 rules = 32,000 rule evaluations, over the budget of 30,000 (COVENANT_SIMULATION_BUDGET). Narrow the population or raise the budget.',
    );
  });

  it('answers 404 for unknown runs and uploads, and 415 for an unlabelled upload', async () => {
    expect((await analyst.get('/api/v1/simulations/sim_unknown')).status).toBe(404);
    expect((await analyst.get('/api/v1/simulations/sim_unknown/events')).status).toBe(404);
    const r = await start({ upload: 'upl_000000000000000000aa' });
    expect(r.status).toBe(404);
    const raw = await analyst.post('/api/v1/simulations/uploads', 'a,b\n1,2\n', { 'content-type': 'text/plain' });
    expect([raw.status, raw.body.code]).toEqual([415, 'unsupported_media_type']);
  });
});

describe('restart', () => {
  it('marks runs found running at start-up as failed, interrupted by restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'covenant-sim-restart-'));
    try {
      const stores = openSqliteStores(join(dataDir, 'covenant.db'));
      const at = '2025-01-01T00:00:00.000Z';
      const doc = simPolicy('restart-policy', 0.7) as any;
      await stores.simulations.insert(
        {
          id: 'sim_restart0000000000000', ruleSetKey: 'restart-policy', status: 'running',
          candidate: { version: null, contentHash: 'sha256:c', rules: 2 }, baseline: { version: 1, contentHash: 'sha256:b', rules: 2 },
          population: { upload: 'upl_x' }, asOf: null, exposureField: null,
          budget: { records: 10, rulesPerRecord: 4, evaluations: 40, budget: 100 },
          progress: { processed: 4, total: 10, skipped: 0, changed: 1, rate: 2, etaSeconds: 3, updatedAt: at },
          createdBy: { kind: 'user', id: 'usr_a', name: 'a' }, createdAt: at, startedAt: at, finishedAt: null, heartbeatAt: new Date().toISOString(),
          error: null, results: null, documents: { baseline: doc, candidate: doc },
        },
        [],
      );
      await stores.close();
      const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: dataDir, COVENANT_STORE: 'sqlite', LOG_LEVEL: 'silent', COVENANT_ADMIN_PASSWORD: 'restart-test-pass-1' }, { seedDemo: false });
      const c = await compose(config, createLogger('silent'));
      const sim = await c.services.simulations.get('sim_restart0000000000000');
      expect(sim).toMatchObject({ status: 'failed', error: { code: 'interrupted', message: 'interrupted by restart' } });
      expect(sim.finishedAt).not.toBeNull();
      await c.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
