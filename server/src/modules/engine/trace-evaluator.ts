import { valueReader } from './closures';
import type { Expr, LeafExpr } from './condition-ir';
import { isFactMissing } from './fact-access';
import type { RuleSetIR } from './rule-set-ir';
import type { RuleTrace, TraceLeaf, TraceNode } from './types';

/**
 * The tracing evaluator, a separate build so the fast evaluators carry no tracing branches. It evaluates every
 * leaf (no short-circuit) to explain the whole tree; all/any/not combine the same booleans the fast evaluators
 * compute, so which rules fire is identical (operators are pure). Built on first use.
 */
type Tracer = (facts: Record<string, unknown>, asOfDay: number) => TraceNode;

export interface TraceRun {
  /** Rule indexes in firing order. */
  fired: number[];
  /** Document order. */
  rules: RuleTrace[];
}

export function buildTracer(ir: RuleSetIR): (facts: Record<string, unknown>, asOfDay: number) => TraceRun {
  const memo = new Map<Expr, Tracer>();
  const rules = ir.rules.map((r) => ({ rule: r, trace: tracer(r.condition, memo) }));
  const position = new Map(ir.firingOrder.map((index, pos) => [index, pos]));
  return (facts, asOfDay) => {
    const traces: RuleTrace[] = [];
    const fired: number[] = [];
    for (const { rule, trace } of rules) {
      const conditions = trace(facts, asOfDay);
      traces.push({ name: rule.name, priority: rule.priority, fired: conditions.result, conditions });
      if (conditions.result) fired.push(rule.index);
    }
    fired.sort((a, b) => (position.get(a) as number) - (position.get(b) as number));
    return { fired, rules: traces };
  };
}

function tracer(e: Expr, memo: Map<Expr, Tracer>): Tracer {
  let t = memo.get(e);
  if (!t) {
    t = build(e, memo);
    memo.set(e, t);
  }
  return t;
}

function build(e: Expr, memo: Map<Expr, Tracer>): Tracer {
  switch (e.kind) {
    case 'all':
    case 'any': {
      const kind = e.kind;
      const ts = e.items.map((i) => tracer(i, memo));
      return (f, d) => {
        const conditions = ts.map((t) => t(f, d));
        // Empty all and empty any are both true, as in json-rules-engine.
        const result = conditions.length === 0 || (kind === 'all' ? conditions.every((c) => c.result) : conditions.some((c) => c.result));
        return { type: kind, result, conditions };
      };
    }
    case 'not': {
      const t = tracer(e.item, memo);
      return (f, d) => {
        const condition = t(f, d);
        return { type: 'not', result: !condition.result, condition };
      };
    }
    case 'ref': {
      const t = tracer(e.target, memo);
      const name = e.name;
      return (f, d) => {
        const condition = t(f, d);
        return { type: 'condition', name, result: condition.result, condition };
      };
    }
    case 'leaf':
      return leaf(e);
  }
}

function leaf(e: LeafExpr): Tracer {
  const fn = e.operator.fn;
  const left = valueReader(e.fact, e.path?.resolve);
  const v = e.value;
  const right = v.kind === 'fact' ? valueReader(v.fact, v.path?.resolve) : () => v.value;
  const valueRef = v.kind === 'fact' ? (v.path ? { fact: v.fact, path: v.path.source } : { fact: v.fact }) : undefined;
  return (f, d) => {
    const factValue = left(f);
    const value = right(f);
    const node: TraceLeaf = { type: 'fact', fact: e.fact, operator: e.operator.name, factValue, value, result: fn(factValue, value, d) };
    if (e.path) node.path = e.path.source;
    if (isFactMissing(f, e.fact)) node.factMissing = true;
    if (valueRef) node.valueRef = valueRef;
    return node;
  };
}
