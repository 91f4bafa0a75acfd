import type { RuleRunner } from './codegen';
import type { Expr, LeafExpr } from './condition-ir';
import { factReader } from './fact-access';
import type { RuleSetIR } from './rule-set-ir';

/**
 * The same evaluator as codegen.ts, built from closures instead of generated source: used where code generation
 * is disallowed (node --disallow-code-generation-from-strings, a locked-down CSP) and as the "closures" row of
 * the benchmark. Same IR, same operator functions, same short-circuit order.
 */
type Pred = (facts: Record<string, unknown>, asOfDay: number) => boolean;

export function buildClosureRunner(ir: RuleSetIR): RuleRunner {
  const memo = new Map<Expr, Pred>();
  const preds = new Map(ir.rules.map((r) => [r.index, predicate(r.condition, memo)]));
  const order = ir.firingOrder.map((i) => ({ index: i, pred: preds.get(i) as Pred }));
  return (facts, fired, asOfDay) => {
    for (let i = 0; i < order.length; i++) if (order[i].pred(facts, asOfDay)) fired.push(order[i].index);
  };
}

function predicate(e: Expr, memo: Map<Expr, Pred>): Pred {
  let p = memo.get(e);
  if (!p) {
    p = build(e, memo);
    memo.set(e, p);
  }
  return p;
}

function build(e: Expr, memo: Map<Expr, Pred>): Pred {
  switch (e.kind) {
    case 'all': {
      const ps = e.items.map((i) => predicate(i, memo));
      return (f, d) => {
        for (let i = 0; i < ps.length; i++) if (!ps[i](f, d)) return false;
        return true;
      };
    }
    case 'any': {
      const ps = e.items.map((i) => predicate(i, memo));
      if (ps.length === 0) return () => true; // json-rules-engine: an empty any is true
      return (f, d) => {
        for (let i = 0; i < ps.length; i++) if (ps[i](f, d)) return true;
        return false;
      };
    }
    case 'not': {
      const p = predicate(e.item, memo);
      return (f, d) => !p(f, d);
    }
    case 'ref':
      return predicate(e.target, memo);
    case 'leaf':
      return leaf(e);
  }
}

function leaf(e: LeafExpr): Pred {
  const fn = e.operator.fn;
  const left = valueReader(e.fact, e.path?.resolve);
  if (e.value.kind === 'literal') {
    const value = e.value.value;
    return (f, d) => fn(left(f), value, d);
  }
  const right = valueReader(e.value.fact, e.value.path?.resolve);
  return (f, d) => fn(left(f), right(f), d);
}

export function valueReader(fact: string, resolve: ((v: unknown) => unknown) | undefined): (f: Record<string, unknown>) => unknown {
  const read = factReader(fact);
  return resolve ? (f) => resolve(read(f)) : read;
}
