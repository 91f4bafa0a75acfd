import { Engine } from 'json-rules-engine';
import { after, before, between, startsWith } from '../../../server/src/modules/engine/domain-operators';
import type { RuleSetDocument } from '../../../server/src/modules/rule-sets/rule-set';

/**
 * json-rules-engine as Covenant would have used it: one Engine per rule set, reused, allowUndefinedFacts on,
 * our domain operators registered with the functions our evaluator uses.
 */
export function jrePeer(doc: RuleSetDocument): (facts: Record<string, unknown>) => Promise<string[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('between', between);
  engine.addOperator('startsWith', startsWith);
  engine.addOperator('before', before);
  engine.addOperator('after', after);
  for (const [name, c] of Object.entries(doc.conditions ?? {})) engine.setCondition(name, structuredClone(c) as never);
  for (const r of doc.rules) engine.addRule(structuredClone(r) as never);
  return async (facts) => (await engine.run(facts)).results.map((r) => String(r.name));
}
