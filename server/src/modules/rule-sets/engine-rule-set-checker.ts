import type { FieldError } from '../../shared/errors';
import type { SchemaValidator } from '../../shared/validation';
import { EngineCache, RuleSetCompileError, runTestCases, type TestDifference } from '../engine';
import type { RuleSetDocument } from './rule-set';
import { SchemaRuleSetChecker, type PublishReport, type RuleSetChecker } from './rule-set-checker';
import { contentHash } from '../../shared/canonical-json';

/** Static analysis of a document (unknown facts, type mismatches, unreachable or shadowed rules). */
export type Analyzer = (doc: RuleSetDocument) => { errors: FieldError[]; warnings: FieldError[] };

/**
 * The publishing gate DESIGN §4 asks for: a document is saved only if it compiles, and is submitted or activated
 * only if static analysis finds no error and every one of its test cases passes.
 */
export class EngineRuleSetChecker implements RuleSetChecker {
  private readonly base: SchemaRuleSetChecker;

  constructor(
    validator: SchemaValidator,
    readonly engine: EngineCache,
    private readonly analyze?: Analyzer,
  ) {
    this.base = new SchemaRuleSetChecker(validator);
  }

  saveProblems(doc: unknown): FieldError[] {
    const problems = this.base.saveProblems(doc);
    if (problems.length) return problems;
    try {
      this.compile(doc as RuleSetDocument);
      return [];
    } catch (e) {
      if (e instanceof RuleSetCompileError) return e.errors;
      throw e;
    }
  }

  async publishReport(doc: RuleSetDocument): Promise<PublishReport> {
    const analysis = this.analyze?.(doc) ?? { errors: [], warnings: [] };
    const tests = doc.tests ?? [];
    const run = runTestCases(this.compile(doc), tests);
    const failed = run.results.map((r, i) => ({ r, i })).filter(({ r }) => !r.passed);
    const testErrors: FieldError[] = failed.map(({ r, i }) => ({
      pointer: `/tests/${i}`,
      code: 'test_failed',
      message: `test '${r.name}' fails: ${r.differences.map(describeDifference).join('; ')}`,
    }));
    if (!tests.length) analysis.warnings.push({ pointer: '/tests', code: 'no_tests', message: 'has no test cases; add some before this is published' });
    return {
      errors: [...analysis.errors, ...testErrors],
      warnings: analysis.warnings,
      tests: { total: tests.length, passed: run.passed, failed: failed.map(({ r }) => ({ name: r.name, differences: r.differences })) },
    };
  }

  compile(doc: RuleSetDocument) {
    return this.engine.get(contentHash(doc), doc);
  }
}

export function describeDifference(d: TestDifference): string {
  switch (d.kind) {
    case 'output':
      return `${d.output} was ${JSON.stringify(d.actual)}, expected ${JSON.stringify(d.expected)}`;
    case 'firedRules':
      return [d.missing.length ? `did not fire ${d.missing.join(', ')}` : '', d.unexpected.length ? `also fired ${d.unexpected.join(', ')}` : ''].filter(Boolean).join(' and ');
    case 'fired':
      return `did not fire ${d.missing.join(', ')}`;
    case 'notFired':
      return `fired ${d.fired.join(', ')}, which it should not`;
    case 'error':
      return d.message;
  }
}
