import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../server/src/cli/io';
import { runCli } from '../../server/src/cli/main';
import { repoRoot } from '../../server/src/shared/paths';
import { simplePolicy } from '../fixtures/simple-policy';
import { ApiClient } from '../support/http-client';
import { startTestServer, type TestServer } from '../support/test-server';

/** `rules import` and `rules export` against a real server, which seeds the library from rules/ on start. */
const root = repoRoot();
let srv: TestServer;
let key: string;
let dir: string;

beforeAll(async () => {
  srv = await startTestServer({ seedDemo: true });
  const admin = await ApiClient.signedIn(srv.url, 'admin');
  const created = await admin.post('/api/v1/admin/api-keys', { name: 'rules cli', scopes: ['rules:read', 'rules:write'] });
  key = created.body.secret;
  dir = mkdtempSync(join(tmpdir(), 'covenant-cli-srv-'));
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: { COVENANT_SERVER: srv.url, COVENANT_API_KEY: key }, cwd: root };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('covenant rules export / import', () => {
  it('exports the active version: the shipped file, unchanged', async () => {
    const r = await cli(['rules', 'export', 'corporate-credit-policy']);
    expect([r.code, r.err]).toEqual([0, 'Exported corporate-credit-policy version 1.']);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(join(root, 'rules/credit-policy/corporate.json'), 'utf8')));
  });

  it('imports a changed document as a new draft, and exports that version by number', async () => {
    const doc = JSON.parse(readFileSync(join(root, 'rules/segmentation/client-tier.json'), 'utf8'));
    doc.rules.find((r: { name: string }) => r.name === 'tag-long-standing').conditions.all[0].value = 6;
    doc.tests = doc.tests.filter((t: { name: string }) => !t.name.startsWith('tenure exactly 5'));
    const file = join(dir, 'tier.json');
    writeFileSync(file, JSON.stringify(doc));
    const imported = await cli(['rules', 'import', file]);
    expect([imported.code, imported.out]).toEqual([0, expect.stringMatching(/as client-tier version 2 \(draft\)\.$/)]);
    const exported = await cli(['rules', 'export', 'client-tier', '--version', '2']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out)).toEqual(doc);
    const active = await cli(['rules', 'export', 'client-tier']);
    expect(JSON.parse(active.out).rules.find((r: { name: string }) => r.name === 'tag-long-standing').conditions.all[0].value).toBe(5);
  });

  it('says when a rule set has no active version yet', async () => {
    const file = join(dir, 'new.json');
    writeFileSync(file, JSON.stringify(simplePolicy('cli-new-policy')));
    expect((await cli(['rules', 'import', file])).code).toBe(0);
    const r = await cli(['rules', 'export', 'cli-new-policy']);
    expect([r.code, r.err]).toEqual([3, "covenant: rule set 'cli-new-policy' has no active version; name one with --version N"]);
  });

  it('relays the server\'s refusal of an invalid document, field by field, with exit 3', async () => {
    const doc = simplePolicy('cli-bad-policy') as { rules: { priority: number }[] };
    doc.rules[0].priority = 0;
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(doc));
    const r = await cli(['rules', 'import', file]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^covenant: POST \/api\/v1\/rule-sets\/import answered 422/);
    expect(r.err).toContain('/rules/0/priority must be >= 1');
  });

  it('exits 3 for an unknown key and for a wrong API key', async () => {
    expect((await cli(['rules', 'export', 'no-such-key'])).err).toMatch(/answered 404/);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['rules', 'export', 'five-category', '--server', srv.url, '--api-key', 'cov_wrong_key'], { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: root });
    expect(code).toBe(3);
    expect(err.join('\n')).toMatch(/answered 401/);
  });
});
