import { numericCompare } from './coercion';
import { DOMAIN_OPERATORS } from './domain-operators';
import type { Expr, LeafExpr } from './condition-ir';
import { isPrototypeName, propertyIsEnumerable } from './fact-access';
import type { RuleIR, RuleSetIR } from './rule-set-ir';

/**
 * The fast evaluator: JavaScript source generated from the IR and compiled with `new Function`.
 *
 * Safety: the only document text that enters the source is fact names and literal strings/numbers, each
 * through JSON.stringify (a valid, fully escaped JS literal); fact names are also identifiers by then
 * (condition-ir.ts refuses others). Every other document value, and every function, is a constant the code
 * refers to by index (`k12`), never spelled out.
 *
 * Speed: common leaves (no path, no decorator, literal value) become inline comparisons with a typeof fast
 * path; the rest call the same composed operator functions the other evaluators use. Rules are emitted in
 * firing order and push their index when they fire. Large rule sets are split into chunks of a few hundred
 * conditions, because V8 will not optimise one huge function.
 */
export type RuleRunner = (facts: Record<string, unknown>, fired: number[], asOfDay: number) => void;

const CHUNK_NODES = 400;
const INLINE_IN_MAX = 8;

export function generateRunner(ir: RuleSetIR): RuleRunner {
  const byIndex = new Map(ir.rules.map((r) => [r.index, r]));
  const chunks: RuleIR[][] = [];
  let current: RuleIR[] = [];
  let nodes = 0;
  for (const i of ir.firingOrder) {
    const rule = byIndex.get(i) as RuleIR;
    if (current.length && nodes + rule.condition.size > CHUNK_NODES) {
      chunks.push(current);
      current = [];
      nodes = 0;
    }
    current.push(rule);
    nodes += rule.condition.size;
  }
  if (current.length) chunks.push(current);
  const fns = chunks.map((c) => new ChunkWriter().compile(c));
  if (fns.length === 0) return () => {};
  if (fns.length === 1) return fns[0];
  return (facts, fired, asOfDay) => {
    for (let i = 0; i < fns.length; i++) fns[i](facts, fired, asOfDay);
  };
}

class ChunkWriter {
  private readonly constants: unknown[] = [];
  private readonly constantIndex = new Map<unknown, number>();
  private readonly factLocals = new Map<string, string>();

  compile(rules: RuleIR[]): RuleRunner {
    const body = rules.map((r) => `  if (${this.expr(r.condition)}) fired.push(${r.index});`);
    const reads = [...this.factLocals].map(([name, local]) => `  const ${local} = ${readFact(name)};`);
    const prologue = this.constants.map((_, i) => `const k${i} = K[${i}];`);
    const source = [
      '"use strict";',
      'const pie = K.pie, cmp = K.cmp;',
      ...prologue,
      'return function evaluateRules(facts, fired, d) {',
      ...reads,
      ...body,
      '};',
    ].join('\n');
    const table = Object.assign(this.constants.slice(), { pie: propertyIsEnumerable, cmp: numericCompare });
    return new Function('K', source)(table) as RuleRunner;
  }

  private expr(e: Expr): string {
    switch (e.kind) {
      case 'all':
      case 'any':
        // json-rules-engine: an empty all AND an empty any are both true.
        if (e.items.length === 0) return 'true';
        return `(${e.items.map((i) => this.expr(i)).join(e.kind === 'all' ? ' && ' : ' || ')})`;
      case 'not':
        return `!${this.expr(e.item)}`;
      case 'ref':
        return this.expr(e.target);
      case 'leaf':
        return this.leaf(e);
    }
  }

