import { jsonl, profiles, upload } from './clients-support';
import { MonitorWorkers } from '../../server/src/modules/monitoring/worker/monitor-workers';
import { ApiClient } from '../support/http-client';
import { startMonitoringServer, waitFor, type MonitoringServer } from './monitoring-support';

/**
 * Segmentation on change for an import's backlog, with the monitoring worker threads on (as in production): the
 * workers read the changed clients from the SQLite file themselves, so this is the path an import of thousands of
 * clients takes. Every imported client ends up classified, with a history entry naming the import.
 */
let srv: MonitoringServer;
let analyst: ApiClient;
beforeAll(async () => {
  srv = await startMonitoringServer({ monitoring: { workers: 1 } });
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
}, 60_000);
afterAll(() => srv.close());

describe('segmentation of an imported backlog in the worker threads', () => {
  it('classifies every imported client, the history naming the import', async () => {
    // The backlog must go through the workers' own reads, not the main thread's (which would classify them too).
    const readByWorkers = jest.spyOn(MonitorWorkers.prototype as unknown as { readAndEvaluate: (ids: string[], asOf: string) => unknown }, 'readAndEvaluate');
    const rows = profiles(260, 8181);
    const r = await upload(analyst, jsonl(rows), 'mode=skip-bad-rows');
    expect(r.body).toMatchObject({ status: 'completed', committed: 260 });
    await srv.composition.services.changeMonitor.idle();
    const all = await waitFor(async () => (await analyst.get('/api/v1/clients?limit=500')).body.items as { id: string; segments: { class5: string | null } }[], (items) => items.length >= 260 && items.every((c) => c.segments.class5 !== null), 'every imported client classified', 60_000);
    expect(all.filter((c) => c.segments.class5 !== null).length).toBeGreaterThanOrEqual(260);
    const history = (await analyst.get(`/api/v1/clients/${all[0].id}/segment-history`)).body.items;
    expect(history[0].trigger).toMatchObject({ kind: 'change', action: 'client.imported', importId: r.body.id });
    const idsRead = readByWorkers.mock.calls.reduce((n, call) => n + call[0].length, 0);
    expect(idsRead).toBeGreaterThanOrEqual(200);
    readByWorkers.mockRestore();
  }, 120_000);
});
