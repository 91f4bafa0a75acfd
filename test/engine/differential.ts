import { compileRuleSet } from '../../server/src/modules/engine';
import type { CompiledRuleSet, EvaluationResult } from '../../server/src/modules/engine';
import { toWrittenDay } from '../../server/src/modules/engine/dates';
import type { RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { Oracle, type OracleFired } from './oracle';

/**
 * One rule set, compiled three ways (generated code, closures, tracing), checked case by case against
 * json-rules-engine. What must agree: the set of fired rules, their priorities (and so the priority order,
 * which is all json-rules-engine defines: within one priority its result order follows promise timing),
 * and each fired rule's event, params included.
 */
export interface CaseReport {
  mismatches: string[];
  /** Cases where json-rules-engine rejected the run and we compared with the lenient oracle instead. */
  oracleThrew: number;
  cases: number;
}

export class DifferentialRunner {
  private readonly oracle: Oracle;
  private readonly engines: { label: string; compiled: CompiledRuleSet }[];
  private readonly docIndex: Map<string, number>;

  constructor(private readonly doc: RuleSetDocument) {
    this.oracle = new Oracle(doc);
    this.engines = [
      { label: 'codegen', compiled: compileRuleSet(doc) },
      { label: 'closures', compiled: compileRuleSet(doc, { mode: 'closures' }) },
    ];
    this.docIndex = new Map(doc.rules.map((r, i) => [r.name, i]));
  }

  async check(facts: Record<string, unknown>, asOf: string, report: CaseReport, label: string): Promise<void> {
    report.cases++;
    const asOfDay = toWrittenDay(asOf) as number;
    let outcome = await this.oracle.run(facts, asOfDay);
    if (!outcome.ok) {
      report.oracleThrew++;
      outcome = await this.oracle.run(facts, asOfDay, true);
      if (!outcome.ok) {
        report.mismatches.push(`${label}: even the lenient oracle threw: ${outcome.error}`);
        return;
      }
    }
    const expected = this.normalise(outcome.fired);
    for (const { label: how, compiled } of this.engines) {
      for (const trace of [false, true]) {
        const ours = evaluateSafely(compiled, facts, asOf, trace);
        if (typeof ours === 'string') {
          report.mismatches.push(`${label} [${how}${trace ? '+trace' : ''}] threw: ${ours}`);
          continue;
        }
        const actual = ours.firedRules.map((r) => ({ name: r.name, priority: r.priority, event: r.event }));
        const problem = this.difference(expected, actual);
        if (problem) {
          report.mismatches.push(`${label} [${how}${trace ? '+trace' : ''}] ${problem}\n  facts: ${JSON.stringify(facts)}\n  rules: ${JSON.stringify(this.doc)}`);
        }
      }
    }
  }

  /** json-rules-engine's order within a priority is not defined: sort it into ours (priority desc, document order). */
  private normalise(fired: OracleFired[]): OracleFired[] {
    return [...fired].sort((a, b) => b.priority - a.priority || (this.docIndex.get(a.name) as number) - (this.docIndex.get(b.name) as number));
  }

  private difference(expected: OracleFired[], actual: OracleFired[]): string | null {
    const names = (l: OracleFired[]) => l.map((r) => `${r.name}@${r.priority}`).join(', ');
    if (names(expected) !== names(actual)) return `fired [${names(actual)}], json-rules-engine fired [${names(expected)}]`;
    for (let i = 0; i < expected.length; i++) {
      if (JSON.stringify(expected[i].event) !== JSON.stringify(actual[i].event)) {
        return `event of ${actual[i].name}: ${JSON.stringify(actual[i].event)} vs json-rules-engine ${JSON.stringify(expected[i].event)}`;
      }
    }
    return null;
  }
}

function evaluateSafely(compiled: CompiledRuleSet, facts: Record<string, unknown>, asOf: string, trace: boolean): EvaluationResult | string {
  try {
    return compiled.evaluate(facts, { asOf, trace });
  } catch (e) {
    return e instanceof Error ? e.stack ?? e.message : String(e);
  }
}
