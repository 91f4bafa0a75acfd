import { contentHash } from '../../shared/canonical-json';
import type { Rule, RuleSetDocument, TopCondition } from '../rule-sets/rule-set';
import { RuleSetCompileError } from './compile-error';
import { compileRuleSet } from './compile';

function doc(rules: Partial<Rule>[], extra: Partial<RuleSetDocument> = {}): RuleSetDocument {
  return {
    key: 'test',
    family: 'credit-policy',
    name: { zh: '测试', en: 'test' },
    outputs: { decision: { type: 'string', merge: 'first', default: 'approve' } },
    rules: rules.map((r, i) => ({ name: `r${i}`, priority: 1, event: { type: 'hit' }, conditions: { all: [] }, ...r })) as Rule[],
    ...extra,
  };
}
const leaf = (fact: string, operator: string, value: unknown) => ({ fact, operator, value });
const fired = (d: RuleSetDocument, facts: Record<string, unknown>, asOf?: string) => compileRuleSet(d).evaluate(facts, { asOf }).firedRules.map((r) => r.name);

function compileErrors(d: unknown): string[] {
  try {
    compileRuleSet(d as RuleSetDocument);
  } catch (e) {
    if (e instanceof RuleSetCompileError) return e.errors.map((x) => `${x.pointer}: ${x.message}`);
    throw e;
  }
  return [];
}

describe('compileRuleSet', () => {
  it('fires rules in priority order, ties in document order', () => {
    const d = doc([{ priority: 1 }, { priority: 5 }, { priority: 1 }, { priority: 5 }]);
    expect(fired(d, {})).toEqual(['r1', 'r3', 'r0', 'r2']);
  });

  it('treats empty all and empty any as true, like json-rules-engine', () => {
    expect(fired(doc([{ conditions: { any: [] } }, { conditions: { not: { any: [] } } }]), {})).toEqual(['r0']);
  });

  it('resolves shared conditions, also through other shared conditions', () => {
    const conditions: Record<string, TopCondition> = {
      big: { all: [leaf('revenue', 'greaterThan', 100)] },
      bigAndOld: { all: [{ condition: 'big' }, leaf('age', 'greaterThanInclusive', 3)] },
    };
    const d = doc([{ conditions: { condition: 'bigAndOld' } }, { conditions: { not: { condition: 'big' } } }], { conditions });
    expect(fired(d, { revenue: 200, age: 3 })).toEqual(['r0']);
    expect(fired(d, { revenue: '50', age: 3 })).toEqual(['r1']);
  });

  it('reads facts as json-rules-engine does: missing is undefined, Object.prototype names are not facts', () => {
    const d = doc([
      { conditions: { all: [leaf('constructor', 'equal', undefined)] } },
      { conditions: { all: [leaf('toString', 'notEqual', undefined)] } },
      { conditions: { all: [leaf('x', 'notEqual', 1)] } },
    ]);
    expect(fired(d, {})).toEqual(['r0', 'r2']);
    expect(fired(d, JSON.parse('{"toString": 1}'))).toEqual(['r0', 'r1', 'r2']);
    expect(compileRuleSet(d).evaluate(null as never).firedRules.map((r) => r.name)).toEqual(['r0', 'r2']);
  });

  it('compares values from other facts, with paths', () => {
    const d = doc([{ conditions: { all: [{ fact: 'loan', path: '$.amount', operator: 'lessThanInclusive', value: { fact: 'limits', path: '$.max' } }] } }]);
    expect(fired(d, { loan: { amount: 90 }, limits: { max: 100 } })).toEqual(['r0']);
    expect(fired(d, { loan: { amount: 190 }, limits: { max: 100 } })).toEqual([]);
  });

  it('evaluates withinDays against asOf, today by default', () => {
    const d = doc([{ conditions: { all: [leaf('lastDefault', 'withinDays', 30)] } }]);
    expect(fired(d, { lastDefault: '2025-06-10' }, '2025-06-30')).toEqual(['r0']);
    expect(fired(d, { lastDefault: '2025-05-10' }, '2025-06-30')).toEqual([]);
    expect(fired(d, { lastDefault: new Date().toISOString().slice(0, 10) })).toEqual(['r0']);
    expect(() => compileRuleSet(d).evaluate({}, { asOf: '30/06/2025' })).toThrow(/asOf/);
  });

  it('reports a type error json-rules-engine would throw as a warning, and the condition as false', () => {
    const d = doc([{ conditions: { all: [leaf('rating', 'in', 5)] } }, { conditions: { all: [leaf('rating', 'not:in', 5)] } }]);
    const r = compileRuleSet(d).evaluate({ rating: 'A' });
    expect(r.firedRules.map((x) => x.name)).toEqual(['r1']);
    expect(r.warnings?.map((w) => w.code)).toEqual(['operator-type-error', 'operator-type-error']);
  });

  it('gives the same answers in closures mode and with tracing', () => {
    const d = doc([
      { conditions: { any: [leaf('a', 'someFact:greaterThan', 2), leaf('b', 'in', ['x', 'y'])] } },
      { priority: 3, conditions: { all: [leaf('c', 'between', [1, 5]), { not: leaf('b', 'startsWith', 'x') }] } },
    ]);
    for (const facts of [{ a: [1, 3] }, { b: 'y', c: 2 }, { c: '4', b: 'xy' }, {}]) {
      const expected = compileRuleSet(d).evaluate(facts);
      expect(compileRuleSet(d, { mode: 'closures' }).evaluate(facts)).toEqual(expected);
      const { trace, ...rest } = compileRuleSet(d).evaluate(facts, { trace: true });
      expect(rest).toEqual(expected);
      expect(trace?.map((t) => t.fired)).toEqual(d.rules.map((r) => expected.firedRules.some((f) => f.name === r.name)));
    }
  });

  it('freezes its copy of the document and hashes the content', () => {
    const d = doc([{ event: { type: 'hit', params: { decision: 'refer' } } }]);
    const c = compileRuleSet(d);
    (d.rules[0].event.params as Record<string, unknown>).decision = 'decline';
    expect(c.evaluate({}).outputs.decision).toBe('refer');
    expect(Object.isFrozen(c.document.rules[0].event.params)).toBe(true);
    expect(c.contentHash).toBe(contentHash(doc([{ event: { type: 'hit', params: { decision: 'refer' } } }])));
    expect(c.key).toBe('test');
  });

  it('refuses trace when compiled without tracing', () => {
    expect(() => compileRuleSet(doc([{}]), { tracing: false }).evaluate({}, { trace: true })).toThrow(/without tracing/);
  });
});

