import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { DifferentialRunner, type CaseReport } from './differential';
import { AS_OF, generateFacts, generateRuleSet } from './generator';
import { Prng } from './prng';

/**
 * Our evaluator against json-rules-engine 7.3.1 (the reference semantics, DESIGN §3): on every rule set under
 * rules/ with its own test facts, and on generated rule sets and facts. Any difference is a failure; the report
 * says what fired on each side, with the facts and the rule set, so a case can be replayed.
 */
const ROOT = join(__dirname, '..', '..');
const SEED = Number(process.env.DIFF_SEED ?? 20250630);
const RULE_SETS = Number(process.env.DIFF_RULE_SETS ?? 420);
const CASES_PER_SET = Number(process.env.DIFF_CASES_PER_SET ?? 24);

function ruleFiles(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out; // the folder may not exist yet
  }
  for (const e of entries.sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out = out.concat(ruleFiles(p));
    else if (e.endsWith('.json')) out.push(p);
  }
  return out;
}

const newReport = (): CaseReport => ({ mismatches: [], oracleThrew: 0, cases: 0 });

function expectNoMismatch(report: CaseReport): void {
  if (report.mismatches.length) {
    throw new Error(`${report.mismatches.length} of ${report.cases} cases differ from json-rules-engine; first ones:\n${report.mismatches.slice(0, 3).join('\n\n')}`);
  }
}

describe('differential: rule sets under rules/', () => {
  const files = ruleFiles(join(ROOT, 'rules'));
  const withTests = files
    .map((f) => ({ file: relative(ROOT, f), doc: JSON.parse(readFileSync(f, 'utf8')) as RuleSetDocument }))
    .filter((x) => Array.isArray(x.doc.rules) && Array.isArray(x.doc.tests) && x.doc.tests.length > 0);

  if (withTests.length === 0) {
    it('has no rule sets with test cases under rules/ yet (nothing to compare)', () => {
      expect(withTests).toEqual([]);
    });
  }

  if (withTests.length > 0) it.each(withTests.map((x) => [x.file, x.doc] as const))('%s: every test case fires what json-rules-engine fires', async (_file, doc) => {
    const runner = new DifferentialRunner(doc);
    const report = newReport();
    for (const t of doc.tests ?? []) await runner.check(t.facts, t.asOf ?? AS_OF, report, `test "${t.name}"`);
    expectNoMismatch(report);
    // Authored rule sets should never lean on a json-rules-engine throw.
    expect(report.oracleThrew).toBe(0);
  });
});

describe('differential: generated rule sets and facts', () => {
  it(`${RULE_SETS} rule sets × ${CASES_PER_SET} facts (seed ${SEED}) fire exactly what json-rules-engine fires`, async () => {
    const rng = new Prng(SEED);
    const report = newReport();
    for (let s = 0; s < RULE_SETS; s++) {
      const doc = generateRuleSet(rng, s);
      const runner = new DifferentialRunner(doc);
      for (let c = 0; c < CASES_PER_SET; c++) await runner.check(generateFacts(rng), AS_OF, report, `set ${s} case ${c}`);
    }
    expectNoMismatch(report);
    expect(report.cases).toBeGreaterThanOrEqual(10_000);
    // The lenient comparison is the exception, not the rule: most cases must be checked against plain json-rules-engine.
    expect(report.oracleThrew / report.cases).toBeLessThan(0.25);
    console.log(`differential: ${report.cases} cases, ${report.oracleThrew} compared with the lenient oracle (json-rules-engine threw)`);
  });
});
