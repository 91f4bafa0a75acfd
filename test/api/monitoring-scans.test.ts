import { ApiClient } from '../support/http-client';
import { createClient, startMonitoringServer, waitFor, type MonitoringServer } from './monitoring-support';

/** Scans over real HTTP on SQLite: on demand with progress, counts, listing, and resuming after a restart. */
const scanOf = (c: ApiClient, id: string) => async () => (await c.get(`/api/v1/monitoring/scans/${id}`)).body;

describe('an on-demand scan', () => {
  let srv: MonitoringServer;
  let analyst: ApiClient;
  const ids: string[] = [];

  beforeAll(async () => {
    // One scan worker (the scan path of production), small batches and a pause per batch to watch progress.
    srv = await startMonitoringServer({ monitoring: { workers: 1, batchSize: 3, throttleMs: 150 } });
    analyst = await ApiClient.signedIn(srv.url, 'analyst');
    for (let i = 0; i < 7; i++) ids.push((await createClient(analyst, i < 2 ? { events: [{ type: 'key_person_missing', date: new Date().toISOString().slice(0, 10) }] } : {})).id);
    await srv.composition.services.changeMonitor.idle();
  }, 60_000);
  afterAll(() => srv.close());

  it('answers 202 with the scan, reports progress while it runs and counts when it is done', async () => {
    const r = await analyst.post('/api/v1/monitoring/scans', { scope: 'portfolio' });
    expect(r.status).toBe(202);
    expect(r.body.id).toMatch(/^scn_/);
    expect(r.headers.get('location')).toBe(`/api/v1/monitoring/scans/${r.body.id}`);
    expect(r.body).toMatchObject({ status: 'queued', trigger: 'manual', requestedBy: { name: 'analyst' }, batchSize: 3 });
    expect(r.body.ruleSets.map((x: { key: string }) => x.key)).toEqual(['client-tier', 'early-warning', 'five-category']);

    const again = await analyst.post('/api/v1/monitoring/scans', { scope: 'portfolio' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'scan_running', id: r.body.id });

    const midway = await waitFor(scanOf(analyst, r.body.id), (s) => s.status === 'running' && s.progress.processed > 0 && s.progress.processed < 7, 'a scan in progress');
    expect(midway.progress).toMatchObject({ total: 7 });
    expect(midway.progress.ratePerSecond).toBeGreaterThan(0);
    expect(midway.progress.etaSeconds).toBeGreaterThanOrEqual(0);
    expect(midway.checkpoint).toBe(ids[midway.progress.processed - 1]);

    const done = await waitFor(scanOf(analyst, r.body.id), (s) => s.status === 'completed', 'the scan to complete', 30_000);
    expect(done.progress).toMatchObject({ processed: 7, total: 7, etaSeconds: 0 });
    expect(done.counts).toMatchObject({
      clients: 7,
      signals: { red: 2, orange: 0, yellow: 0, blue: 0 },
      clientsWithSignals: 2,
      // The two N01 alerts were opened by the clients' own changes; the scan saw them still firing.
      alerts: { opened: 0, escalated: 0, stillOpen: 2, stoppedFiring: 0 },
      segmentsChanged: 0,
      skipped: 0,
    });
    expect(done.durationMs).toBeGreaterThan(0);
    expect(done.finishedAt).not.toBeNull();

    const list = (await analyst.get('/api/v1/monitoring/scans')).body;
    expect(list.items[0]).toMatchObject({ id: r.body.id, status: 'completed' });
    expect((await analyst.get('/api/v1/monitoring/scans?status=running')).body.items).toEqual([]);
  });

  it('needs monitoring:run to start, alerts:read to read, and a stated scope', async () => {
    const admin = await ApiClient.signedIn(srv.url, 'admin');
    await admin.post('/api/v1/admin/users', { username: 'viewer2', roles: ['viewer'], password: 'Viewer-pass-2026' });
    const viewer = await ApiClient.signedIn(srv.url, 'viewer2', 'Viewer-pass-2026');
    expect((await viewer.post('/api/v1/monitoring/scans', { scope: 'portfolio' })).body.code).toBe('missing_permission');
    expect((await viewer.get('/api/v1/monitoring/scans')).status).toBe(200);
    const noScope = await analyst.post('/api/v1/monitoring/scans', {});
    expect(noScope.status).toBe(422);
    expect(noScope.body.errors[0]).toMatchObject({ pointer: '/scope', message: 'is required' });
    expect((await analyst.get('/api/v1/monitoring/scans/scn_missing')).status).toBe(404);
    expect((await analyst.post('/api/v1/monitoring/scans/scn_missing/resume')).status).toBe(404);
  });

  it('segments and warns clients nobody changed since the rules did: a scan classifies a book loaded without monitoring', async () => {
    // Clients written straight to the store (as a restore or a bulk load would) have no segments until a scan.
    const store = srv.composition.stores.clients;
    const plain = await store.get(ids[2]);
    await store.setSegments(ids[2], { values: { tier: null, tags: null, class5: null, ifrs9Stage: null, riskLevel: null }, at: new Date().toISOString(), by: { kind: 'system', id: 'test', name: 'test' }, change: null }, []);
    expect(plain?.segments.class5).toBe('正常');
    const r = await analyst.post('/api/v1/monitoring/scans', { scope: 'portfolio' });
    const done = await waitFor(scanOf(analyst, r.body.id), (s) => s.status === 'completed', 'the scan to complete', 30_000);
    expect(done.counts.segmentsChanged).toBe(1);
    const history = (await analyst.get(`/api/v1/clients/${ids[2]}/segment-history`)).body.items;
    expect(history[0]).toMatchObject({ trigger: { kind: 'scan', scanId: r.body.id }, after: { class5: '正常', tier: 'T4' } });
  });
});

