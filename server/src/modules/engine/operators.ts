import { numericCompare, stringIndexOf } from './coercion';
import { reportOperatorTypeError } from './issues';

/** An operator as json-rules-engine defines one: the fact value (left) against the condition's value (right). */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

/**
 * json-rules-engine 7.3.1's default operators (src/engine-default-operators.js) with identical results, except
 * where its callback throws: there we answer false and report a warning (see coercion.ts). Each comment names
 * the throw we absorb.
 */

export const equal: OperatorFn = (a, b) => a === b;
export const notEqual: OperatorFn = (a, b) => a !== b;

/** `b.indexOf(a) > -1`: an array is searched with ===, a string for the substring String(a). Anything else threw. */
export const inOperator: OperatorFn = (a, b) => {
  if (Array.isArray(b)) return b.indexOf(a) > -1;
  if (typeof b === 'string') return stringIndexOf('in', b, a) > -1;
  reportOperatorTypeError('in', `the value must be an array or a string; it was ${describe(b)}`);
  return false;
};

/** `b.indexOf(a) === -1`; where json-rules-engine threw we answer false, like every other failed operator. */
export const notInOperator: OperatorFn = (a, b) => {
  if (Array.isArray(b)) return b.indexOf(a) === -1;
  if (typeof b === 'string') return stringIndexOf('notIn', b, a) === -1;
  reportOperatorTypeError('notIn', `the value must be an array or a string; it was ${describe(b)}`);
  return false;
};

/** Its validator is Array.isArray(fact): a string fact never "contains" (no substring search). */
export const contains: OperatorFn = (a, b) => Array.isArray(a) && a.indexOf(b) > -1;
/** Same validator: a missing or non-array fact makes doesNotContain false, not true. */
export const doesNotContain: OperatorFn = (a, b) => Array.isArray(a) && a.indexOf(b) === -1;

export const lessThan: OperatorFn = (a, b) => numericCompare(a, b, 0);
export const lessThanInclusive: OperatorFn = (a, b) => numericCompare(a, b, 1);
export const greaterThan: OperatorFn = (a, b) => numericCompare(a, b, 2);
export const greaterThanInclusive: OperatorFn = (a, b) => numericCompare(a, b, 3);

export const JRE_OPERATORS: Readonly<Record<string, OperatorFn>> = Object.freeze({
  equal,
  notEqual,
  in: inOperator,
  notIn: notInOperator,
  contains,
  doesNotContain,
  lessThan,
  lessThanInclusive,
  greaterThan,
  greaterThanInclusive,
});

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
