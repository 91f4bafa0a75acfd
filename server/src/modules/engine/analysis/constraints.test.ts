import fc from 'fast-check';
import type { Condition, RuleSetDocument } from '../../rule-sets/rule-set';
import { compileRuleSet } from '../compile';
import { CATALOG, leaf, policy } from './analysis-test-kit';
import { alternatives, conflictOf, implies, indexAlternative, MAX_ALTERNATIVES } from './constraints';
import { analysisContext } from './context';
import { checkShadowedRules } from './shadowed-rules';
import { checkUnreachableRules } from './unreachable-rules';

const doc = policy([{ conditions: leaf('debtToAsset', 'greaterThan', 0.7) }]);

describe('alternatives', () => {
  it('expands all/any/not into alternatives, pushing not down to the leaves', () => {
    const alts = alternatives(doc, { all: [leaf('a', 'equal', 1), { not: { any: [leaf('b', 'equal', 1), leaf('c', 'equal', 1)] } }] } as Condition, '/x');
    expect(alts?.map((a) => a.map((l) => `${l.negated ? '!' : ''}${l.leaf.fact}@${l.pointer}`))).toEqual([['a@/x/all/0', '!b@/x/all/1/not/any/0', '!c@/x/all/1/not/any/1']]);
  });

  it('treats empty all and any as true, like json-rules-engine', () => {
    expect(alternatives(doc, { any: [] }, '')).toEqual([[]]);
    expect(alternatives(doc, { not: { any: [] } }, '')).toEqual([]);
  });

  it('gives up (null) past MAX_ALTERNATIVES rather than blowing up', () => {
    const wide = { any: [leaf('a', 'equal', 1), leaf('a', 'equal', 2), leaf('a', 'equal', 3), leaf('a', 'equal', 4)] };
    const all = { all: Array.from({ length: Math.ceil(Math.log(MAX_ALTERNATIVES) / Math.log(4)) + 1 }, () => wide) } as Condition;
    expect(alternatives(doc, all, '')).toBeNull();
  });

  it('conflictOf and implies work on one alternative', () => {
    const [a] = alternatives(doc, { all: [leaf('x', 'greaterThan', 5), leaf('x', 'lessThanInclusive', 9)] }, '') ?? [];
    expect(conflictOf(a)).toBeNull();
    const alt = indexAlternative(a);
    expect(implies(doc, alt, { all: [leaf('x', 'between', [5, 10])] })).toBe(true);
    expect(implies(doc, alt, { all: [leaf('x', 'greaterThanInclusive', 5)] })).toBe(true);
    expect(implies(doc, alt, { all: [leaf('x', 'lessThan', 9)] })).toBe(false);
    expect(implies(doc, alt, { not: leaf('x', 'lessThanInclusive', 5) })).toBe(false); // not sound to claim: negations stay opaque
  });
});

/**
 * Soundness against the engine itself: whatever the analysis claims (a rule can never fire; a rule can fire only
 * when a higher one does) must hold for every facts object we can think of. Random small rule pairs over two
 * facts and a path, evaluated on facts built from every literal of the document, its neighbours and odd values.
 */
