import type { RuleSetDocument } from '../rule-sets/rule-set';
import { compileRuleSet } from './compile';

const d: RuleSetDocument = {
  key: 'trace',
  family: 'segmentation',
  name: { zh: 't', en: 't' },
  outputs: { tier: { type: 'string', merge: 'first' } },
  conditions: { profitable: { all: [{ fact: 'fin', path: '$.netProfit', operator: 'greaterThan', value: 0 }] } },
  rules: [
    {
      name: 'prime',
      priority: 1,
      conditions: {
        any: [
          { condition: 'profitable' },
          { not: { fact: 'rating', operator: 'in', value: ['C', 'D'] } },
          { fact: 'exposure', operator: 'lessThan', value: { fact: 'limits', path: '$.max' } },
        ],
      },
      event: { type: 'tier', params: { tier: 'A' } },
    },
  ],
};

describe('trace', () => {
  it('mirrors the condition tree with fact values, resolved values and results', () => {
    const r = compileRuleSet(d).evaluate({ fin: { netProfit: -5 }, rating: 'C', limits: { max: 100 } }, { trace: true });
    expect(r.trace).toEqual([
      {
        name: 'prime',
        priority: 1,
        fired: false,
        conditions: {
          type: 'any',
          result: false,
          conditions: [
            {
              type: 'condition',
              name: 'profitable',
              result: false,
              condition: {
                type: 'all',
                result: false,
                conditions: [{ type: 'fact', fact: 'fin', path: '$.netProfit', operator: 'greaterThan', factValue: -5, value: 0, result: false }],
              },
            },
            { type: 'not', result: false, condition: { type: 'fact', fact: 'rating', operator: 'in', factValue: 'C', value: ['C', 'D'], result: true } },
            {
              type: 'fact',
              fact: 'exposure',
              operator: 'lessThan',
              factValue: undefined,
              factMissing: true,
              value: 100,
              valueRef: { fact: 'limits', path: '$.max' },
              result: false,
            },
          ],
        },
      },
    ]);
    expect(r.outputs.tier).toBeNull();
  });

  it('is plain JSON', () => {
    const r = compileRuleSet(d).evaluate({ exposure: 1, limits: { max: 100 } }, { trace: true });
    expect(JSON.parse(JSON.stringify(r.trace))[0].fired).toBe(true);
  });
});
