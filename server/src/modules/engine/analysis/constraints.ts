import { canonicalJson } from '../../../shared/canonical-json';
import type { Condition, LeafCondition, RuleSetDocument } from '../../rule-sets/rule-set';
import { toInstant } from '../dates';
import { resetIssues } from '../issues';
import { resolveOperator } from '../operator-registry';
import { conditionKey, describeLeaf, escapePointer, isFactRef, pathOf, sharedCondition } from './walk';

/**
 * Reasoning about what a condition tree allows, for the unreachable- and shadowed-rule checks.
 *
 * A tree is expanded into disjunctive normal form: a list of alternatives, each a conjunction of leaves (possibly
 * negated). Negation is pushed down to the leaves (De Morgan holds: every condition is true or false). The
 * reasoning is sound, never complete: it says "contradictory" or "implies" only when that holds for every
 * possible facts object under json-rules-engine's semantics, and otherwise says nothing. In particular:
 *   - a negated comparison is not its opposite (`not x > 5` also holds when x is missing), so negated leaves
 *     take part only exactly: as `x !== v`, `x not in [...]`, or as the negation of an identical leaf;
 *   - when an alternative pins a fact to a few values (`equal`, `in`), every other leaf on that fact is
 *     evaluated on those values with the engine's own operator functions, decorators and all — exact;
 *   - otherwise only plain numeric comparisons with number literals (one interval per fact) and before/after
 *     with ISO dates (one interval of instants) are combined. Numeric-string literals are left out because
 *     JavaScript compares two strings as text.
 * Trees whose expansion has more than MAX_ALTERNATIVES alternatives, or more than MAX_LITERALS leaves in all, are
 * not analysed.
 */
export const MAX_ALTERNATIVES = 256;
export const MAX_LITERALS = 4096;

export interface Literal {
  leaf: LeafCondition;
  pointer: string;
  negated: boolean;
  /** What the leaf means (labels removed), for spotting `A` and `not A`. */
  key: string;
  /** The fact and path it reads. */
  subject: string;
}

export type Alternative = Literal[];

/** The alternatives of a condition tree, or null when it is too large or refers to shared conditions in a cycle. */
export function alternatives(doc: RuleSetDocument, c: Condition, pointer: string): Alternative[] | null {
  try {
    return dnf(doc, c, pointer, false, []);
  } catch (e) {
    if (e === TOO_BIG) return null;
    throw e;
  }
}

const TOO_BIG = Symbol('too big');

function dnf(doc: RuleSetDocument, c: Condition, ptr: string, neg: boolean, stack: string[]): Alternative[] {
  if (stack.length > 64 || c === null || typeof c !== 'object') throw TOO_BIG;
  if ('all' in c || 'any' in c) {
    const isAll = 'all' in c;
    const items = (isAll ? (c as { all: Condition[] }).all : (c as { any: Condition[] }).any) ?? [];
    const parts = items.map((x, i) => dnf(doc, x, `${ptr}/${isAll ? 'all' : 'any'}/${i}`, neg, stack));
    // all (or a negated any) is a conjunction; any (or a negated all) a disjunction. Empty all/any are true.
    if (items.length === 0) return neg ? [] : [[]];
    return isAll !== neg ? product(parts) : union(parts);
  }
  if ('not' in c) return dnf(doc, c.not, `${ptr}/not`, !neg, stack);
  if ('condition' in c) {
    const target = sharedCondition(doc, c.condition);
    if (!target || stack.includes(c.condition)) throw TOO_BIG;
    return dnf(doc, target, `/conditions/${escapePointer(c.condition)}`, neg, [...stack, c.condition]);
  }
  const leaf = c as LeafCondition;
  return [[{ leaf, pointer: ptr, negated: neg, ...leafIdentity(leaf) }]];
}

interface LeafIdentity {
  key: string;
  subject: string;
  /** `+key` and `-key`, as IndexedAlternative.keys holds them. */
  plus: string;
  minus: string;
}

const identities = new WeakMap<LeafCondition, LeafIdentity>();

/** A leaf's meaning and subject, computed once per leaf object (the shadow check asks for them many times). */
function leafIdentity(leaf: LeafCondition): LeafIdentity {
  let id = identities.get(leaf);
  if (!id) {
    const key = conditionKey(leaf);
    identities.set(leaf, (id = { key, subject: subjectOf(leaf), plus: `+${key}`, minus: `-${key}` }));
  }
  return id;
}

