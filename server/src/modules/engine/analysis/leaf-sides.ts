import type { LeafCondition } from '../../rule-sets/rule-set';
import { parseOperatorName, type DecoratorName } from '../decorators';
import { OPERATORS, type OperatorInfo } from '../operator-catalog';
import { elementKind, type FactIndex, type FactKind } from './fact-index';
import { issue, type Issue } from './issue';
import { isFactRef, pathOf } from './walk';

/** One literal the operator will compare with, and where it is written. */
export interface ValueItem {
  value: unknown;
  pointer: string;
}

/** What the base operator sees on its left: the fact (or, under someFact/everyFact, one of its items). */
export interface FactSide {
  /** null: not known (an unknown fact, a path into the fact, an item of a list of unknown items). */
  kind: FactKind | null;
  enum?: readonly unknown[];
  label: string;
}

/** What it sees on its right: literals, another fact, or something we cannot type. */
export type ValueSide =
  | { kind: 'literals'; items: ValueItem[]; listed: boolean }
  | { kind: 'ref'; fact: string; factKind: FactKind | null; pointer: string }
  | { kind: 'unknown' };

export interface LeafSides {
  base: OperatorInfo;
  decorators: DecoratorName[];
  fact: FactSide;
  value: ValueSide;
  /** Problems of the decorators themselves (someFact on a number, someValue with a scalar). */
  decoratorIssues: Issue[];
  /** After `swap` the sides trade places; we stop checking types there rather than guess. */
  swapped: boolean;
}

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

export function operatorInfo(name: string): OperatorInfo | undefined {
  return BY_NAME.get(name);
}

/**
 * Works out what the base operator of a leaf compares, peeling the decorators from the outside in, the way the
 * engine composes them (decorators.ts): someFact/everyFact hand the operator one item of the fact, someValue/
 * everyValue one item of the value. Returns null when the operator is not one we know.
 */
export function leafSides(leaf: LeafCondition, pointer: string, facts: FactIndex): LeafSides | null {
  if (typeof leaf.operator !== 'string') return null;
  const parsed = parseOperatorName(leaf.operator);
  const base = parsed && operatorInfo(parsed.base);
  if (!parsed || !base) return null;

  const known = pathOf(leaf) ? undefined : facts.get(leaf.fact);
  let fact: FactSide = { kind: known?.kind ?? null, enum: known?.enum, label: pathOf(leaf) ? `${leaf.fact} ${pathOf(leaf)}` : leaf.fact };
  let value: ValueSide;
  if (isFactRef(leaf.value)) {
    const ref = pathOf(leaf.value) ? undefined : facts.get(leaf.value.fact);
    value = { kind: 'ref', fact: leaf.value.fact, factKind: ref?.kind ?? null, pointer: `${pointer}/value` };
  } else value = { kind: 'literals', items: [{ value: leaf.value, pointer: `${pointer}/value` }], listed: false };

  const decoratorIssues: Issue[] = [];
  const op = `${pointer}/operator`;
  let swapped = false;
  for (const d of parsed.decorators) {
    if (d === 'not') continue;
    if (d === 'swap') {
      swapped = true;
      break;
    }
    if (d === 'someFact' || d === 'everyFact') {
      if (fact.kind !== null && fact.kind !== 'array')
        decoratorIssues.push(issue('type_mismatch', op, `${d} looks at each item of a list, but ${fact.label} is ${article(fact.kind)}; the condition is never true`));
      const itemKind = fact.kind === 'array' ? elementKind(fact.enum) : null;
      fact = { kind: itemKind, enum: fact.kind === 'array' ? fact.enum : undefined, label: `an item of ${fact.label}` };
      continue;
    }
    // someValue / everyValue
    if (value.kind === 'literals') {
      const single: ValueItem | undefined = value.items.length === 1 && !value.listed ? value.items[0] : undefined;
      if (single && Array.isArray(single.value)) {
        value = { kind: 'literals', items: single.value.map((v: unknown, i: number) => ({ value: v, pointer: `${single.pointer}/${i}` })), listed: true };
        continue;
      }
      if (single) decoratorIssues.push(issue('invalid_value', single.pointer, `${d} compares with each item of a list, so the value must be a list; it is ${describeLiteral(single.value)}`));
    } else if (value.kind === 'ref' && value.factKind !== null && value.factKind !== 'array') {
      decoratorIssues.push(issue('type_mismatch', value.pointer, `${d} compares with each item of a list, but fact ${value.fact} is ${article(value.factKind)}`));
    }
    value = { kind: 'unknown' };
  }
  return { base, decorators: parsed.decorators, fact, value, decoratorIssues, swapped };
}

export function article(kind: FactKind): string {
  return kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : kind === 'integer' ? 'an integer' : `a ${kind}`;
}

/** "the string \"abc\"", "the number 3", "true", "null", "a list", "an object". */
export function describeLiteral(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}…` : v)}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  return `the ${typeof v} ${String(v)}`;
}
