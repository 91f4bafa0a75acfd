import type { OutputSpec, Rule, RuleSetDocument } from '../rule-sets/rule-set';
import { compileRuleSet } from './compile';

/** Every rule fires (empty all); priorities give the firing order. */
function evaluate(outputs: Record<string, OutputSpec>, params: Record<string, unknown>[], priorities?: number[]) {
  const rules: Rule[] = params.map((p, i) => ({ name: `r${i}`, priority: priorities?.[i] ?? 1, conditions: { all: [] }, event: { type: 't', params: p } }));
  const d: RuleSetDocument = { key: 'merge', family: 'credit-policy', name: { zh: 'm', en: 'm' }, outputs, rules };
  return compileRuleSet(d).evaluate({});
}

const DECISION: OutputSpec = { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' };

describe('output merging', () => {
  it('first: the highest-priority contributing rule, ties by document order', () => {
    const out = { tier: { type: 'string', merge: 'first', default: 'C' } } as Record<string, OutputSpec>;
    expect(evaluate(out, [{ tier: 'B' }, { tier: 'A' }, { other: 1 }], [1, 1, 9]).outputs.tier).toBe('B');
    expect(evaluate(out, [{ tier: 'B' }, { tier: 'A' }], [1, 2]).outputs.tier).toBe('A');
    expect(evaluate(out, [{ other: 1 }]).outputs.tier).toBe('C');
    expect(evaluate(out, [{ tier: null }]).outputs.tier).toBeNull(); // null is a contribution; undefined is not
  });

  it('worst/best by the declared order; values outside it are ignored with a warning', () => {
    const r = evaluate({ decision: DECISION, best: { ...DECISION, merge: 'best' } }, [{ decision: 'refer', best: 'refer' }, { decision: 'maybe', best: 'approve' }, { decision: 'approve', best: 'decline' }]);
    expect(r.outputs).toEqual({ decision: 'refer', best: 'approve' });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'output-value-not-in-order', output: 'decision', rule: 'r1', value: 'maybe' })]);
    expect(evaluate({ decision: DECISION }, [{ decision: 'maybe' }]).outputs.decision).toBe('approve');
  });

  it('min/max/sum over numbers only', () => {
    const num = (merge: 'min' | 'max' | 'sum'): OutputSpec => ({ type: 'number', merge });
    const r = evaluate({ limit: num('min'), top: num('max'), spread: num('sum') }, [
      { limit: 500, top: 1, spread: 0.25 },
      { limit: 300, top: 7, spread: 0.5 },
      { limit: '100', spread: -0.125 },
    ]);
    expect(r.outputs).toEqual({ limit: 300, top: 7, spread: 0.625 });
    expect(r.warnings?.map((w) => [w.code, w.output])).toEqual([['output-value-not-a-number', 'limit']]);
    expect(evaluate({ limit: num('min') }, [{}]).outputs.limit).toBeNull();
  });

  it('union keeps first-seen order without duplicates; collect concatenates in firing order', () => {
    const out: Record<string, OutputSpec> = { tags: { type: 'array', merge: 'union' }, signals: { type: 'array', merge: 'collect' } };
    const r = evaluate(out, [{ tags: ['b', 'a'], signals: ['s1'] }, { tags: 'a', signals: 's2' }, { tags: ['c', 'b', { k: 1 }, { k: 1 }], signals: ['s1', 's3'] }], [1, 2, 1]);
    expect(r.outputs.tags).toEqual(['a', 'b', 'c', { k: 1 }]);
    expect(r.outputs.signals).toEqual(['s2', 's1', 's1', 's3']);
    expect(evaluate(out, [{}]).outputs).toEqual({ tags: [], signals: [] });
  });

  it('collects reasons (array, then single) in firing order, and lists fired rules with their events', () => {
    const r = evaluate({ decision: DECISION }, [{ reason: 'low' }, { reasons: [{ code: 'A', zh: '甲', en: 'a' }, 'x'], reason: 'y' }], [1, 5]);
    expect(r.reasons).toEqual([{ code: 'A', zh: '甲', en: 'a' }, 'x', 'y', 'low']);
    expect(r.firedRules.map((f) => [f.name, f.priority, f.event.type])).toEqual([['r1', 5, 't'], ['r0', 1, 't']]);
    expect(r.warnings).toBeUndefined();
  });

  it('ignores params inherited from Object.prototype', () => {
    const spec: OutputSpec = { type: 'string', merge: 'first', default: 'none' };
    const out: Record<string, OutputSpec> = Object.fromEntries([['constructor', spec]]);
    expect(evaluate(out, [{ x: 1 }]).outputs).toEqual({ constructor: 'none' });
  });
});
