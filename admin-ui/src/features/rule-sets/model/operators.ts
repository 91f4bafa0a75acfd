/**
 * Which operators fit which fact type, and what their value looks like. Mirrors the server's operator catalog
 * (server/src/modules/engine/operator-catalog.ts), which is not exposed over HTTP yet; the server stays the
 * authority and refuses an unknown operator on save. Labels live in i18n (`ruleSets.operators.<name>`).
 */

export type FactKind = 'number' | 'string' | 'boolean' | 'date' | 'array' | 'object' | 'unknown';

export type ValueShape =
  | 'same-as-fact' // a scalar of the fact's type
  | 'number'
  | 'list' // is one of / is none of: a list of scalars
  | 'scalar' // one element of an array fact
  | 'number-range' // [low, high]
  | 'prefix' // a string (or a list of strings)
  | 'date' // an ISO date
  | 'days'; // a whole number of days

export interface OperatorInfo {
  name: string;
  value: ValueShape;
}

export const OPERATORS: Record<string, OperatorInfo> = {
  equal: { name: 'equal', value: 'same-as-fact' },
  notEqual: { name: 'notEqual', value: 'same-as-fact' },
  lessThan: { name: 'lessThan', value: 'number' },
  lessThanInclusive: { name: 'lessThanInclusive', value: 'number' },
  greaterThan: { name: 'greaterThan', value: 'number' },
  greaterThanInclusive: { name: 'greaterThanInclusive', value: 'number' },
  between: { name: 'between', value: 'number-range' },
  in: { name: 'in', value: 'list' },
  notIn: { name: 'notIn', value: 'list' },
  startsWith: { name: 'startsWith', value: 'prefix' },
  before: { name: 'before', value: 'date' },
  after: { name: 'after', value: 'date' },
  withinDays: { name: 'withinDays', value: 'days' },
  contains: { name: 'contains', value: 'scalar' },
  doesNotContain: { name: 'doesNotContain', value: 'scalar' },
};

/** The operators offered for a fact of each kind, in the order a credit officer would look for them. */
const BY_KIND: Record<FactKind, string[]> = {
  number: ['greaterThan', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive', 'equal', 'notEqual', 'between', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn', 'startsWith'],
  boolean: ['equal', 'notEqual'],
  date: ['before', 'after', 'withinDays'],
  array: ['contains', 'doesNotContain'],
  object: ['equal', 'notEqual'],
  unknown: Object.keys(OPERATORS),
};

export function operatorsFor(kind: FactKind): string[] {
  return BY_KIND[kind];
}

/** json-rules-engine v7 decorators prefix an operator (`not:in`, `someFact:equal`); the builder keeps them as they are. */
const DECORATOR = /^((?:someFact|everyFact|someValue|everyValue|not|swap):)+/;

export function splitOperator(operator: string): { decorators: string; base: string } {
  const m = DECORATOR.exec(operator);
  return m ? { decorators: m[0], base: operator.slice(m[0].length) } : { decorators: '', base: operator };
}

export function valueShape(operator: string): ValueShape {
  return OPERATORS[splitOperator(operator).base]?.value ?? 'same-as-fact';
}

/** A starting value when the operator (or the fact) changes and the old value no longer fits. */
export function defaultValue(shape: ValueShape, kind: FactKind): unknown {
  switch (shape) {
    case 'number':
    case 'days':
      return 0;
    case 'number-range':
      return [0, 0];
    case 'list':
      return [];
    case 'date':
      return '';
    case 'prefix':
    case 'scalar':
      return '';
    case 'same-as-fact':
      if (kind === 'number') return 0;
      if (kind === 'boolean') return true;
      return '';
  }
}

/** Whether `value` already has the form the operator needs (then it is kept across an operator change). */
export function valueFits(shape: ValueShape, value: unknown): boolean {
  if (isFactRef(value)) return shape !== 'list' && shape !== 'number-range';
  switch (shape) {
    case 'number':
    case 'days':
      return typeof value === 'number';
    case 'number-range':
      return Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number');
    case 'list':
      return Array.isArray(value);
    case 'date':
    case 'prefix':
      return typeof value === 'string';
    case 'scalar':
    case 'same-as-fact':
      return value === null || ['string', 'number', 'boolean'].includes(typeof value);
  }
}

export function isFactRef(value: unknown): value is { fact: string; path?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string';
}
