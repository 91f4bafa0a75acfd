import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { repoRoot } from '../../server/src/shared/paths';
import { simplePolicy } from '../fixtures/simple-policy';

/** The CLI in-process: exit codes, what it prints, and the business-language diff. */
const root = repoRoot();
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'covenant-cli-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], extra: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: root, ...extra });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function write(name: string, doc: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  return p;
}

const corporate = () => JSON.parse(readFileSync(join(root, 'rules/credit-policy/corporate.json'), 'utf8'));

describe('covenant rules diff', () => {
  it('says what changed in business terms: a threshold, an add-on, a rule added, a shared condition, a default', async () => {
    const b = corporate();
    const rule = b.rules.find((r: { name: string }) => r.name === 'leverage-warning-industrial');
    rule.conditions.all[1].value = 0.75;
    rule.conditions.all[2].value = 0.8;
    rule.event.params.spreadBps = 30;
    b.rules.push({
      name: 'F02',
      description: { zh: '营业收入下滑', en: 'Revenue drop of 20 % or more' },
      priority: 200,
      conditions: { all: [{ fact: 'revenueGrowth', operator: 'lessThanInclusive', value: -0.2 }] },
      event: { type: 'refer', params: { decision: 'refer', source: 'domain.md §4.2 F02' } },
    });
    b.conditions.industrial.all[0].value.push('E');
    b.outputs.decision.default = 'refer';
    const r = await cli(['rules', 'diff', 'rules/credit-policy/corporate.json', write('b.json', b)]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      expect.stringMatching(/^corporate-credit-policy: rules\/credit-policy\/corporate\.json → .*b\.json \(rules: 1 added, 0 removed, 1 changed\)$/),
      '  Rule F02 added: Revenue drop of 20 % or more',
      expect.stringMatching(/^ {2}Rule leverage-warning-industrial \(Industrial .*\):$/),
      '      debtToAsset greater than: 0.7 → 0.75',
      '      debtToAsset at most: 0.75 → 0.8',
      '      spreadBps: 25 → 30',
      '  Shared condition industrial: industrySection is one of: E added',
      '  Output decision: default approve → refer',
    ]);
  });

  it('reports identical files, and with --exit-code exits 1 only when they differ', async () => {
    const same = await cli(['rules', 'diff', 'rules/credit-policy/corporate.json', write('same.json', corporate()), '--exit-code']);
    expect([same.code, same.out]).toEqual([0, expect.stringMatching(/^No differences between /)]);
    const a = simplePolicy('small-policy');
    const b = simplePolicy('small-policy');
    b.rules.pop();
    b.tests.pop();
    const differ = await cli(['rules', 'diff', write('a.json', a), write('less.json', b), '--exit-code']);
    expect(differ.code).toBe(1);
    expect(differ.out.split('\n').slice(1)).toEqual(['  Rule npl-arrears removed', '  Tests: 0 added, 1 removed, 0 changed']);
  });

  it('refuses an invalid document with the reason', async () => {
    const r = await cli(['rules', 'diff', 'rules/credit-policy/corporate.json', write('bad.json', { key: 'x' })]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json is not a valid rule set');
  });
});

