import { reportOperatorTypeError } from './issues';
import { describe } from './operators';

/**
 * json-rules-engine 7's operator decorators (src/engine-default-operator-decorators.js). A decorated name such as
 * `not:someFact:equal` is read left to right, the leftmost decorator being the outermost:
 * not(someFact(equal)). A decorator's own validator (Array.isArray for someFact/everyFact) guards the whole
 * decorated operator, and the inner operator keeps its own validator, exactly as Operator.evaluate chains them.
 */
export const DECORATOR_NAMES = ['someFact', 'everyFact', 'someValue', 'everyValue', 'not', 'swap'] as const;
export type DecoratorName = (typeof DECORATOR_NAMES)[number];

export function isDecoratorName(name: string): name is DecoratorName {
  return (DECORATOR_NAMES as readonly string[]).includes(name);
}

/** Array.prototype.some/every on purpose (not a for loop): they skip holes in sparse arrays, as json-rules-engine does. */
/**
 * A leaf's operator after decoration. The third argument carries the evaluation's asOf day to `withinDays`;
 * the other operators ignore it, and decorators pass it through untouched.
 */
export type LeafOperator = (factValue: unknown, value: unknown, asOfDay: number) => boolean;

export function decorate(name: DecoratorName, next: LeafOperator): LeafOperator {
  switch (name) {
    case 'someFact':
      return (a, b, d) => Array.isArray(a) && a.some((x) => next(x, b, d));
    case 'everyFact':
      // An empty array satisfies everyFact (Array.prototype.every), as in json-rules-engine.
      return (a, b, d) => Array.isArray(a) && a.every((x) => next(x, b, d));
    case 'someValue':
      // json-rules-engine has no validator here and calls b.some: a non-array value threw.
      return (a, b, d) => (Array.isArray(b) ? b.some((v) => next(a, v, d)) : notAnArray('someValue', b));
    case 'everyValue':
      return (a, b, d) => (Array.isArray(b) ? b.every((v) => next(a, v, d)) : notAnArray('everyValue', b));
    case 'swap':
      return (a, b, d) => next(b, a, d);
    case 'not':
      return (a, b, d) => !next(a, b, d);
  }
}

function notAnArray(decorator: string, b: unknown): boolean {
  reportOperatorTypeError(decorator, `the value must be an array; it was ${describe(b)}`);
  return false;
}

export interface ParsedOperator {
  /** Outermost first, as written. */
  decorators: DecoratorName[];
  base: string;
}

/** Splits `not:someFact:equal`; returns null when a decorator is unknown or a segment is empty. */
export function parseOperatorName(name: string): ParsedOperator | null {
  const parts = name.split(':');
  const base = parts.pop() as string;
  if (!base) return null;
  const decorators: DecoratorName[] = [];
  for (const p of parts) {
    if (!isDecoratorName(p)) return null;
    decorators.push(p);
  }
  return { decorators, base };
}

export function composeOperator(parsed: ParsedOperator, base: LeafOperator): LeafOperator {
  let fn = base;
  for (let i = parsed.decorators.length - 1; i >= 0; i--) fn = decorate(parsed.decorators[i], fn);
  return fn;
}
