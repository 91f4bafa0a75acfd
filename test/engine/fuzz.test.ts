import fc from 'fast-check';
import { compileRuleSet } from '../../server/src/modules/engine';
import type { CompiledRuleSet } from '../../server/src/modules/engine';
import { generateRuleSet } from './generator';
import { Prng } from './prng';

/**
 * No facts may make evaluation throw (the decision API must always answer). Arbitrary values — JSON, and
 * beyond JSON what fast-check's anything() makes: null-prototype objects, objects with keys such as
 * `toString`/`valueOf`/`__proto__`, boxed values, Maps, Dates, sparse arrays, bigints, huge and tiny numbers,
 * deep nesting — fed to generated rule sets that use every operator, decorator and path form.
 */
const rng = new Prng(7);
const RULE_SETS: CompiledRuleSet[] = [];
for (let i = 0; i < 40; i++) {
  const doc = generateRuleSet(rng, i);
  RULE_SETS.push(compileRuleSet(doc), compileRuleSet(doc, { mode: 'closures' }));
}
const FACT_NAMES = ['n1', 'n2', 'n3', 's1', 's2', 'a1', 'a2', 'd1', 'd2', 'o1', 'b1', 'constructor', 'toString', '__proto__', 'valueOf'];

const weird = fc.anything({
  maxDepth: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('toString', 'valueOf', '__proto__', 'constructor', 'x', 'y', 'z', 'w', 'list', 'v', '*', '0', 'length')),
});
const json = fc.jsonValue({ maxDepth: 8 });
const number = fc.oneof(fc.double(), fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, -0));
const value = fc.oneof(weird, json, number, fc.constantFrom('2025-06-30', '2024-02-30', '', ' 3', '1e999'));

/** Facts objects with the generator's fact names (so conditions see them) and arbitrary values (fc.dictionary makes `__proto__` an own key). */
const facts = fc.dictionary(fc.constantFrom(...FACT_NAMES), value, { maxKeys: 15 });

let typeErrorsAbsorbed = 0;
function evaluateAll(f: unknown, trace: boolean): void {
  for (const c of RULE_SETS) {
    const r = c.evaluate(f as Record<string, unknown>, { trace, asOf: '2025-06-30' });
    typeErrorsAbsorbed += r.warnings?.filter((w) => w.code === 'operator-type-error').length ?? 0;
  }
}

afterAll(() => {
  // The fuzz must reach the inputs that make json-rules-engine throw, or it proves little.
  expect(typeErrorsAbsorbed).toBeGreaterThan(0);
});

describe('fuzz: evaluation never throws', () => {
  it('on arbitrary fact values (fast, and with trace)', () => {
    fc.assert(
      fc.property(facts, fc.boolean(), (f, trace) => {
        evaluateAll(f, trace);
      }),
      { numRuns: 400, seed: 42 },
    );
  });

  it('on facts that are not objects at all', () => {
    fc.assert(
      fc.property(value, (f) => {
        evaluateAll(f, false);
      }),
      { numRuns: 200, seed: 43 },
    );
  });

  it('on deeply nested values and objects with a key named "__proto__"', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = { x: deep, list: [deep] };
    const proto = JSON.parse('{"__proto__": {"x": 1, "toString": 5}, "o1": {"__proto__": [1], "x": {"toString": 1}}, "n1": {"valueOf": 1, "toString": 2}}');
    const nullProto = Object.assign(Object.create(null), { n1: Object.create(null), o1: Object.create(null), a1: [Object.create(null)] });
    for (const f of [{ o1: deep, n1: deep, a1: [deep] }, proto, nullProto]) {
      evaluateAll(f, false);
      evaluateAll(f, true);
    }
  });
});
