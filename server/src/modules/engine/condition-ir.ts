import type { FieldError } from '../../shared/errors';
import { compilePath, type CompiledPath } from './json-path';
import { resolveOperator, type ResolvedOperator } from './operator-registry';

/**
 * The compiler's intermediate form of a condition tree: validated, shared condition references resolved to the
 * one node they name (so the tree is a DAG), operators resolved to functions, paths compiled. Every evaluator
 * (generated code, closures, trace) is built from this, so they cannot disagree about what a document means.
 */
export type Expr = GroupExpr | NotExpr | RefExpr | LeafExpr;

export interface GroupExpr {
  kind: 'all' | 'any';
  items: Expr[];
  height: number;
  size: number;
}
export interface NotExpr {
  kind: 'not';
  item: Expr;
  height: number;
  size: number;
}
export interface RefExpr {
  kind: 'ref';
  name: string;
  target: Expr;
  height: number;
  size: number;
}
export interface LeafExpr {
  kind: 'leaf';
  fact: string;
  path: CompiledPath | null;
  operator: ResolvedOperator;
  value: ValueExpr;
  height: 1;
  size: 1;
}
export type ValueExpr = { kind: 'literal'; value: unknown } | { kind: 'fact'; fact: string; path: CompiledPath | null };

/** Deeper trees than this are refused: nothing authored by people nests so deep, and generated code must stay parseable. */
export const MAX_DEPTH = 64;
/**
 * Shared conditions referencing each other can describe trees exponentially larger than the document
 * (a → b b → c c …). Every evaluator expands them, so the expanded size is capped to keep compile time bounded.
 */
export const MAX_EXPANDED_NODES = 250_000;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,79}$/;

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Compiles condition trees of one document; shared conditions are compiled once, on first reference. */
export class ConditionCompiler {
  private readonly done = new Map<string, Expr>();
  private readonly visiting = new Set<string>();
  private readonly failed = new Set<string>();
  readonly facts = new Set<string>();
  usesAsOf = false;

  constructor(
    private readonly shared: Record<string, unknown>,
    private readonly errors: FieldError[],
  ) {}

  /** Compiles every shared condition, referenced or not, so a broken one is reported even before anyone uses it. */
  allShared(): void {
    for (const name of Object.keys(this.shared)) this.sharedCondition(name, `/conditions/${escapePointer(name)}`);
  }

  /** A rule's or shared condition's root: json-rules-engine requires all, any, not or condition there. */
  root(node: unknown, pointer: string): Expr | null {
    if (!isObject(node) || !(has(node, 'all') || has(node, 'any') || has(node, 'not') || has(node, 'condition'))) {
      return this.fail(pointer, 'must start with all, any, not or condition');
    }
    return this.node(node, pointer, 0);
  }

  private sharedCondition(name: string, pointer: string): Expr | null {
    const cached = this.done.get(name);
    if (cached) return cached;
    if (this.failed.has(name)) return null;
    if (this.visiting.has(name)) return this.fail(pointer, `shared condition "${name}" refers to itself through a cycle`);
    if (!has(this.shared, name)) return this.fail(pointer, `there is no shared condition named "${name}"`);
    // Each shared condition being compiled is one level of nesting: this also bounds our own recursion.
    if (this.visiting.size >= MAX_DEPTH) return this.fail(pointer, `shared conditions refer to each other more than ${MAX_DEPTH} deep`);
    this.visiting.add(name);
    const expr = this.root(this.shared[name], `/conditions/${escapePointer(name)}`);
    this.visiting.delete(name);
    if (expr) this.done.set(name, expr);
    // Report a broken shared condition once, not once per reference.
    else this.failed.add(name);
    return expr;
  }

