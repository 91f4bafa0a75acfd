import type { Condition, RuleSetDocument, TopCondition } from '../../server/src/modules/rule-sets/rule-set';
import { resetIssues, takeIssues } from '../../server/src/modules/engine/issues';
import { compilePath } from '../../server/src/modules/engine/json-path';
import { resolveOperator } from '../../server/src/modules/engine/operator-registry';
import { Prng } from './prng';

/**
 * Random rule sets and facts for the differential suite. The fact universe is small and the value pools
 * overlap on purpose (numbers, numeric strings, null, missing facts, arrays, dates, nested objects), so that
 * conditions are true often enough and every coercion corner json-rules-engine has gets visited.
 */
export const AS_OF = '2025-06-30';

const NUMBERS = [-1, 0, 0.5, 1, 2, 3, 10, 100, 1e6];
const NUMERIC_LIKE = ['2', '10', ' 3', '3abc', 'abc', '', '0x10', 'Infinity', '1e3'];
const STRINGS = ['A', 'B', 'AB12', 'C3', '', '10', 'K64', 'K6411', 'undefined', 'null'];
const DATES = ['2025-06-30', '2025-06-01', '2025-04-01', '2024-12-31', '2025-07-15', '2025-06-30T23:30:00+08:00', '2025-06-29T10:00Z', '2024-02-30', 'not a date', '2025-6-1'];
const MISC: unknown[] = [null, true, false, [], [2], [1, 2], ['A'], {}, { x: 1 }];

const NUM_FACTS = ['n1', 'n2', 'n3'];
const STR_FACTS = ['s1', 's2'];
const ARR_FACTS = ['a1', 'a2'];
const DATE_FACTS = ['d1', 'd2'];
const OBJ_FACTS = ['o1'];
/** Names Object.prototype answers for: a missing fact with such a name must still be undefined. */
const PROTO_FACTS = ['constructor', 'toString', '__proto__'];
export const ALL_FACTS = [...NUM_FACTS, ...STR_FACTS, ...ARR_FACTS, ...DATE_FACTS, ...OBJ_FACTS, ...PROTO_FACTS, 'b1'];

const BASE_OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain', 'between', 'startsWith', 'before', 'after', 'withinDays'];
const DECORATORS = ['not', 'swap', 'someFact', 'everyFact', 'someValue', 'everyValue'];
const OBJ_PATHS = ['$.x', '$.y', '$.z.w', '$.list[*].v', '$.list[0].v', '$.y[1]', '$.y[*]', '$', '$.missing.deep', '$.list[*]'];
const ORDER = ['decline', 'refer', 'approve'];

export function scalar(rng: Prng): unknown {
  const r = rng.next();
  if (r < 0.35) return rng.pick(NUMBERS);
  if (r < 0.5) return rng.pick(NUMERIC_LIKE);
  if (r < 0.7) return rng.pick(STRINGS);
  if (r < 0.8) return rng.pick(DATES);
  return rng.pick(MISC);
}

function factValue(rng: Prng, name: string): unknown {
  if (rng.chance(0.12)) return scalar(rng);
  switch (name[0]) {
    case 'n':
      return rng.chance(0.75) ? rng.pick(NUMBERS) : rng.pick([...NUMERIC_LIKE, null, true, [3], [], '']);
    case 's':
      return rng.pick(STRINGS);
    case 'a': {
      if (rng.chance(0.1)) return [];
      const n = rng.int(1, 4);
      return Array.from({ length: n }, () => (rng.chance(0.6) ? rng.pick(NUMBERS.slice(0, 7)) : rng.pick(['A', 'B', '2', null])));
    }
    case 'd':
      return rng.pick(DATES);
    case 'o':
      return {
        x: rng.pick(NUMBERS),
        y: rng.chance(0.8) ? [rng.pick(NUMBERS), rng.pick(NUMBERS)] : 'yy',
        z: rng.chance(0.8) ? { w: scalar(rng) } : null,
        list: rng.chance(0.85) ? Array.from({ length: rng.int(0, 3) }, () => ({ v: rng.pick(NUMBERS.slice(0, 7)) })) : [],
      };
    case 'b':
      return rng.chance(0.8) ? rng.chance(0.5) : rng.pick(['true', 1, null]);
    default:
      return scalar(rng);
  }
}