describe('an interrupted scan', () => {
  it('is marked interrupted by a restart and resumes from its checkpoint with the versions it started with', async () => {
    let srv = await startMonitoringServer({ monitoring: { batchSize: 2, throttleMs: 400 } });
    const dataDir = srv.dataDir;
    let analyst = await ApiClient.signedIn(srv.url, 'analyst');
    for (let i = 0; i < 7; i++) await createClient(analyst);
    await srv.composition.services.changeMonitor.idle();
    const r = await analyst.post('/api/v1/monitoring/scans', { scope: 'portfolio' });
    await waitFor(scanOf(analyst, r.body.id), (s) => s.progress.processed >= 2, 'the first batch');
    await srv.close({ keepData: true });

    srv = await startMonitoringServer({ dataDir, monitoring: { batchSize: 2 } });
    try {
      analyst = await ApiClient.signedIn(srv.url, 'analyst');
      const stopped = await scanOf(analyst, r.body.id)();
      expect(stopped).toMatchObject({ status: 'interrupted', error: { code: 'interrupted' }, attempts: 1 });
      expect(stopped.checkpoint).not.toBeNull();
      expect(stopped.progress.processed).toBeLessThan(7);

      const resumed = await analyst.post(`/api/v1/monitoring/scans/${r.body.id}/resume`);
      expect(resumed.status).toBe(202);
      expect(resumed.body).toMatchObject({ status: 'queued', attempts: 2, checkpoint: stopped.checkpoint });
      const done = await waitFor(scanOf(analyst, r.body.id), (s) => s.status === 'completed', 'the resumed scan', 30_000);
      expect(done.progress).toMatchObject({ processed: 7, total: 7 });
      expect(done.counts.clients).toBe(7);
      expect(done.ruleSets).toEqual(stopped.ruleSets);
      expect((await analyst.post(`/api/v1/monitoring/scans/${r.body.id}/resume`)).body.code).toBe('scan_not_interrupted');

      // A process that died without closing: its running scan is marked interrupted at the next start.
      await srv.composition.stores.scans.update(r.body.id, { status: 'running' }, ['completed']);
      await srv.close({ keepData: true });
      srv = await startMonitoringServer({ dataDir });
      analyst = await ApiClient.signedIn(srv.url, 'analyst');
      expect((await scanOf(analyst, r.body.id)()).status).toBe('interrupted');
    } finally {
      await srv.close();
    }
  }, 60_000);
});