  private node(node: unknown, pointer: string, depth: number): Expr | null {
    if (depth >= MAX_DEPTH) return this.fail(pointer, `conditions are nested more than ${MAX_DEPTH} deep`);
    if (!isObject(node)) return this.fail(pointer, 'a condition must be an object');
    // The same precedence as json-rules-engine's Condition constructor: any, then all, then not, then a reference.
    if (has(node, 'any')) return this.group('any', node.any, `${pointer}/any`, depth);
    if (has(node, 'all')) return this.group('all', node.all, `${pointer}/all`, depth);
    if (has(node, 'not')) {
      if (Array.isArray(node.not)) return this.fail(`${pointer}/not`, '"not" takes one condition, not an array');
      const item = this.node(node.not, `${pointer}/not`, depth + 1);
      return item && this.sized({ kind: 'not', item, height: item.height + 1, size: item.size + 1 }, pointer);
    }
    if (has(node, 'condition')) return this.reference(node.condition, `${pointer}/condition`, depth);
    return this.leaf(node, pointer);
  }

  private group(kind: 'all' | 'any', list: unknown, pointer: string, depth: number): Expr | null {
    if (!Array.isArray(list)) return this.fail(pointer, `"${kind}" must be an array`);
    const items: Expr[] = [];
    let ok = true;
    list.forEach((c, i) => {
      const e = this.node(c, `${pointer}/${i}`, depth + 1);
      if (e) items.push(e);
      else ok = false;
    });
    if (!ok) return null;
    const height = 1 + items.reduce((h, e) => Math.max(h, e.height), 0);
    const size = 1 + items.reduce((s, e) => s + e.size, 0);
    return this.sized({ kind, items, height, size }, pointer);
  }

  private reference(name: unknown, pointer: string, depth: number): Expr | null {
    if (typeof name !== 'string' || !IDENTIFIER.test(name)) return this.fail(pointer, 'must name a shared condition');
    const target = this.sharedCondition(name, pointer);
    if (!target) return null;
    if (depth + target.height >= MAX_DEPTH) return this.fail(pointer, `conditions are nested more than ${MAX_DEPTH} deep once "${name}" is expanded`);
    return this.sized({ kind: 'ref', name, target, height: target.height + 1, size: target.size + 1 }, pointer);
  }

  private leaf(node: Record<string, unknown>, pointer: string): LeafExpr | null {
    const before = this.errors.length;
    const fact = this.factName(node.fact, `${pointer}/fact`);
    const path = this.path(node, pointer);
    let operator: ResolvedOperator | null = null;
    if (typeof node.operator !== 'string') this.fail(`${pointer}/operator`, 'an operator is required');
    else {
      operator = resolveOperator(node.operator);
      if (!operator) this.fail(`${pointer}/operator`, `unknown operator "${node.operator}"`);
      else if (operator.parsed.base === 'withinDays') this.usesAsOf = true;
    }
    if (!has(node, 'value')) this.fail(`${pointer}/value`, 'a value is required');
    const value = this.value(node.value, `${pointer}/value`);
    if (this.errors.length > before || fact === null || operator === null || value === null) return null;
    return { kind: 'leaf', fact, path, operator, value, height: 1, size: 1 };
  }

  /** json-rules-engine treats any object value with an own `fact` key as a reference to that fact. */
  private value(v: unknown, pointer: string): ValueExpr | null {
    if (isObject(v) && has(v, 'fact')) {
      const fact = this.factName(v.fact, `${pointer}/fact`);
      const path = this.path(v, pointer);
      return fact === null ? null : { kind: 'fact', fact, path };
    }
    return { kind: 'literal', value: v };
  }

  private factName(v: unknown, pointer: string): string | null {
    if (typeof v !== 'string' || !IDENTIFIER.test(v)) return this.fail(pointer, 'a fact name must be an identifier (letters, digits, _)');
    this.facts.add(v);
    return v;
  }

  /** An absent or empty path means none, as in the almanac (`if (path)`). */
  private path(node: Record<string, unknown>, pointer: string): CompiledPath | null {
    if (!has(node, 'path') || node.path === '' || node.path === undefined) return null;
    const compiled = typeof node.path === 'string' ? compilePath(node.path) : null;
    if (!compiled) this.fail(`${pointer}/path`, 'a path must look like $.a.b, $.a[0] or $.a[*].b');
    return compiled;
  }

  private sized<T extends Expr>(e: T, pointer: string): T | null {
    if (e.size > MAX_EXPANDED_NODES) return this.fail(pointer, `conditions expand to more than ${MAX_EXPANDED_NODES} nodes`);
    return e;
  }

  private fail(pointer: string, message: string): null {
    this.errors.push({ pointer, message });
    return null;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