  private leaf(e: LeafExpr): string {
    const fact = this.fact(e.fact);
    const left = e.path ? `${this.constant(e.path.resolve)}(${fact})` : fact;
    if (e.value.kind === 'fact') {
      const other = this.fact(e.value.fact);
      const right = e.value.path ? `${this.constant(e.value.path.resolve)}(${other})` : other;
      return `${this.constant(e.operator.fn)}(${left}, ${right}, d)`;
    }
    const value = e.value.value;
    if (!e.path && e.operator.parsed.decorators.length === 0) {
      const inline = this.inline(e.operator.parsed.base, left, value);
      if (inline) return inline;
    }
    return `${this.constant(e.operator.fn)}(${left}, ${this.constant(value)}, d)`;
  }

  /** Inline code with exactly the operator function's result, for the shapes that dominate real rule sets. */
  private inline(op: string, f: string, v: unknown): string | null {
    const lit = primitiveLiteral(v);
    switch (op) {
      case 'equal':
        return `(${f} === ${lit ?? this.constant(v)})`;
      case 'notEqual':
        return `(${f} !== ${lit ?? this.constant(v)})`;
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive': {
        const how = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'].indexOf(op);
        if (typeof v !== 'number' || lit === null) return `cmp(${f}, ${this.constant(v)}, ${how})`;
        const js = ['<', '<=', '>', '>='][how];
        return `(typeof ${f} === "number" ? ${f} ${js} ${lit} : cmp(${f}, ${lit}, ${how}))`;
      }
      case 'in':
      case 'notIn':
        return Array.isArray(v) ? this.membership(op === 'in', f, v) : null;
      case 'between': {
        // Same as greaterThanInclusive lo && lessThanInclusive hi; the typeof fast path covers the common case.
        if (!Array.isArray(v) || v.length !== 2) return null;
        const lo = typeof v[0] === 'number' ? primitiveLiteral(v[0]) : null;
        const hi = typeof v[1] === 'number' ? primitiveLiteral(v[1]) : null;
        if (lo === null || hi === null) return null;
        return `(typeof ${f} === "number" ? ${f} >= ${lo} && ${f} <= ${hi} : ${this.constant(DOMAIN_OPERATORS.between)}(${f}, ${this.constant(v)}))`;
      }
      case 'contains':
        return lit === null ? null : `(Array.isArray(${f}) && ${f}.indexOf(${lit}) > -1)`;
      case 'doesNotContain':
        return lit === null ? null : `(Array.isArray(${f}) && ${f}.indexOf(${lit}) === -1)`;
      default:
        return null;
    }
  }

  /** `v.indexOf(f) > -1`: a chain of === for short lists, a Set (same answers without NaN) for long ones. */
  private membership(isIn: boolean, f: string, list: unknown[]): string {
    const lits = list.map(primitiveLiteral);
    if (lits.some((l) => l === null)) {
      return `(${this.constant(list)}.indexOf(${f}) ${isIn ? '> -1' : '=== -1'})`;
    }
    if (list.length === 0) return isIn ? 'false' : 'true';
    if (list.length <= INLINE_IN_MAX) {
      return `(${lits.map((l) => `${f} ${isIn ? '===' : '!=='} ${l}`).join(isIn ? ' || ' : ' && ')})`;
    }
    return `${isIn ? '' : '!'}${this.constant(new Set(list))}.has(${f})`;
  }

  private fact(name: string): string {
    let local = this.factLocals.get(name);
    if (!local) {
      local = `f${this.factLocals.size}`;
      this.factLocals.set(name, local);
    }
    return local;
  }

  private constant(v: unknown): string {
    let i = this.constantIndex.get(v);
    if (i === undefined) {
      i = this.constants.length;
      this.constants.push(v);
      this.constantIndex.set(v, i);
    }
    return `k${i}`;
  }
}

function readFact(name: string): string {
  const key = JSON.stringify(name);
  return isPrototypeName(name) ? `(pie.call(facts, ${key}) ? facts[${key}] : undefined)` : `facts[${key}]`;
}

/** Source text for a string, finite number, boolean or null; null when the value needs a constant slot. */
function primitiveLiteral(v: unknown): string | null {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? `(${JSON.stringify(v)})` : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  return null;
}
