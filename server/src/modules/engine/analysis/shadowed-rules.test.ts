import type { Condition } from '../../rule-sets/rule-set';
import { CATALOG, found, leaf, policy, type RuleSpec } from './analysis-test-kit';
import { analysisContext } from './context';
import { checkShadowedRules } from './shadowed-rules';
import { checkUnreachableRules } from './unreachable-rules';

const check = (rules: RuleSpec[], shared?: Record<string, Condition>) => {
  const ctx = analysisContext(policy(rules, shared ? { conditions: shared as never } : {}), CATALOG);
  return checkShadowedRules(ctx, checkUnreachableRules(ctx).unreachable);
};
const grade = (g: string) => ({ grade: g });
const lev = (v: number) => leaf('debtToAsset', 'greaterThan', v);
const dpd = leaf('maxDpd', 'greaterThan', 30);

describe('shadowed_rule (first outputs)', () => {
  it('warns when a lower rule has the higher rule’s conditions and more', () => {
    const issues = check([
      { name: 'high', priority: 20, conditions: { all: [lev(0.7)] }, params: grade('D') },
      { name: 'low', priority: 10, conditions: { all: [lev(0.7), dpd] }, params: grade('C') },
    ]);
    expect(found(issues)).toEqual(['shadowed_rule@/rules/1/event/params/grade']);
    expect(issues[0]).toMatchObject({
      severity: 'warning',
      related: ['/rules/0'],
      message: "rule 'low' never sets grade: whenever it fires, rule 'high' (priority 20 > 10) fires too and wins under 'first'",
    });
  });

  it('warns for identical conditions at equal priority (document order decides) and says when the value is the same', () => {
    const issues = check([
      { name: 'a', priority: 10, conditions: { all: [lev(0.7), dpd] }, params: grade('C') },
      { name: 'b', priority: 10, conditions: { all: [dpd, lev(0.7)] }, params: grade('C') },
    ]);
    expect(found(issues)).toEqual(['shadowed_rule@/rules/1/event/params/grade']);
    expect(issues[0].message).toContain('same priority 10, earlier in the document');
    expect(issues[0].message).toContain('(with the same value)');
  });

  it('sees implication through narrower ranges, pinned values, shared conditions and any', () => {
    expect(found(check([{ priority: 20, conditions: { all: [lev(0.7)] }, params: grade('D') }, { priority: 10, conditions: { all: [lev(0.8)] }, params: grade('C') }]))).toHaveLength(1);
    expect(
      found(check([{ priority: 20, conditions: { all: [leaf('industrySection', 'in', ['K', 'C'])] }, params: grade('D') }, { priority: 10, conditions: { all: [leaf('industrySection', 'equal', 'K')] }, params: grade('C') }])),
    ).toHaveLength(1);
    expect(found(check([{ priority: 20, conditions: { all: [{ condition: 'risky' }] }, params: grade('D') }, { priority: 10, conditions: { all: [lev(0.7), dpd] }, params: grade('C') }], { risky: { any: [lev(0.6), dpd] } }))).toHaveLength(1);
    expect(found(check([{ priority: 20, conditions: { any: [lev(0.7), dpd] }, params: grade('D') }, { priority: 10, conditions: { any: [lev(0.9), leaf('maxDpd', 'greaterThan', 90)] }, params: grade('C') }]))).toHaveLength(1);
  });

  it.each<[string, RuleSpec[]]>([
    ['the lower rule is broader', [{ priority: 20, conditions: { all: [lev(0.7), dpd] }, params: grade('D') }, { priority: 10, conditions: { all: [lev(0.7)] }, params: grade('C') }]],
    ['the ranges only overlap', [{ priority: 20, conditions: { all: [lev(0.7)] }, params: grade('D') }, { priority: 10, conditions: { all: [lev(0.6)] }, params: grade('C') }]],
    ['the higher rule does not set the output', [{ priority: 20, conditions: { all: [lev(0.7)] }, params: { decision: 'refer' } }, { priority: 10, conditions: { all: [lev(0.7), dpd] }, params: grade('C') }]],
    ['the lower rule comes first in the document at equal priority', [{ priority: 10, conditions: { all: [lev(0.7), dpd] }, params: grade('C') }, { priority: 10, conditions: { all: [lev(0.7)] }, params: grade('D') }]],
    ['only some branches of the lower rule imply the higher one', [{ priority: 20, conditions: { all: [lev(0.7)] }, params: grade('D') }, { priority: 10, conditions: { any: [lev(0.8), dpd] }, params: grade('C') }]],
    ['the higher rule can never fire', [{ priority: 20, conditions: { all: [lev(0.7), leaf('debtToAsset', 'lessThan', 0.1)] }, params: grade('D') }, { priority: 10, conditions: { all: [lev(0.8)] }, params: grade('C') }]],
  ])('stays silent when %s', (_label, rules) => {
    expect(check(rules)).toEqual([]);
  });

  it('says so (analysis_incomplete) when a document would take too many comparisons, rather than taking them', () => {
    const rules: RuleSpec[] = Array.from({ length: 6 }, (_, i) => ({ priority: 100 - i, conditions: { all: [lev(0.1 * i)] }, params: grade('C') }));
    const ctx = analysisContext(policy(rules), CATALOG);
    const issues = checkShadowedRules(ctx, new Set(), 21); // one pair and one implication
    expect(found(issues)).toEqual(['shadowed_rule@/rules/1/event/params/grade', 'analysis_incomplete@/outputs/grade']);
    expect(issues[1]).toMatchObject({ severity: 'warning', message: "shadowing under 'grade' was checked for its 2 highest rules only: the other 4 would take too many comparisons" });
    expect(found(checkShadowedRules(ctx, new Set()))).toHaveLength(5);
  });

  it('does not apply to worst, min or collect outputs, where every fired rule counts', () => {
    expect(check([{ priority: 20, conditions: { all: [lev(0.7)] }, params: { decision: 'refer' } }, { priority: 10, conditions: { all: [lev(0.7), dpd] }, params: { decision: 'decline', reasons: ['x'] } }])).toEqual([]);
  });
});