function product(parts: Alternative[][]): Alternative[] {
  let acc: Alternative[] = [[]];
  for (const p of parts) {
    // Each pair (a, b) becomes one alternative of |a| + |b| leaves.
    if (acc.length * p.length > MAX_ALTERNATIVES || p.length * size(acc) + acc.length * size(p) > MAX_LITERALS) throw TOO_BIG;
    acc = acc.flatMap((a) => p.map((b) => [...a, ...b]));
  }
  return acc;
}

function union(parts: Alternative[][]): Alternative[] {
  const out = parts.flat();
  if (out.length > MAX_ALTERNATIVES || size(out) > MAX_LITERALS) throw TOO_BIG;
  return out;
}

/** Leaves in all of the alternatives. */
export function size(alts: readonly Alternative[]): number {
  let n = 0;
  for (const a of alts) n += a.length;
  return n;
}

export function subjectOf(leaf: LeafCondition): string {
  return `${leaf.fact}\u0000${pathOf(leaf)}\u0000${leaf.params ? canonicalJson(leaf.params) : ''}`;
}

/** Why an alternative can never hold: the leaves that contradict each other. */
export interface Conflict {
  pointers: string[];
  message: string;
}

const COMPARISON: Record<string, { lower: boolean; inclusive: boolean }> = {
  greaterThan: { lower: true, inclusive: false },
  greaterThanInclusive: { lower: true, inclusive: true },
  lessThan: { lower: false, inclusive: false },
  lessThanInclusive: { lower: false, inclusive: true },
};

interface Bound {
  value: number;
  inclusive: boolean;
  literal: Literal;
}

interface Interval {
  lo?: Bound;
  hi?: Bound;
}

/** What one alternative says about one fact (and path). */
interface Subject {
  literals: Literal[];
  /** The values the fact can still take when some leaf pins it to a list, after every other leaf filtered them. */
  candidates?: unknown[];
  /** The leaf that pinned it, and those that struck values out. */
  pinnedBy?: Literal;
  eliminators?: Literal[];
  numbers: Interval;
  dates: Interval;
}

export function summarize(alt: Alternative): Map<string, Subject> {
  const out = new Map<string, Subject>();
  for (const lit of alt) {
    let s = out.get(lit.subject);
    if (!s) out.set(lit.subject, (s = { literals: [], numbers: {}, dates: {} }));
    s.literals.push(lit);
  }
  for (const s of out.values()) {
    pin(s);
    if (s.candidates) continue;
    for (const lit of s.literals) {
      if (lit.negated || plainOperator(lit.leaf) === null) continue;
      const op = lit.leaf.operator;
      const v = lit.leaf.value;
      const cmp = COMPARISON[op];
      if (cmp && isFiniteNumber(v)) tighten(s.numbers, cmp.lower, { value: v, inclusive: cmp.inclusive, literal: lit });
      else if (op === 'between' && Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1])) {
        tighten(s.numbers, true, { value: v[0], inclusive: true, literal: lit });
        tighten(s.numbers, false, { value: v[1], inclusive: true, literal: lit });
      } else if ((op === 'before' || op === 'after') && toInstant(v) !== null)
        tighten(s.dates, op === 'after', { value: toInstant(v) as number, inclusive: false, literal: lit });
    }
  }
  return out;
}

