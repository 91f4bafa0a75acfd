import { found, leaf, policy } from './analysis-test-kit';
import { checkOutputs } from './output-checks';

const when = leaf('debtToAsset', 'greaterThan', 0.7);

describe('outputs', () => {
  it('is silent when every output is set and every param is an output or an annotation', () => {
    const doc = policy([{ conditions: when, params: { decision: 'refer', grade: 'C', reasons: ['R'], reason: 'x', source: 'domain.md §2.3' } }]);
    expect(checkOutputs(doc)).toEqual([]);
  });

  it('undeclared_output: a param that is no output, with the output it was probably meant to be', () => {
    const doc = policy([{ conditions: when, params: { decison: 'refer', grade: 'C', reasons: [] } }]);
    const issues = checkOutputs(doc);
    expect(found(issues)).toEqual(['undeclared_output@/rules/0/event/params/decison', 'unused_output@/outputs/decision']);
    expect(issues[0].message).toContain("did you mean 'decision'?");
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
  });

  it('unused_output: a declared output no rule sets', () => {
    const doc = policy([{ conditions: when, params: { decision: 'refer', reasons: [] } }]);
    expect(found(checkOutputs(doc))).toEqual(['unused_output@/outputs/grade']);
  });

  it('invalid_output_value: values the merge ignores or that contradict the declared type', () => {
    const doc = policy([{ conditions: when, params: { decision: 'maybe', grade: 3, reasons: 'R' } }], {
      outputs: {
        decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'] },
        grade: { type: 'string', merge: 'first' },
        reasons: { type: 'array', merge: 'collect' },
        limit: { type: 'number', merge: 'min' },
      },
    });
    doc.rules.push({ name: 'cap', priority: 1, conditions: { all: [when] }, event: { type: 'cap', params: { limit: '5m' } } });
    expect(found(checkOutputs(doc))).toEqual(['invalid_output_value@/rules/0/event/params/decision', 'invalid_output_value@/rules/0/event/params/grade', 'invalid_output_value@/rules/1/event/params/limit']);
  });
});
