import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { csv, expectSchema, finished, jsonl, profiles, upload, USCC } from './clients-support';

let srv: TestServer;
let analyst: ApiClient;
let viewer: ApiClient;
beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
  analyst = await ApiClient.signedIn(srv.url, 'analyst');
  viewer = await ApiClient.signedIn(srv.url, 'approver');
});
afterAll(() => srv.close());

const count = () => srv.composition.stores.clients.count({});
/** Audit events of client actions (monitoring's own events, if it runs, are not counted). */
const auditCount = async () => (await srv.composition.stores.audit.list({ entityType: 'client', limit: 500 })).items.filter((e) => e.action !== 'client.segments-changed').length;

describe('client import', () => {
  it('all-or-nothing: one bad row and nothing is written; the report names its row and field', async () => {
    const rows: unknown[] = profiles(4, 201);
    rows[2] = { ...(rows[2] as object), uscc: USCC.badCheck };
    rows.push('{"name": "broken');
    const [before, audit] = [await count(), await auditCount()];
    const r = await upload(analyst, jsonl(rows), 'mode=all-or-nothing&format=jsonl');
    expect(r.status).toBe(202);
    expectSchema('client-import-job', r.body);
    expect(r.headers.get('location')).toBe(`/api/v1/clients/imports/${r.body.id}`);
    const job = await finished(viewer, r.body.id);
    expect(job).toMatchObject({ status: 'failed', processed: 5, total: 5, valid: 3, committed: 0, badRows: 2 });
    expect(job.errors).toEqual([
      expect.objectContaining({ row: 3, pointer: '/uscc', code: 'uscc_check_character' }),
      expect.objectContaining({ row: 5, pointer: '', code: 'malformed_json' }),
    ]);
    expect(job.message).toMatch(/nothing was imported/);
    expect([await count(), await auditCount()]).toEqual([before, audit]);
  });

  it('skip-bad-rows: imports the good rows, reports the bad ones, and serves the report as CSV', async () => {
    const rows = profiles(5, 202);
    const bad = { ...rows[3], employees: 'many' as unknown as number };
    const before = await count();
    const r = await upload(analyst, jsonl([rows[0], rows[1], rows[2], bad, rows[4]]), 'mode=skip-bad-rows');
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: 'completed', processed: 5, total: 5, committed: 4, created: 4, updated: 0, badRows: 1 });
    expect(r.body.errors).toEqual([{ row: 4, pointer: '/employees', code: 'type', message: 'must be an integer; it was the string "many"' }]);
    expect(await count()).toBe(before + 4);
    const found = await viewer.get(`/api/v1/clients?q=${rows[0].uscc}`);
    expect(found.body.items).toHaveLength(1);
    expect((await viewer.get(`/api/v1/clients?q=${rows[3].uscc}`)).body.items).toHaveLength(0);

    const report = await viewer.get(`/api/v1/clients/imports/${r.body.id}/errors.csv`);
    expect(report.status).toBe(200);
    expect(report.contentType).toContain('text/csv');
    expect(report.headers.get('content-disposition')).toContain(`${r.body.id}-errors.csv`);
    // (fetch's text() drops the byte-order mark the server puts first for spreadsheet programs.)
    expect(report.body.replace(/^\ufeff/, '')).toBe('row,field,code,message\r\n4,/employees,type,"must be an integer; it was the string ""many"""\r\n');
  });

  it('upserts by USCC: importing a client again updates it in place under the same id', async () => {
    const rows = profiles(3, 203);
    const first = await upload(analyst, jsonl(rows), 'mode=all-or-nothing');
    expect((await finished(viewer, first.body.id)).committed).toBe(3);
    const stored = (await viewer.get(`/api/v1/clients?q=${rows[1].uscc}`)).body.items[0];
    const again = await upload(analyst, jsonl([{ ...rows[1], name: '重新导入有限公司' }]), 'mode=all-or-nothing');
    const job = await finished(viewer, again.body.id);
    expect(job).toMatchObject({ status: 'completed', created: 0, updated: 1 });
    const now = (await viewer.get(`/api/v1/clients/${stored.id}`)).body;
    expect(now).toMatchObject({ id: stored.id, revision: 2, profile: { name: '重新导入有限公司' } });
    const actions = (await srv.composition.stores.audit.list({ entity: stored.id })).items.map((e) => e.action).filter((a) => a === 'client.imported' || a === 'client.reimported');
    expect(actions).toEqual(['client.reimported', 'client.imported']);
  });

  it('checks a larger file in a worker thread, reporting rows in file order', async () => {
    // More than one group of 256 rows: the first is checked in this thread, the rest by the workers.
    const rows: unknown[] = profiles(600, 207);
    rows[99] = { ...(rows[99] as object), uscc: USCC.badCharacter };
    rows[550] = { ...(rows[550] as object), industry: { section: 'Z' } };
    const before = await count();
    const r = await upload(analyst, jsonl(rows), 'mode=skip-bad-rows');
    expect(r.body).toMatchObject({ status: 'completed', processed: 600, committed: 598, badRows: 2 });
    expect(r.body.errors.map((e: { row: number; pointer: string }) => `${e.row} ${e.pointer}`)).toEqual(['100 /uscc', '551 /industry/section']);
    expect(await count()).toBe(before + 598);
  }, 120_000);

  it('refuses the same USCC twice in one file, naming the first row', async () => {
    const [a, b] = profiles(2, 204);
    const r = await upload(analyst, jsonl([a, b, { ...b, name: '重复' }]), 'mode=skip-bad-rows');
    expect(r.body).toMatchObject({ committed: 2, badRows: 1 });
    expect(r.body.errors[0]).toMatchObject({ row: 3, pointer: '/uscc', code: 'duplicate_in_file' });
    expect(r.body.errors[0].message).toContain('row 2');
  });

  it('imports CSV: flat identity columns and JSON columns, with a bad cell reported at its field', async () => {
    const rows = profiles(3, 205);
    const text = csv(rows).replace(/\r\n$/, '') + '\r\n' + csv([{ ...rows[0], uscc: USCC.short }]).split('\r\n')[1] + '\r\n';
    const r = await upload(analyst, text, 'mode=skip-bad-rows&format=csv', 'text/csv');
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ status: 'completed', format: 'csv', processed: 4, committed: 3, badRows: 1 });
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 5, pointer: '/uscc', code: 'uscc_length' })]);
    const stored = (await viewer.get(`/api/v1/clients?q=${rows[2].uscc}`)).body.items[0];
    expect((await viewer.get(`/api/v1/clients/${stored.id}`)).body.profile).toEqual(rows[2]);
  });

  it('fails a CSV file with an unknown column at its header, writing nothing', async () => {
    const before = await count();
    const r = await upload(analyst, 'uscc,name,colour\r\n91350100M000100Y43,x,blue\r\n', 'mode=skip-bad-rows&format=csv', 'text/csv');
    expect(r.body).toMatchObject({ status: 'failed', committed: 0 });
    expect(r.body.errors).toEqual([expect.objectContaining({ row: 1, pointer: '/colour', code: 'unknown_column' })]);
    expect(await count()).toBe(before);
  });

  it('refuses a JSON body (it would have been buffered) and unknown options', async () => {
    const json = await analyst.post('/api/v1/clients/import', [{ name: 'x' }]);
    expect(json.status).toBe(415);
    const mode = await upload(analyst, '', 'mode=sometimes');
    expect(mode.status).toBe(422);
    expect(mode.body.errors[0].pointer).toBe('/mode');
    expect((await viewer.get('/api/v1/clients/imports/imp_nobody')).status).toBe(404);
    expect((await upload(viewer, jsonl(profiles(1, 206)), 'mode=skip-bad-rows')).status).toBe(403);
  });
});
