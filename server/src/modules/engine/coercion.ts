import { reportOperatorTypeError } from './issues';

/**
 * json-rules-engine's operators are bare JavaScript (`a < b`, `b.indexOf(a)`, `parseFloat(a)`), so they coerce
 * exactly as JavaScript does, and JavaScript's coercion of an object throws when the object has no usable
 * `toString`/`valueOf` (a JSON object with a key named "toString", an object with a null prototype, an array
 * holding one). json-rules-engine then rejects the whole run. We run the same expressions, but route every case
 * where an operand is an object through `guarded`, which reports the TypeError as a warning and answers false:
 * the only place the engine catches anything. Primitive operands (JSON's strings, numbers, booleans, null,
 * undefined, and bigints) never throw, so the fast paths need no guard.
 */

export function isObjectLike(v: unknown): boolean {
  return (v !== null && typeof v === 'object') || typeof v === 'function';
}

export function guarded(operator: string, run: () => boolean): boolean {
  try {
    return run();
  } catch (e) {
    reportOperatorTypeError(operator, e instanceof Error ? e.message : String(e));
    return false;
  }
}

/** json-rules-engine's number validator for the four comparison operators, verbatim. */
export function numberValidator(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

export type Comparison = 0 | 1 | 2 | 3; // <, <=, >, >=

function compare(a: unknown, b: unknown, how: Comparison): boolean {
  // `as number` only quiets TypeScript: the relational operators coerce exactly as json-rules-engine's callbacks do.
  const x = a as number;
  const y = b as number;
  switch (how) {
    case 0:
      return x < y;
    case 1:
      return x <= y;
    case 2:
      return x > y;
    default:
      return x >= y;
  }
}

const COMPARISON_NAMES = ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];

/** `numberValidator(a) && a <op> b`, with json-rules-engine's order of evaluation (b is not coerced when a fails). */
export function numericCompare(a: unknown, b: unknown, how: Comparison): boolean {
  if (typeof a === 'number' && typeof b === 'number') return compare(a, b, how);
  // Missing facts, null and booleans are common and always fail the validator (parseFloat gives NaN).
  if (a === undefined || a === null || typeof a === 'boolean') return false;
  if (typeof a === 'symbol' || typeof b === 'symbol') {
    reportOperatorTypeError(COMPARISON_NAMES[how], 'cannot compare a symbol');
    return false;
  }
  if (isObjectLike(a) || isObjectLike(b)) {
    return guarded(COMPARISON_NAMES[how], () => numberValidator(a) && compare(a, b, how));
  }
  return numberValidator(a) && compare(a, b, how);
}

/** `haystack.indexOf(needle)` on a string: the needle is converted with ToString, which may throw for objects. */
export function stringIndexOf(operator: string, haystack: string, needle: unknown): number {
  if (typeof needle === 'string') return haystack.indexOf(needle);
  if (typeof needle === 'symbol') {
    reportOperatorTypeError(operator, 'cannot convert a symbol to a string');
    return Number.NaN;
  }
  if (isObjectLike(needle)) {
    let found = Number.NaN;
    guarded(operator, () => {
      found = haystack.indexOf(needle as string);
      return true;
    });
    return found;
  }
  return haystack.indexOf(needle as string);
}