/** A facts object; each fact is missing with some probability. Built through JSON so `__proto__` is an own key. */
export function generateFacts(rng: Prng): Record<string, unknown> {
  const parts: string[] = [];
  for (const name of ALL_FACTS) {
    const missing = PROTO_FACTS.includes(name) ? 0.7 : 0.15;
    if (rng.chance(missing)) continue;
    const v = factValue(rng, name);
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(v === undefined ? null : v)}`);
  }
  return JSON.parse(`{${parts.join(',')}}`) as Record<string, unknown>;
}

/**
 * Decorated operators. json-rules-engine throws (and rejects the whole run) for swap:in with a non-array fact and
 * for someValue/everyValue with a non-array value; those combinations are kept rare so most cases are compared
 * with the plain engine, while the rare ones exercise the lenient comparison (see oracle.ts).
 */
function operatorName(rng: Prng): string {
  const base = rng.pick(BASE_OPS);
  const decorators: string[] = [];
  const n = rng.chance(0.55) ? 0 : rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const d = rng.pick(DECORATORS);
    if (d === 'swap' && (base === 'in' || base === 'notIn') && !rng.chance(0.05)) continue;
    decorators.push(d);
  }
  return [...decorators, base].join(':');
}

function valueFor(rng: Prng, op: string): unknown {
  const base = op.split(':').pop() as string;
  const wantsArrayValue = op.includes('someValue:') || op.includes('everyValue:');
  const needsArray = wantsArrayValue || base === 'in' || base === 'notIn';
  if (rng.chance(0.1)) {
    if (needsArray && !rng.chance(0.05)) return rng.chance(0.7) ? { fact: rng.pick(ARR_FACTS) } : { fact: 'o1', path: rng.pick(['$.y', '$.list[*].v']) };
    return rng.chance(0.7) ? { fact: rng.pick(ALL_FACTS.slice(0, 10)) } : { fact: 'o1', path: rng.pick(OBJ_PATHS) };
  }
  const one = (): unknown => {
    switch (base) {
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        return rng.chance(0.8) ? rng.pick(NUMBERS) : scalar(rng);
      case 'in':
      case 'notIn':
        if (rng.chance(0.08)) return rng.pick(['AB12C', 'K6411', 'undefined']);
        if (rng.chance(0.005)) return scalar(rng);
        return Array.from({ length: rng.int(0, rng.chance(0.2) ? 12 : 4) }, () => scalar(rng));
      case 'between':
        return rng.chance(0.85) ? [rng.pick(NUMBERS), rng.pick(NUMBERS)] : rng.pick([[1], [1, 2, 3], '1-2', [null, 5], ['1', '10']]);
      case 'startsWith':
        return rng.chance(0.6) ? rng.pick(['A', 'K64', '', 'C', '1']) : [rng.pick(['A', 'K6', 'B']), rng.pick(['C', 'K641', 5])];
      case 'before':
      case 'after':
        return rng.chance(0.85) ? rng.pick(DATES) : scalar(rng);
      case 'withinDays':
        return rng.pick([0, 1, 30, 90, 365, -30, -1, '30', null]);
      default:
        return scalar(rng);
    }
  };
  if (wantsArrayValue && !rng.chance(0.01)) return Array.from({ length: rng.int(0, 3) }, one);
  return one();
}

function leaf(rng: Prng): Condition {
  for (;;) {
    const operator = operatorName(rng);
    const fact = rng.chance(0.15) ? 'o1' : rng.pick(ALL_FACTS);
    const c: Record<string, unknown> = { fact, operator, value: valueFor(rng, operator) };
    if (fact === 'o1' || rng.chance(0.05)) c.path = rng.pick(OBJ_PATHS);
    // One throwing leaf makes json-rules-engine reject the whole run: keep such leaves rare (see oracle.ts).
    if (!mayThrow(rng, c) || rng.chance(0.01)) return c as unknown as Condition;
  }
}

/** Would json-rules-engine throw on this leaf for some likely facts? Our operators report exactly those cases. */
function mayThrow(rng: Prng, c: Record<string, unknown>): boolean {
  const op = resolveOperator(c.operator as string);
  if (!op) return false;
  const sample = (name: string, path: unknown) => {
    const v = factValue(rng, name);
    const p = typeof path === 'string' ? compilePath(path) : null;
    return p ? p.resolve(v) : v;
  };
  const ref = c.value !== null && typeof c.value === 'object' && 'fact' in c.value ? (c.value as { fact: string; path?: string }) : null;
  resetIssues();
  for (let i = 0; i < 12; i++) {
    const left = rng.chance(0.15) ? undefined : sample(c.fact as string, c.path);
    const right = ref ? (rng.chance(0.15) ? undefined : sample(ref.fact, ref.path)) : c.value;
    op.fn(left, right, 0);
  }
  return takeIssues() !== null;
}

function condition(rng: Prng, depth: number, shared: string[]): Condition {
  if (shared.length && rng.chance(0.12)) return { condition: rng.pick(shared) };
  if (depth >= 4 || rng.chance(0.45)) return leaf(rng);
  return group(rng, depth, shared);
}

function group(rng: Prng, depth: number, shared: string[]): TopCondition {
  const r = rng.next();
  if (r < 0.15) return { not: condition(rng, depth + 1, shared) };
  const items = Array.from({ length: rng.int(0, 4) }, () => condition(rng, depth + 1, shared));
  return r < 0.6 ? { all: items } : { any: items };
}

function params(rng: Prng, i: number): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (rng.chance(0.7)) p.decision = rng.chance(0.95) ? rng.pick(ORDER) : 'bogus';
  if (rng.chance(0.5)) p.limit = rng.pick([100, 250, 1000, '5']);
  if (rng.chance(0.5)) p.tags = rng.chance(0.7) ? [rng.pick(['x', 'y', 'z'])] : rng.pick(['x', 'w']);
  if (rng.chance(0.6)) p.reason = { code: `R${i}`, zh: `原因${i}`, en: `reason ${i}` };
  return p;
}

/** A rule set of 2–12 rules, up to 4 shared conditions (each may use the earlier ones), nesting to depth 4. */
export function generateRuleSet(rng: Prng, id: number): RuleSetDocument {
  const conditions: Record<string, TopCondition> = {};
  const shared: string[] = [];
  for (let i = rng.int(0, 4); i > 0; i--) {
    const name = `shared${shared.length}`;
    conditions[name] = rng.chance(0.1) && shared.length ? { condition: rng.pick(shared) } : group(rng, 1, shared);
    shared.push(name);
  }
  const rules = Array.from({ length: rng.int(2, 12) }, (_, i) => ({
    name: `rule${i}`,
    priority: rng.pick([1, 1, 2, 3, 5, 10]),
    conditions: group(rng, 0, shared),
    event: rng.chance(0.9) ? { type: rng.pick(['decision', 'tag']), params: params(rng, i) } : { type: 'bare' },
  }));
  return {
    key: `gen-${id}`,
    family: 'credit-policy',
    name: { zh: `生成${id}`, en: `generated ${id}` },
    outputs: {
      decision: { type: 'string', merge: 'worst', order: ORDER, default: 'approve' },
      limit: { type: 'number', merge: 'min' },
      tags: { type: 'array', merge: 'union' },
    },
    conditions,
    rules,
  };
}