/** A leaf's operator when it has no decorators and compares with a literal; null otherwise. */
function plainOperator(leaf: LeafCondition): string | null {
  return typeof leaf.operator === 'string' && !leaf.operator.includes(':') && !isFactRef(leaf.value) ? leaf.operator : null;
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

/** The finite list of values a literal pins its fact to, if it does (x === v, x in [...], and their negated opposites). */
function pinnedValues(lit: Literal): unknown[] | null {
  const op = plainOperator(lit.leaf);
  const v = lit.leaf.value;
  if ((op === 'equal' && !lit.negated) || (op === 'notEqual' && lit.negated)) return isPrimitive(v) ? [v] : [];
  if (((op === 'in' && !lit.negated) || (op === 'notIn' && lit.negated)) && Array.isArray(v)) return [...new Set(v.filter(isPrimitive))];
  return null;
}

function pin(s: Subject): void {
  let best: { lit: Literal; values: unknown[] } | undefined;
  for (const lit of s.literals) {
    const values = pinnedValues(lit);
    if (values && (!best || values.length < best.values.length)) best = { lit, values };
  }
  if (!best) return;
  let candidates = best.values;
  const eliminators: Literal[] = [];
  for (const lit of s.literals) {
    if (lit === best.lit) continue;
    const kept = candidates.filter((c) => holds(lit, c) !== false);
    if (kept.length < candidates.length) eliminators.push(lit);
    candidates = kept;
  }
  s.candidates = candidates;
  s.pinnedBy = best.lit;
  s.eliminators = eliminators;
}

/** Whether a literal holds when its fact (at its path) is `value`; undefined when that cannot be told statically. */
export function holds(lit: Literal, value: unknown): boolean | undefined {
  if (isFactRef(lit.leaf.value) || typeof lit.leaf.operator !== 'string') return undefined;
  const op = resolveOperator(lit.leaf.operator);
  if (!op || op.parsed.base === 'withinDays') return undefined;
  try {
    return op.fn(value, lit.leaf.value, 0) !== lit.negated;
  } finally {
    // The operators report absorbed type errors to a per-evaluation sink; these are not an evaluation's.
    resetIssues();
  }
}

function tighten(iv: Interval, lower: boolean, b: Bound): void {
  const cur = lower ? iv.lo : iv.hi;
  const tighter = !cur || (lower ? b.value > cur.value : b.value < cur.value) || (b.value === cur.value && !b.inclusive && cur.inclusive);
  if (tighter) {
    if (lower) iv.lo = b;
    else iv.hi = b;
  }
}

function emptyInterval(iv: Interval): boolean {
  if (!iv.lo || !iv.hi) return false;
  return iv.lo.value > iv.hi.value || (iv.lo.value === iv.hi.value && !(iv.lo.inclusive && iv.hi.inclusive));
}

/** Null when the alternative may hold (as far as we can tell), else the leaves that contradict each other. */
export function conflictOf(alt: Alternative): Conflict | null {
  const positives = new Map<string, Literal>();
  for (const lit of alt) if (!lit.negated) positives.set(lit.key, lit);
  for (const lit of alt) {
    const same = lit.negated ? positives.get(lit.key) : undefined;
    if (same) return { pointers: [same.pointer, lit.pointer], message: `${describeLeaf(same.leaf)} is required both to hold and not to hold` };
  }
  for (const s of summarize(alt).values()) {
    if (s.candidates && s.candidates.length === 0) {
      const by = s.pinnedBy as Literal;
      const others = s.eliminators ?? [];
      const values = pinnedValues(by) ?? [];
      const what = values.length ? `${describeLiteral(by)} allows only ${values.map((v) => JSON.stringify(v)).join(', ')}` : `${describeLiteral(by)} never holds (=== with a list or object)`;
      return { pointers: [by.pointer, ...others.map((o) => o.pointer)], message: others.length ? `${what}, which ${others.map(describeLiteral).join(' and ')} rule${others.length === 1 ? 's' : ''} out` : what };
    }
    for (const [iv, unit] of [[s.numbers, ''], [s.dates, ' (dates)']] as const) {
      if (!emptyInterval(iv)) continue;
      const lo = (iv.lo as Bound).literal;
      const hi = (iv.hi as Bound).literal;
      return lo === hi
        ? { pointers: [lo.pointer], message: `${describeLiteral(lo)} is an empty range` }
        : { pointers: [lo.pointer, hi.pointer], message: `${describeLiteral(lo)} and ${describeLiteral(hi)} cannot both hold${unit}` };
    }
    if ((s.numbers.lo || s.numbers.hi) && (s.dates.lo || s.dates.hi)) {
      const n = (s.numbers.lo ?? s.numbers.hi) as Bound;
      const d = (s.dates.lo ?? s.dates.hi) as Bound;
      return { pointers: [n.literal.pointer, d.literal.pointer], message: `${describeLiteral(n.literal)} needs a number and ${describeLiteral(d.literal)} a date` };
    }
  }
  return null;
}

function describeLiteral(lit: Literal): string {
  return lit.negated ? `not (${describeLeaf(lit.leaf)})` : describeLeaf(lit.leaf);
}

/** One alternative with what `implies` looks up in it, built once. */
export interface IndexedAlternative {
  alt: Alternative;
  summary: Map<string, Subject>;
  /** `+key` / `-key` of its literals. */
  keys: Set<string>;
  subjects: Set<string>;
}

export function indexAlternative(alt: Alternative): IndexedAlternative {
  return {
    alt,
    summary: summarize(alt),
    keys: new Set(alt.map((l) => `${l.negated ? '-' : '+'}${l.key}`)),
    subjects: new Set(alt.map((l) => l.subject)),
  };
}

/**
 * Does every facts object for which the alternative holds also satisfy condition `c`? True only when that is
 * certain; false means "not shown". Every leaf of `c` that the proof uses reads a subject of the alternative.
 */
export function implies(doc: RuleSetDocument, indexed: IndexedAlternative, c: Condition): boolean {
  const { keys, summary } = indexed;
  const go = (node: Condition, neg: boolean, stack: string[]): boolean => {
    if (stack.length > 64 || node === null || typeof node !== 'object') return false;
    if ('all' in node || 'any' in node) {
      const isAll = 'all' in node;
      const items = (isAll ? (node as { all: Condition[] }).all : (node as { any: Condition[] }).any) ?? [];
      if (items.length === 0) return !neg;
      return isAll !== neg ? items.every((x) => go(x, neg, stack)) : items.some((x) => go(x, neg, stack));
    }
    if ('not' in node) return go(node.not, !neg, stack);
    if ('condition' in node) {
      const target = sharedCondition(doc, node.condition);
      return !!target && !stack.includes(node.condition) && go(target, neg, [...stack, node.condition]);
    }
    const leaf = node as LeafCondition;
    const id = leafIdentity(leaf);
    if (keys.has(neg ? id.minus : id.plus)) return true;
    const s = summary.get(id.subject);
    if (!s) return false;
    if (s.candidates) {
      const lit: Literal = { leaf, pointer: '', negated: neg, key: id.key, subject: id.subject };
      return s.candidates.every((v) => holds(lit, v) === true);
    }
    if (neg) return false;
    const range = rangeOf(leaf);
    return range !== null && within(range.dates ? s.dates : s.numbers, range.interval);
  };
  return go(c, false, []);
}

const ranges = new WeakMap<LeafCondition, { dates: boolean; interval: Interval } | null>();

/** The interval a plain comparison, between, before or after allows, or null for any other leaf. Cached per leaf. */
function rangeOf(leaf: LeafCondition): { dates: boolean; interval: Interval } | null {
  if (ranges.has(leaf)) return ranges.get(leaf) ?? null;
  let out: { dates: boolean; interval: Interval } | null = null;
  if (plainOperator(leaf) !== null) {
    const lit: Literal = { leaf, pointer: '', negated: false, ...leafIdentity(leaf) };
    const interval: Interval = {};
    const v = leaf.value;
    const cmp = COMPARISON[leaf.operator];
    if (cmp && isFiniteNumber(v)) {
      tighten(interval, cmp.lower, { value: v, inclusive: cmp.inclusive, literal: lit });
      out = { dates: false, interval };
    } else if (leaf.operator === 'between' && Array.isArray(v) && v.length === 2 && isFiniteNumber(v[0]) && isFiniteNumber(v[1])) {
      tighten(interval, true, { value: v[0], inclusive: true, literal: lit });
      tighten(interval, false, { value: v[1], inclusive: true, literal: lit });
      out = { dates: false, interval };
    } else if ((leaf.operator === 'before' || leaf.operator === 'after') && toInstant(v) !== null) {
      tighten(interval, leaf.operator === 'after', { value: toInstant(v) as number, inclusive: false, literal: lit });
      out = { dates: true, interval };
    }
  }
  ranges.set(leaf, out);
  return out;
}

/** inner ⊆ outer, where inner comes from at least one leaf (so the fact is known to be a number, or a date). */
function within(inner: Interval, outer: Interval): boolean {
  if (!inner.lo && !inner.hi) return false;
  const loOk = !outer.lo || (!!inner.lo && (inner.lo.value > outer.lo.value || (inner.lo.value === outer.lo.value && (outer.lo.inclusive || !inner.lo.inclusive))));
  const hiOk = !outer.hi || (!!inner.hi && (inner.hi.value < outer.hi.value || (inner.hi.value === outer.hi.value && (outer.hi.inclusive || !inner.hi.inclusive))));
  return loOk && hiOk;
}
