import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportJob } from '../../server/src/modules/clients/import-job';
import { prepareLine } from '../../server/src/modules/clients/prepared';
import { actorRef } from '../../server/src/shared/actor';
import { newId } from '../../server/src/shared/ids';
import { finished, jsonl, profiles, upload } from '../api/clients-support';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * What a process killed during an import leaves behind, and what the next start makes of it. The state at the kill
 * is built exactly as the import service leaves it (job row, spool file, rows already written), so both windows are
 * covered every run; test/faults/long-jobs-crash.test.ts kills a real process at whatever moment it reaches.
 */
describe('faults: an import left unfinished by a stopped process', () => {
  let dataDir: string;
  let srv: TestServer | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'covenant-import-recovery-'));
  });
  afterEach(async () => {
    await srv?.close();
    srv = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const unfinished = (over: Partial<ImportJob>, by: ImportJob['createdBy']): ImportJob => ({
    id: newId('imp'), mode: 'all-or-nothing', format: 'jsonl', status: 'committing', createdAt: new Date().toISOString(), createdBy: by, finishedAt: null,
    processed: 0, total: null, valid: 0, committed: 0, created: 0, updated: 0, badRows: 0, errorCount: 0, errors: [], errorsTruncated: false, message: null, ...over,
  });
  const present = async (c: ApiClient, usccs: string[]) => {
    let n = 0;
    for (const u of usccs) if (((await c.get(`/api/v1/clients?q=${u}&limit=2`)).body.items as unknown[]).length) n++;
    return n;
  };

  it('all-or-nothing stopped while writing: the next start writes the rest from the spool, so every row is there', async () => {
    const rows = profiles(120, 5151);
    srv = await startTestServer({ dataDir });
    const analyst = await ApiClient.signedIn(srv.url, 'analyst');
    const before = await srv.composition.stores.clients.count({});
    // The first 40 rows were written before the kill (one batch), the job saying so.
    const first = await finished(analyst, (await upload(analyst, jsonl(rows.slice(0, 40)), 'mode=all-or-nothing')).body.id);
    expect(first.status).toBe('completed');
    const who = first.createdBy;
    const job = unfinished({ processed: 120, total: 120, valid: 120, committed: 40, created: 40 }, who);
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    const spool = join(dataDir, 'imports', `${job.id}.jsonl`);
    writeFileSync(spool, rows.map((p) => prepareLine(p) + '\n').join(''));
    await srv.composition.stores.clients.saveImport(job);
    await srv.close();

    srv = await startTestServer({ dataDir });
    const again = await ApiClient.signedIn(srv.url, 'analyst');
    const done = await finished(again, job.id);
    expect(done).toMatchObject({ status: 'completed', committed: 120, created: 120, total: 120 });
    expect(done.message).toMatch(/after a restart/);
    expect(await srv.composition.stores.clients.count({})).toBe(before + 120);
    const domestic = rows.flatMap((r) => (r.uscc ? [r.uscc] : []));
    expect(await present(again, domestic)).toBe(domestic.length);
    expect(existsSync(spool)).toBe(false);
    // The rows written after the restart are on the audit trail under the import and the person who sent it.
    const audit = (await srv.composition.stores.audit.list({ entityType: 'client', limit: 500 })).items.filter((e) => (e.after as { importId?: string } | undefined)?.importId === job.id);
    expect(audit).toHaveLength(80);
    expect(audit.every((e) => e.actor.id === who.id)).toBe(true);
  }, 60_000);

  it('stopped while reading the file: the job fails saying so, its spool is removed and nothing is written', async () => {
    const rows = profiles(30, 5252);
    srv = await startTestServer({ dataDir });
    const before = await srv.composition.stores.clients.count({});
    const by = actorRef({ kind: 'user', id: 'usr_x', name: 'analyst', roles: [], permissions: new Set() });
    const job = unfinished({ status: 'receiving', processed: 20, valid: 20 }, by);
    mkdirSync(join(dataDir, 'imports'), { recursive: true });
    const spool = join(dataDir, 'imports', `${job.id}.jsonl`);
    writeFileSync(spool, rows.slice(0, 20).map((p) => prepareLine(p) + '\n').join(''));
    // A skip-bad-rows import that had written one batch when the process stopped.
    const partial = unfinished({ mode: 'skip-bad-rows', status: 'receiving', processed: 10, valid: 10, committed: 10, created: 10 }, by);
    await srv.composition.stores.clients.saveImport(job);
    await srv.composition.stores.clients.saveImport(partial);
    await srv.close();

    srv = await startTestServer({ dataDir });
    const viewer = await ApiClient.signedIn(srv.url, 'approver');
    const failed = (await viewer.get(`/api/v1/clients/imports/${job.id}`)).body;
    expect(failed).toMatchObject({ status: 'failed', committed: 0 });
    expect(failed.message).toMatch(/stopped while this import was reading the file: none of its rows had been written/);
    expect(failed.finishedAt).toEqual(expect.any(String));
    expect(existsSync(spool)).toBe(false);
    expect(await srv.composition.stores.clients.count({})).toBe(before);
    expect((await viewer.get(`/api/v1/clients/imports/${partial.id}`)).body.message).toMatch(/10 of its rows had been written\. Send the file again/);
    expect(await srv.composition.stores.clients.unfinishedImports()).toEqual([]);
  }, 60_000);
});
