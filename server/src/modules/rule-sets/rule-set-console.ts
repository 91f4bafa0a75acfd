import type { EvaluationResult, TestRunSummary } from '../engine';
import { runTestCases } from '../engine';
import type { EngineRuleSetChecker } from './engine-rule-set-checker';
import type { RuleSetService } from './rule-set-service';

/**
 * The test console: evaluate any stored version (drafts included) with facts typed in by staff, or run its test
 * cases. Nothing here is a decision: nothing is logged, nothing is returned to an upstream system.
 */
export class RuleSetConsole {
  constructor(
    private readonly ruleSets: RuleSetService,
    private readonly checker: EngineRuleSetChecker,
  ) {}

  async evaluate(key: string, version: number, facts: Record<string, unknown>, opts: { trace?: boolean; asOf?: string }): Promise<EvaluationResult & { ruleSet: { key: string; version: number; contentHash: string } }> {
    const v = await this.ruleSets.version(key, version);
    const result = this.checker.compile(v.document).evaluate(facts, { trace: opts.trace, asOf: opts.asOf });
    return { ruleSet: { key, version, contentHash: v.contentHash }, ...result };
  }

  async test(key: string, version: number, opts: { trace?: boolean } = {}): Promise<TestRunSummary & { total: number; ruleSet: { key: string; version: number; contentHash: string } }> {
    const v = await this.ruleSets.version(key, version);
    const tests = v.document.tests ?? [];
    const run = runTestCases(this.checker.compile(v.document), tests, { trace: opts.trace });
    return { ruleSet: { key, version, contentHash: v.contentHash }, total: tests.length, ...run };
  }
}