describe('soundness against the compiled engine', () => {
  const POOL: unknown[] = [-1, 0, 0.3, 0.5, 0.7, 1, 2, '0.5', '1', '', 'A', 'B', 'K', null, true, false, '2024-01-01', '2025-06-30', [0.5], ['A'], {}];
  const SUBJECTS: [string, string | undefined][] = [['f1', undefined], ['f2', undefined], ['o', '$.x']];
  const OPS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'between', 'startsWith', 'before', 'after', 'contains'];
  const num = fc.constantFrom(-1, 0, 0.3, 0.5, 0.7, 1, 2);
  const valueFor = (op: string): fc.Arbitrary<unknown> => {
    switch (op) {
      case 'in':
      case 'notIn':
        return fc.array(fc.constantFrom(...POOL), { maxLength: 4 });
      case 'between':
        return fc.tuple(num, num);
      case 'before':
      case 'after':
        return fc.constantFrom('2024-01-01', '2024-06-30', '2025-06-30');
      case 'lessThan':
      case 'lessThanInclusive':
      case 'greaterThan':
      case 'greaterThanInclusive':
        return fc.oneof(num, num, fc.constantFrom('0.5', 'A', null));
      default:
        return fc.constantFrom(...POOL);
    }
  };
  const leafArb: fc.Arbitrary<Condition> = fc
    .tuple(fc.constantFrom(...SUBJECTS), fc.constantFrom(...OPS), fc.constantFrom('', '', '', 'not:', 'someFact:'))
    .chain(([[fact, path], op, deco]) => valueFor(op).map((value) => leaf(fact, `${deco}${op}`, value, path)));
  const conditions = (refs: boolean): fc.Arbitrary<Condition> =>
    fc.letrec<{ c: Condition }>((tie) => ({
      c: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leafArb,
        leafArb,
        fc.array(tie('c'), { maxLength: 3 }).map((all) => ({ all }) as Condition),
        fc.array(tie('c'), { maxLength: 3 }).map((any) => ({ any }) as Condition),
        tie('c').map((not) => ({ not }) as Condition),
        refs ? fc.constant({ condition: 'shared' } as Condition) : leafArb,
      ),
    })).c;
  const condArb = conditions(true);

  function literals(v: unknown, out: unknown[] = []): unknown[] {
    if (Array.isArray(v)) v.forEach((x) => literals(x, out));
    else if (v !== null && typeof v === 'object') Object.values(v).forEach((x) => literals(x, out));
    else {
      out.push(v);
      if (typeof v === 'number') out.push(v - 0.001, v + 0.001);
    }
    return out;
  }

  function factsFrom(values: unknown[], pick: () => number): Record<string, unknown> {
    const choose = () => values[Math.floor(pick() * values.length)];
    const facts: Record<string, unknown> = {};
    if (pick() > 0.1) facts.f1 = choose();
    if (pick() > 0.1) facts.f2 = choose();
    if (pick() > 0.1) facts.o = { x: choose() };
    return facts;
  }

  it('never claims unreachable or shadowed wrongly', () => {
    let claims = 0;
    fc.assert(
      fc.property(condArb, condArb, conditions(false), fc.integer(), (high, low, shared, seed) => {
        const wrap = (c: Condition) => ('all' in c || 'any' in c || 'not' in c || 'condition' in c ? c : { all: [c] });
        const d: RuleSetDocument = policy(
          [
            { name: 'high', priority: 20, conditions: wrap(high), params: { grade: 'A' } },
            { name: 'low', priority: 10, conditions: wrap(low), params: { grade: 'B' } },
          ],
          { conditions: { shared: wrap(shared) } as never },
        );
        const ctx = analysisContext(d, CATALOG);
        const unreachable = checkUnreachableRules(ctx).unreachable;
        const shadowed = checkShadowedRules(ctx, unreachable).length > 0;
        if (!unreachable.size && !shadowed) return;
        claims++;
        const engine = compileRuleSet(d, { mode: 'closures' });
        const values = [...new Set([...POOL, ...literals(d.rules), ...literals(d.conditions)])];
        let s = seed >>> 0 || 1;
        const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
        for (let i = 0; i < 300; i++) {
          const fired = new Set(engine.evaluate(factsFrom(values, rand)).firedRules.map((r) => r.name));
          for (const r of unreachable) expect(fired.has(d.rules[r].name)).toBe(false);
          if (shadowed && fired.has('low')) expect(fired.has('high')).toBe(true);
        }
      }),
      { numRuns: Number(process.env.ANALYSIS_SOUNDNESS_RUNS ?? 400), seed: Number(process.env.ANALYSIS_SOUNDNESS_SEED ?? 20261123) },
    );
    if (process.env.ANALYSIS_SOUNDNESS_RUNS) console.log(`claims checked: ${claims}`);
    expect(claims).toBeGreaterThan(10);
  });
});