describe('covenant rules validate / test / lint', () => {
  it('validate prints a line per file and fails with the pointer of each problem', async () => {
    const doc = simplePolicy('broken-policy');
    doc.rules[1].name = doc.rules[0].name;
    const r = await cli(['rules', 'validate', write('dup.json', doc), 'rules/segmentation']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('/rules/1/name repeats the name of rule 0');
    expect(r.out).toContain('✓ rules/segmentation/five-category.json (five-category): 30 rules');
    expect(r.out.split('\n').pop()).toBe('Validated 3 files: 2 valid, 1 invalid');
  });

  it('validate reports a file that is not JSON', async () => {
    const r = await cli(['rules', 'validate', write('notjson.json', '{"key": ')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/notjson\.json: 1 problem\n {4}\(document\) is not valid JSON/);
  });

  it('validate refuses two files with the same key', async () => {
    const r = await cli(['rules', 'validate', write('k1.json', simplePolicy('same-key')), write('k2.json', simplePolicy('same-key'))]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("key 'same-key' is used by 2 files");
  });

  it('test prints N passed, M failed and each difference, and exits 1 on a failure', async () => {
    const doc = simplePolicy('failing-policy');
    doc.tests[1].expect.outputs = { decision: 'approve' };
    const r = await cli(['rules', 'test', write('failing.json', doc)]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      expect.stringMatching(/^✗ .*failing\.json \(failing-policy\): 1 passed, 1 failed$/),
      '    ✗ 91 dpd declined',
      '        decision was "decline", expected "approve"',
      'Tested 1 rule set: 1 passed, 1 failed',
    ]);
  });

  it('test passes a valid file', async () => {
    const r = await cli(['rules', 'test', write('ok.json', simplePolicy('fine-policy'))]);
    expect([r.code, r.out.split('\n').pop()]).toEqual([0, 'Tested 1 rule set: 2 passed, 0 failed']);
  });

  const lintDoc = () => {
    const doc = simplePolicy('lint-policy') as any;
    doc.rules[0].conditions.all.push({ fact: 'debtToAsseet', operator: 'greaterThan', value: 1 }, { fact: 'usccValid', operator: 'greaterThan', value: 1 });
    doc.rules[0].conditions.all.push({ fact: 'auditOpinion', operator: 'equal', value: 'unqualified' });
    doc.rules[0].event.params.decision = 'maybe';
    doc.rules[1].event.params.decison = 'decline';
    delete doc.rules[1].event.params.source;
    return doc;
  };
  const EXPECTED_FINDINGS = [
    'error /rules/0/conditions/all/1/fact [unknown_fact]',
    'error /rules/0/conditions/all/2/operator [type_mismatch]',
    'warning /rules/0/conditions/all/3/value [value_not_in_enum]',
    'warning /rules/0/event/params/decision [invalid_output_value]',
    'warning /rules/1/event/params/decison [undeclared_output]',
    'warning /rules/1/event/params [no_source]',
  ];

  it('lint flags unknown facts, type mismatches, values outside an enumeration, bad output values and missing sources', async () => {
    const r = await cli(['rules', 'lint', write('lint.json', lintDoc())]);
    expect(r.code).toBe(1);
    const found = r.out.split('\n').filter((l) => /^ {4}(error|warning) /.test(l)).map((l) => l.trim().replace(/\] .*$/, ']'));
    expect(found.sort()).toEqual([...EXPECTED_FINDINGS].sort());
    expect(r.out).toContain("'debtToAsseet' is neither in the fact catalog nor declared in");
  });

  it('lint passes warnings unless --strict', async () => {
    const doc = simplePolicy('warn-policy') as any;
    doc.inputs.push({ name: 'neverRead', type: 'number' });
    const file = write('warn.json', doc);
    expect((await cli(['rules', 'lint', file])).code).toBe(0);
    const strict = await cli(['rules', 'lint', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain("warning /inputs/2 [unused_input] declares 'neverRead', which no condition reads");
  });

  it('lint defaults to rules/', async () => {
    const r = await cli(['rules', 'lint']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').pop()).toMatch(/^Linted 5 files: 0 errors, 0 warnings/);
  });
});

describe('usage errors', () => {
  it.each([
    [['rules'], /name a command/],
    [['rules', 'frobnicate'], /unknown command 'rules frobnicate'/],
    [['policies', 'test'], /unknown command 'policies'/],
    [['rules', 'test'], /usage: covenant rules test <file\|dir>/],
    [['rules', 'diff', 'a.json'], /usage: covenant rules diff <a.json> <b.json>/],
    [['rules', 'test', 'no/such/dir'], /no\/such\/dir does not exist/],
    [['rules', 'diff', 'rules', 'rules'], /rules is a directory/],
    [['rules', 'import', 'rules/credit-policy/corporate.json'], /--server URL is required/],
    [['rules', 'import', 'rules/credit-policy/corporate.json', '--server', 'localhost:8080', '--api-key', 'k'], /--server must be an http\(s\) URL/],
    [['rules', 'export', 'five-category', '--server', 'http://x', '--api-key'], /--api-key needs a value/],
    [['rules', 'export', 'five-category', '--server', 'http://x', '--api-key', 'k', '--version', 'latest'], /--version must be a version number/],
  ])('%j exits 2 with a message', async (argv, message) => {
    const r = await cli(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain("Run 'covenant --help' for usage.");
  });

  it('--help prints the usage and exits 0; no arguments exits 2', async () => {
    const help = await cli(['--help']);
    expect([help.code, help.out]).toEqual([0, expect.stringContaining('Usage: covenant rules <command>')]);
    expect((await cli([])).code).toBe(2);
  });
});

describe('server errors', () => {
  it('an unreachable server exits 3', async () => {
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    const r = await cli(['rules', 'export', 'five-category', '--server', 'http://127.0.0.1:9', '--api-key', 'k'], { fetch: refused });
    expect(r.code).toBe(3);
    expect(r.err).toBe('covenant: cannot reach http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('a problem document is printed with each bad field', async () => {
    const problem: typeof fetch = async () =>
      new Response(JSON.stringify({ title: 'Unprocessable Content', detail: 'The rule set is not valid: 1 problem.', errors: [{ pointer: '/rules/0/priority', message: 'must be >= 1' }] }), {
        status: 422,
        headers: { 'content-type': 'application/problem+json' },
      });
    const r = await cli(['rules', 'import', 'rules/credit-policy/corporate.json', '--server', 'http://s', '--api-key', 'k'], { fetch: problem });
    expect(r.code).toBe(3);
    expect(r.err).toBe('covenant: POST /api/v1/rule-sets/import answered 422 Unprocessable Content: The rule set is not valid: 1 problem.\n  /rules/0/priority must be >= 1');
  });

  it('reads --server and --api-key from COVENANT_SERVER and COVENANT_API_KEY', async () => {
    const seen: { url: string; key: string | null }[] = [];
    const ok: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), key: new Headers(init?.headers).get('x-api-key') });
      return new Response(JSON.stringify({ key: 'five-category', version: 2, status: 'draft' }), { status: 201 });
    };
    const r = await cli(['rules', 'import', 'rules/segmentation/five-category.json'], { fetch: ok, env: { COVENANT_SERVER: 'http://covenant.test/', COVENANT_API_KEY: 'cov_secret' } });
    expect(r.code).toBe(0);
    expect(seen).toEqual([{ url: 'http://covenant.test/api/v1/rule-sets/import', key: 'cov_secret' }]);
    expect(r.out).toBe('Imported rules/segmentation/five-category.json as five-category version 2 (draft).');
  });
});
