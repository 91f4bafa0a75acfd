import type { TestCase } from '../rule-sets/rule-set';
import { jsonEqual } from './deep-equal';
import type { CompiledRuleSet, EvaluationResult } from './types';

/**
 * Runs a rule set's own test cases (DESIGN §4: publishing requires every one to pass). Each expectation is
 * checked independently and every difference is reported, so an author sees all that is wrong at once.
 */
export type TestDifference =
  | { kind: 'output'; output: string; expected: unknown; actual: unknown }
  | { kind: 'firedRules'; missing: string[]; unexpected: string[] }
  | { kind: 'fired'; missing: string[] }
  | { kind: 'notFired'; fired: string[] }
  | { kind: 'error'; message: string };

export interface TestCaseResult {
  name: string;
  passed: boolean;
  differences: TestDifference[];
  /** What the evaluator answered (absent when evaluation failed, e.g. an invalid asOf). */
  result?: EvaluationResult;
}

export interface TestRunSummary {
  passed: number;
  failed: number;
  results: TestCaseResult[];
}

export interface RunTestOptions {
  /** asOf for cases that do not give their own (defaults to today, like evaluate). */
  asOf?: string;
  /** Attach traces to the results (for the test console). */
  trace?: boolean;
}

export function runTestCases(compiled: CompiledRuleSet, tests: readonly TestCase[], opts: RunTestOptions = {}): TestRunSummary {
  const results = tests.map((t) => runOne(compiled, t, opts));
  const passed = results.filter((r) => r.passed).length;
  return { passed, failed: results.length - passed, results };
}

function runOne(compiled: CompiledRuleSet, test: TestCase, opts: RunTestOptions): TestCaseResult {
  let result: EvaluationResult;
  try {
    result = compiled.evaluate(test.facts, { asOf: test.asOf ?? opts.asOf, trace: opts.trace });
  } catch (e) {
    // evaluate throws only for its options (an invalid asOf): a broken test case, reported as its failure.
    return { name: test.name, passed: false, differences: [{ kind: 'error', message: e instanceof Error ? e.message : String(e) }] };
  }
  const differences = compare(test.expect, result);
  return { name: test.name, passed: differences.length === 0, differences, result };
}

export function compare(expect: TestCase['expect'], result: EvaluationResult): TestDifference[] {
  const differences: TestDifference[] = [];
  const fired = new Set(result.firedRules.map((r) => r.name));
  for (const [output, expected] of Object.entries(expect.outputs ?? {})) {
    const actual = result.outputs[output];
    if (!jsonEqual(expected, actual)) differences.push({ kind: 'output', output, expected, actual });
  }
  if (expect.firedRules) {
    const wanted = new Set(expect.firedRules);
    const missing = [...wanted].filter((n) => !fired.has(n));
    const unexpected = [...fired].filter((n) => !wanted.has(n));
    if (missing.length || unexpected.length) differences.push({ kind: 'firedRules', missing, unexpected });
  }
  const missing = (expect.fired ?? []).filter((n) => !fired.has(n));
  if (missing.length) differences.push({ kind: 'fired', missing });
  const wronglyFired = (expect.notFired ?? []).filter((n) => fired.has(n));
  if (wronglyFired.length) differences.push({ kind: 'notFired', fired: wronglyFired });
  return differences;
}