describe('compile errors', () => {
  it('names unknown operators, missing shared conditions, bad paths and bad fact names by pointer', () => {
    const d = doc([
      { conditions: { all: [leaf('x', 'equals', 1), { condition: 'nope' }, { fact: 'x', path: '$..a', operator: 'equal', value: 1 }, leaf('x y', 'equal', 1)] } },
    ]);
    expect(compileErrors(d)).toEqual([
      '/rules/0/conditions/all/0/operator: unknown operator "equals"',
      '/rules/0/conditions/all/1/condition: there is no shared condition named "nope"',
      '/rules/0/conditions/all/2/path: a path must look like $.a.b, $.a[0] or $.a[*].b',
      '/rules/0/conditions/all/3/fact: a fact name must be an identifier (letters, digits, _)',
    ]);
  });

  it('refuses reference cycles instead of looping', () => {
    const conditions = { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] }, self: { not: { condition: 'self' } } } as Record<string, TopCondition>;
    const errors = compileErrors(doc([{ conditions: { condition: 'a' } }], { conditions }));
    expect(errors.some((e) => e.includes('cycle'))).toBe(true);
    expect(errors.some((e) => e.includes('"self"'))).toBe(true);
  });

  it('refuses a leaf at a rule root, as json-rules-engine does', () => {
    expect(compileErrors(doc([{ conditions: leaf('x', 'equal', 1) as never }]))).toEqual(['/rules/0/conditions: must start with all, any, not or condition']);
  });

  it('refuses conditions nested too deep', () => {
    let c: unknown = leaf('x', 'equal', 1);
    for (let i = 0; i < 70; i++) c = { not: c };
    expect(compileErrors(doc([{ conditions: c as TopCondition }]))[0]).toMatch(/nested more than 64 deep/);
  });

  it('refuses absurdly deep or cyclic documents without overflowing the stack', () => {
    let c: unknown = leaf('x', 'equal', 1);
    for (let i = 0; i < 100_000; i++) c = { not: c };
    expect(compileErrors(doc([{ conditions: c as TopCondition }]))).toEqual([': the document is nested more than 256 levels deep']);
    const cyclic = doc([{}]) as unknown as Record<string, unknown>;
    cyclic.self = cyclic;
    expect(compileErrors(cyclic)[0]).toMatch(/nested more than/);
  });

  it('refuses a reference bomb (exponential expansion) quickly', () => {
    const conditions: Record<string, TopCondition> = { c0: { all: [leaf('x', 'equal', 1)] } };
    for (let i = 1; i < 60; i++) conditions[`c${i}`] = { all: [{ condition: `c${i - 1}` }, { condition: `c${i - 1}` }] };
    const started = Date.now();
    const errors = compileErrors(doc([{ conditions: { condition: 'c59' } }], { conditions }));
    expect(errors.some((e) => e.includes('expand to more than'))).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses documents that are not rule sets', () => {
    expect(compileErrors(null)).toEqual([': a rule set must be an object']);
    expect(compileErrors({ rules: 'x', outputs: {} })).toContain('/rules: must be an array of rules');
    expect(compileErrors(doc([{ event: {} as never }]))).toEqual(['/rules/0/event: an event with a type is required']);
  });
});

describe('generated code safety', () => {
  it('never lets document strings become code', () => {
    const evil = '"); globalThis.pwned = true; ("';
    const d = doc([
      { name: evil, conditions: { all: [leaf('x', 'equal', evil), leaf('x', 'in', [evil, `\u2028${evil}`]), leaf('x', 'notEqual', `*/ ${evil} /*`)] }, event: { type: evil, params: { decision: evil } } },
    ]);
    const c = compileRuleSet(d);
    expect(c.evaluate({ x: evil }).outputs.decision).toBe(evil);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(compileErrors(doc([{ conditions: { all: [leaf('x"]; globalThis.pwned = 1; ["', 'equal', 1)] } }]))).toHaveLength(1);
  });
});
