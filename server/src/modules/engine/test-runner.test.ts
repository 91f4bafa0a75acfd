import type { RuleSetDocument } from '../rule-sets/rule-set';
import { compileRuleSet } from './compile';
import { runTestCases } from './test-runner';

const d: RuleSetDocument = {
  key: 'runner',
  family: 'credit-policy',
  name: { zh: 'r', en: 'r' },
  outputs: { decision: { type: 'string', merge: 'worst', order: ['decline', 'approve'], default: 'approve' }, tags: { type: 'array', merge: 'union' } },
  rules: [
    { name: 'highDebt', priority: 2, conditions: { all: [{ fact: 'debtRatio', operator: 'greaterThan', value: 0.8 }] }, event: { type: 'd', params: { decision: 'decline', tags: ['debt'] } } },
    { name: 'recentDefault', priority: 1, conditions: { all: [{ fact: 'lastDefault', operator: 'withinDays', value: 30 }] }, event: { type: 'd', params: { decision: 'decline' } } },
  ],
};

describe('runTestCases', () => {
  const compiled = compileRuleSet(d);

  it('passes when every listed expectation holds', () => {
    const summary = runTestCases(compiled, [
      { name: 'clean', facts: { debtRatio: 0.5 }, expect: { outputs: { decision: 'approve', tags: [] }, firedRules: [] } },
      { name: 'debt', facts: { debtRatio: 0.9 }, expect: { outputs: { decision: 'decline' }, fired: ['highDebt'], notFired: ['recentDefault'] } },
      { name: 'asOf', facts: { lastDefault: '2025-06-01' }, asOf: '2025-06-30', expect: { firedRules: ['recentDefault'] } },
    ]);
    expect(summary).toMatchObject({ passed: 3, failed: 0 });
  });

  it('reports every difference of a failing case', () => {
    const summary = runTestCases(compiled, [
      { name: 'wrong', facts: { debtRatio: 0.9 }, asOf: '2025-06-30', expect: { outputs: { decision: 'approve', tags: ['debt'] }, firedRules: ['recentDefault'], fired: ['recentDefault'], notFired: ['highDebt'] } },
      { name: 'bad asOf', facts: {}, asOf: 'yesterday', expect: { firedRules: [] } },
    ]);
    expect(summary.failed).toBe(2);
    expect(summary.results[0].differences).toEqual([
      { kind: 'output', output: 'decision', expected: 'approve', actual: 'decline' },
      { kind: 'firedRules', missing: ['recentDefault'], unexpected: ['highDebt'] },
      { kind: 'fired', missing: ['recentDefault'] },
      { kind: 'notFired', fired: ['highDebt'] },
    ]);
    expect(summary.results[1].differences[0]).toMatchObject({ kind: 'error' });
  });
});
