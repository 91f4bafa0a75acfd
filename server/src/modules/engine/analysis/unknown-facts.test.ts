import { CATALOG, found, leaf, policy } from './analysis-test-kit';
import { FactIndex } from './fact-index';
import { checkUnknownFacts, closest } from './unknown-facts';

const check = (doc: ReturnType<typeof policy>) => checkUnknownFacts(doc, FactIndex.of(doc, CATALOG));

describe('unknown_fact', () => {
  it('accepts catalog facts and facts declared in inputs', () => {
    const doc = policy([{ conditions: { all: [leaf('debtToAsset', 'greaterThan', 0.7), leaf('proposedLtv', 'greaterThan', 0.6)] } }], {
      inputs: [{ name: 'proposedLtv', type: 'number' }],
    });
    expect(check(doc)).toEqual([]);
  });

  it('names a fact that is neither, with a suggestion when one is close', () => {
    const doc = policy([{ conditions: { all: [leaf('debtToAset', 'greaterThan', 0.7), leaf('zzzUnheardOf', 'equal', 1)] } }]);
    const issues = check(doc);
    expect(found(issues)).toEqual(['unknown_fact@/rules/0/conditions/all/0/fact', 'unknown_fact@/rules/0/conditions/all/1/fact']);
    expect(issues[0]).toMatchObject({ severity: 'error', suggestion: 'debtToAsset' });
    expect(issues[0].message).toBe("'debtToAset' is neither in the fact catalog nor declared in inputs; did you mean 'debtToAsset'?");
    expect(issues[1].message).not.toContain('did you mean');
  });

  it('checks fact references on the value side and leaves inside shared conditions', () => {
    const doc = policy([{ conditions: { all: [{ condition: 'lev' }, leaf('currentRatio', 'lessThan', { fact: 'quickRatioo' })] } }], {
      conditions: { lev: { all: [leaf('leverage', 'greaterThan', 0.7)] } },
    });
    expect(found(check(doc))).toEqual(['unknown_fact@/conditions/lev/all/0/fact', 'unknown_fact@/rules/0/conditions/all/1/value/fact']);
  });

  it('does not take Object.prototype names for facts', () => {
    const doc = policy([{ conditions: leaf('constructor', 'equal', 1) }]);
    expect(found(check(doc))).toEqual(['unknown_fact@/rules/0/conditions/all/0/fact']);
  });

  it('warns when an input redeclares a catalog fact with an incompatible type (integer and number agree)', () => {
    const doc = policy([{ conditions: leaf('maxDpd', 'greaterThan', 90) }], {
      inputs: [
        { name: 'maxDpd', type: 'number' },
        { name: 'listed', type: 'string' },
      ],
    });
    const issues = check(doc);
    expect(found(issues)).toEqual(['input_type_conflict@/inputs/1/type']);
    expect(issues[0].severity).toBe('warning');
  });
});

describe('closest', () => {
  it('finds a near name, case aside, and nothing for a far one', () => {
    expect(closest('DebtToAsset', ['debtToAsset', 'currentRatio'])).toBe('debtToAsset');
    expect(closest('curentRatio', ['debtToAsset', 'currentRatio'])).toBe('currentRatio');
    expect(closest('xyz', ['debtToAsset'])).toBeUndefined();
  });
});
