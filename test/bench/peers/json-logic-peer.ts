import jsonLogic from 'json-logic-js';
import type { RuleSetDocument } from '../../../server/src/modules/rule-sets/rule-set';
import { NUMERIC_OPERATORS, ruleTrees, type Tree } from './leaves';

/**
 * The rule set as JSON Logic, one expression per rule. Numeric comparisons are guarded with `!= null`:
 * JSON Logic says null < 1.2 is true, json-rules-engine's number validator says false (bench-notes.md).
 * A missing var is null in JSON Logic and undefined in json-rules-engine; with no null in any value list the
 * equal/notEqual/in/notIn answers agree.
 */
type Logic = jsonLogic.RulesLogic;

function translate(t: Tree): Logic {
  if (t.kind !== 'leaf') return { [t.kind === 'all' ? 'and' : 'or']: t.items.map(translate) } as Logic;
  const { fact, operator, value } = t.leaf;
  const v = { var: fact };
  const present = { '!=': [v, null] };
  if (operator in NUMERIC_OPERATORS) return { and: [present, { [NUMERIC_OPERATORS[operator]]: [v, value] }] } as Logic;
  switch (operator) {
    case 'between': {
      const [lo, hi] = value as number[];
      return { and: [present, { '<=': [lo, v, hi] }] } as Logic;
    }
    case 'equal':
      return { '===': [v, value] } as Logic;
    case 'notEqual':
      return { '!==': [v, value] } as Logic;
    case 'in':
      return { in: [v, value] } as Logic;
    case 'notIn':
      return { '!': { in: [v, value] } } as Logic;
    default:
      throw new Error(`json-logic translation: unsupported operator ${operator}`);
  }
}

/** Returns the names of the rules that fire, in document order. */
export function jsonLogicPeer(doc: RuleSetDocument): (facts: Record<string, unknown>) => string[] {
  const rules = ruleTrees(doc).map((r) => ({ name: r.name, logic: translate(r.tree) }));
  return (facts) => {
    const fired: string[] = [];
    for (const r of rules) if (jsonLogic.truthy(jsonLogic.apply(r.logic, facts))) fired.push(r.name);
    return fired;
  };
}
