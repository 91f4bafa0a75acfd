import { Engine } from 'json-rules-engine';
import { resetIssues, takeIssues } from './issues';
import { resolveOperator } from './operator-registry';

/**
 * Each operator and decorated operator against json-rules-engine's own operator objects, on a pool of values
 * covering JavaScript's coercions. Where json-rules-engine throws we must answer false and report a warning.
 */
interface JreOperator {
  evaluate(a: unknown, b: unknown): boolean;
}
const engine = new Engine([], { allowUndefinedFacts: true });
const operatorMap = (engine as unknown as { operators: { get(name: string): JreOperator | null } }).operators;

const POOL: unknown[] = [
  undefined, null, true, false, 0, -0, 1, 2, 2.5, -1, 1e21, Number.NaN, Infinity,
  '', '0', '1', '2', '10', ' 3', '3abc', 'abc', '0x10', 'Infinity', 'undefined', 'null', 'a', 'ab',
  [], [1], [2], [1, 2], ['1'], ['a', 'b'], [null], [[1]], {}, { a: 1 },
  JSON.parse('{"toString": 1}'), [JSON.parse('{"toString": 1}')], Object.create(null), 10n,
];

const BASES = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'];
const DECORATED = [
  ...BASES,
  ...BASES.flatMap((b) => ['not', 'swap', 'someFact', 'everyFact', 'someValue', 'everyValue'].map((d) => `${d}:${b}`)),
  'not:someFact:equal', 'someFact:not:in', 'swap:someValue:lessThan', 'everyFact:swap:contains', 'not:not:equal', 'swap:swap:in',
];

describe('operators match json-rules-engine', () => {
  it.each(DECORATED)('%s', (name) => {
    const ours = resolveOperator(name);
    const theirs = operatorMap.get(name);
    expect(ours).not.toBeNull();
    expect(theirs).not.toBeNull();
    const wrong: unknown[] = [];
    for (const a of POOL) {
      for (const b of POOL) {
        let expected: boolean | 'throws';
        try {
          expected = theirs!.evaluate(a, b);
        } catch {
          expected = 'throws';
        }
        resetIssues();
        const actual = ours!.fn(a, b, 0);
        const reported = takeIssues() !== null;
        if (expected === 'throws') {
          // Where a throw is absorbed inside a not: or someFact: the outer decorator still applies, so only
          // "it was reported" is certain; the plain operator answers false.
          if (!reported || (!name.includes(':') && actual !== false)) wrong.push({ a, b, actual, expected, reported });
        } else if (actual !== expected) {
          wrong.push({ a, b, actual, expected });
        }
      }
    }
    // One assertion per operator: the pool has ~1,800 pairs.
    expect(wrong).toEqual([]);
  });

  it('refuses unknown operators and decorators', () => {
    for (const n of ['equals', 'foo:equal', ':equal', 'not:', '', 'someFact::equal']) expect(resolveOperator(n)).toBeNull();
  });
});
