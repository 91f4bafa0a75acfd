import { ZenDecisionContent, ZenEngine, type ZenDecision } from '@gorules/zen-engine';
import type { RuleSetDocument } from '../../../server/src/modules/rule-sets/rule-set';
import { NUMERIC_OPERATORS, ruleTrees, type Tree } from './leaves';

/**
 * The rule set as one zen-engine decision table, hit policy "collect", one row per rule: a single input
 * column without a field (so each cell is a full boolean expression) and one output column naming the rule.
 * Numeric comparisons are guarded with `!= null`: zen throws inside `null > 1.2`, which silently skips the row.
 */
function literal(v: unknown): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) >= 1e21) throw new Error(`zen translation: number out of range ${v}`);
    return String(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  throw new Error(`zen translation: unsupported literal ${JSON.stringify(v)}`);
}

function expression(t: Tree): string {
  if (t.kind !== 'leaf') return `(${t.items.map(expression).join(t.kind === 'all' ? ' and ' : ' or ')})`;
  const { fact, operator, value } = t.leaf;
  if (operator in NUMERIC_OPERATORS) return `(${fact} != null and ${fact} ${NUMERIC_OPERATORS[operator]} ${literal(value)})`;
  switch (operator) {
    case 'between': {
      const [lo, hi] = value as number[];
      return `(${fact} != null and ${fact} >= ${literal(lo)} and ${fact} <= ${literal(hi)})`;
    }
    case 'equal':
      return `(${fact} == ${literal(value)})`;
    case 'notEqual':
      return `(${fact} != ${literal(value)})`;
    case 'in':
      return `(${fact} in [${(value as unknown[]).map(literal).join(', ')}])`;
    case 'notIn':
      return `(not (${fact} in [${(value as unknown[]).map(literal).join(', ')}]))`;
    default:
      throw new Error(`zen translation: unsupported operator ${operator}`);
  }
}

export function zenTable(doc: RuleSetDocument): object {
  const rows = ruleTrees(doc).map((r, i) => ({ _id: `row${i}`, cond: expression(r.tree), out: JSON.stringify(r.name) }));
  return {
    contentType: 'application/vnd.gorules.decision',
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: doc.key,
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'collect',
          inputs: [{ id: 'cond', name: 'condition', type: 'expression' }],
          outputs: [{ id: 'out', name: 'rule', type: 'expression', field: 'rule' }],
          rules: rows,
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
}

export interface ZenPeer {
  decision: ZenDecision;
  /** The fired rule names (table row order = document order). */
  fired(facts: Record<string, unknown>): Promise<string[]>;
  dispose(): void;
}

/** Precompiled as bench-notes.md asks: ZenDecisionContent once, createDecision once. */
export function zenPeer(doc: RuleSetDocument): ZenPeer {
  const engine = new ZenEngine();
  const decision = engine.createDecision(new ZenDecisionContent(zenTable(doc) as never));
  return {
    decision,
    async fired(facts) {
      const r = await decision.evaluate(facts);
      return (r.result as { rule: string }[]).map((x) => x.rule);
    },
    dispose: () => engine.dispose(),
  };
}
