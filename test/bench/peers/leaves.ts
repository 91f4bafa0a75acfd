import type { Condition, LeafCondition, RuleSetDocument } from '../../../server/src/modules/rule-sets/rule-set';

/**
 * The subset of rule shapes the peer translations understand (what credit-rules.ts generates). Anything else
 * is refused loudly rather than translated approximately, because a wrong translation would make the
 * comparison meaningless.
 */
export type Tree = { kind: 'all' | 'any'; items: Tree[] } | { kind: 'leaf'; leaf: LeafCondition };

export const NUMERIC_OPERATORS: Record<string, string> = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' };

export function toTree(c: Condition): Tree {
  if ('all' in c) return { kind: 'all', items: c.all.map(toTree) };
  if ('any' in c) return { kind: 'any', items: c.any.map(toTree) };
  if ('fact' in c && !('path' in c) && typeof c.operator === 'string' && !c.operator.includes(':')) {
    const v = c.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) throw new Error('peer translation: fact-valued conditions are not supported');
    return { kind: 'leaf', leaf: c };
  }
  throw new Error(`peer translation: unsupported condition ${JSON.stringify(c)}`);
}

export function ruleTrees(doc: RuleSetDocument): { name: string; tree: Tree }[] {
  return doc.rules.map((r) => ({ name: r.name, tree: toTree(r.conditions) }));
}
