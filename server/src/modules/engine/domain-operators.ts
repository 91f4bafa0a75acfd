import { numericCompare } from './coercion';
import { toInstant, toWrittenDay } from './dates';
import type { OperatorFn } from './operators';

/**
 * Covenant's own operators. They are registered on json-rules-engine with these very functions in the
 * differential suite, so the decorators compose with them the same way on both engines.
 */

/**
 * `between` [lo, hi], both ends inclusive. Defined as greaterThanInclusive lo AND lessThanInclusive hi with
 * json-rules-engine's numeric semantics, so rewriting a `between` as two conditions never changes a decision
 * (a fact of "12" is compared as 12, null and non-numeric strings are never between). A value that is not a
 * two-element array is false.
 */
export const between: OperatorFn = (a, b) =>
  Array.isArray(b) && b.length === 2 && numericCompare(a, b[0], 3) && numericCompare(a, b[1], 1);

/**
 * `startsWith`: industry and region codes by prefix. The value is one prefix (a string) or a list of prefixes
 * (true when any matches). Only string facts match: a code sent as the number 6411 does not start with "64",
 * because a code is an identifier, not a quantity. The empty prefix matches every string.
 */
export const startsWith: OperatorFn = (a, b) => {
  if (typeof a !== 'string') return false;
  if (typeof b === 'string') return a.startsWith(b);
  if (!Array.isArray(b)) return false;
  for (let i = 0; i < b.length; i++) {
    const p = b[i];
    if (typeof p === 'string' && a.startsWith(p)) return true;
  }
  return false;
};

/** `before`/`after`: both sides ISO dates or datetimes (dates.ts), compared as instants. Anything else is false. */
export const before: OperatorFn = (a, b) => {
  const x = toInstant(a);
  if (x === null) return false;
  const y = toInstant(b);
  return y !== null && x < y;
};

export const after: OperatorFn = (a, b) => {
  const x = toInstant(a);
  if (x === null) return false;
  const y = toInstant(b);
  return y !== null && x > y;
};

/**
 * `withinDays` N, relative to the evaluation's `asOf` date, in whole calendar days (the dates as written; a
 * datetime's time and offset do not move it to another day):
 *   N >= 0: the fact date is in the last N days, asOf − N ≤ fact ≤ asOf (e.g. "a default within 90 days");
 *   N < 0:  the fact date is in the next |N| days, asOf ≤ fact ≤ asOf + |N| (e.g. "maturity within 30 days": -30).
 * N must be a number; a fact that is not an ISO date is false.
 */
export function withinDays(a: unknown, b: unknown, asOfDay: number): boolean {
  if (typeof b !== 'number' || Number.isNaN(b)) return false;
  const day = toWrittenDay(a);
  if (day === null) return false;
  const age = asOfDay - day;
  return b >= 0 ? age >= 0 && age <= b : age <= 0 && age >= b;
}

/** The domain operators that need nothing but their two operands. */
export const DOMAIN_OPERATORS: Readonly<Record<string, OperatorFn>> = Object.freeze({ between, startsWith, before, after });

/** Operators whose result depends on the evaluation's `asOf`. */
export const AS_OF_OPERATORS: ReadonlySet<string> = new Set(['withinDays']);
