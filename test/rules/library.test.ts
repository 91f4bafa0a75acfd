import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { duplicateKeys, testFile, validateFile } from '../../server/src/cli/library-check';
import { lintDocument } from '../../server/src/cli/lint';
import { readRuleFiles } from '../../server/src/cli/rule-files';
import type { RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { repoRoot } from '../../server/src/shared/paths';
import { Oracle } from '../engine/oracle';

/**
 * The shipped rule library (rules/): every file is installed as an active version on a new store, so every file
 * must be valid, pass its own test cases and lint clean. The same functions back `covenant rules validate/test`.
 */
const root = repoRoot();
const files = readRuleFiles(['rules'], root);
const docs = () => files.map((f) => f.doc as RuleSetDocument);

describe('the default rule library', () => {
  it('holds the five rule sets the service ships with', () => {
    expect(docs().map((d) => [d.key, d.family]).sort()).toEqual([
      ['client-tier', 'segmentation'],
      ['corporate-credit-policy', 'credit-policy'],
      ['early-warning', 'warning'],
      ['five-category', 'segmentation'],
      ['project-finance-policy', 'credit-policy'],
    ]);
  });

  it.each(files.map((f) => [f.display, f] as const))('%s is valid as the server checks it on save', (_name, file) => {
    expect(validateFile(file).problems).toEqual([]);
  });

  it('uses each key once', () => {
    expect(duplicateKeys(files.map(validateFile))).toEqual([]);
  });

  it.each(files.map((f) => [f.display, f] as const))('%s passes all of its test cases on the engine', (_name, file) => {
    const r = testFile(file);
    const failures = r.tests?.results.filter((x) => !x.passed).map((x) => ({ name: x.name, differences: x.differences }));
    expect(failures).toEqual([]);
    expect(r.tests?.total).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [f.display, f] as const))('%s has no lint error or warning', (_name, file) => {
    const r = lintDocument(file.doc as RuleSetDocument);
    expect([...r.errors, ...r.warnings]).toEqual([]);
  });

  it.each(files.map((f) => [f.display, f] as const))('%s: every rule fires in at least one of its test cases', (_name, file) => {
    const r = testFile(file);
    const fired = new Set(r.tests?.results.flatMap((x) => x.result?.firedRules.map((f) => f.name) ?? []));
    const never = (file.doc as RuleSetDocument).rules.map((x) => x.name).filter((n) => !fired.has(n));
    expect(never).toEqual([]);
  });

  it('every rule says where it comes from and what it does, in both languages', () => {
    for (const d of docs())
      for (const r of d.rules) {
        expect([d.key, r.name, typeof r.event.params?.source]).toEqual([d.key, r.name, 'string']);
        expect(r.description).toEqual({ zh: expect.any(String), en: expect.any(String) });
      }
  });

  it('reasons, conditions and actions are {code, zh, en}', () => {
    const shaped = { code: expect.any(String), zh: expect.any(String), en: expect.any(String) };
    for (const d of docs())
      for (const r of d.rules)
        for (const k of ['reasons', 'conditions', 'actions'] as const) {
          const v = r.event.params?.[k];
          if (v !== undefined) for (const x of v as unknown[]) expect(x).toEqual(shaped);
        }
  });

  it.each(files.map((f) => [f.display, f] as const))('%s: json-rules-engine, the reference semantics, fires the same rules on every test case', async (_name, file) => {
    const doc = file.doc as RuleSetDocument;
    const oracle = new Oracle(doc);
    const ours = testFile(file).tests?.results ?? [];
    for (const [i, t] of (doc.tests ?? []).entries()) {
      const ref = await oracle.run(t.facts, 0);
      expect(ref.ok).toBe(true);
      const refNames = ref.ok ? ref.fired.map((x) => x.name).sort() : [];
      expect([t.name, refNames]).toEqual([t.name, ours[i].result?.firedRules.map((x) => x.name).sort()]);
    }
  });

  it('docs/rules.md lists every rule set and every rule', () => {
    const md = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
    const missing = docs().flatMap((d) => [d.key, ...d.rules.map((r) => r.name)].filter((n) => !md.includes(`\`${n}\``)).map((n) => `${d.key}: ${n}`));
    expect(missing).toEqual([]);
  });

  it('`node bin/covenant.js rules test rules/` exits 0 and prints the summary', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'covenant.js'), 'rules', 'test', 'rules/'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^Tested 5 rule sets: \d+ passed, 0 failed$/);
    expect(lines.slice(0, 5).every((l) => /^✓ rules\/.+\.json \([a-z-]+\): \d+ passed, 0 failed$/.test(l))).toBe(true);
  });
});
