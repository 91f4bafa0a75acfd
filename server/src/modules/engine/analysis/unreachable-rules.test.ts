import type { Condition } from '../../rule-sets/rule-set';
import { CATALOG, found, leaf, policy } from './analysis-test-kit';
import { analysisContext } from './context';
import { checkUnreachableRules } from './unreachable-rules';

const check = (conditions: Condition, shared?: Record<string, Condition>) => {
  const doc = policy([{ conditions }], shared ? { conditions: shared as never } : {});
  return checkUnreachableRules(analysisContext(doc, CATALOG)).issues;
};
const UNREACHABLE = ['unreachable_rule@/rules/0/conditions'];

describe('unreachable_rule', () => {
  it.each([
    ['> 0.7 and < 0.5', [leaf('debtToAsset', 'greaterThan', 0.7), leaf('debtToAsset', 'lessThan', 0.5)]],
    ['>= 0.7 and < 0.7', [leaf('debtToAsset', 'greaterThanInclusive', 0.7), leaf('debtToAsset', 'lessThan', 0.7)]],
    ['between [0.2, 0.4] and > 0.5', [leaf('debtToAsset', 'between', [0.2, 0.4]), leaf('debtToAsset', 'greaterThan', 0.5)]],
    ['equal a and equal b', [leaf('industrySection', 'equal', 'K'), leaf('industrySection', 'equal', 'C')]],
    ['equal 3 and > 5', [leaf('internalGrade', 'equal', 3), leaf('internalGrade', 'greaterThan', 5)]],
    ['equal K and notEqual K', [leaf('industrySection', 'equal', 'K'), leaf('industrySection', 'notEqual', 'K')]],
    ['in [B, C] and equal K', [leaf('industrySection', 'in', ['B', 'C']), leaf('industrySection', 'equal', 'K')]],
    ['in [1, 2] and in [3, 4]', [leaf('internalGrade', 'in', [1, 2]), leaf('internalGrade', 'in', [3, 4])]],
    ['in [1, 2] and notIn [1, 2]', [leaf('internalGrade', 'in', [1, 2]), leaf('internalGrade', 'notIn', [1, 2])]],
    ['equal "K" and startsWith "C"', [leaf('industrySection', 'equal', 'K'), leaf('industrySection', 'startsWith', 'C')]],
    ['after 2025 and before 2024', [leaf('establishedDate', 'after', '2025-01-01'), leaf('establishedDate', 'before', '2024-01-01')]],
    ['a number and a date on the same fact', [leaf('establishedDate', 'greaterThan', 5), leaf('establishedDate', 'after', '2020-01-01')]],
    ['the same path of one fact', [leaf('collateralByType', 'greaterThan', 0.8, '$[0].share'), leaf('collateralByType', 'lessThan', 0.2, '$[0].share')]],
  ])('finds %s', (_label, all) => {
    expect(found(check({ all: all as Condition[] }))).toEqual(UNREACHABLE);
  });

  it('names both conditions in the message and as related pointers', () => {
    const [i] = check({ all: [leaf('maxDpd', 'lessThan', 30), leaf('debtToAsset', 'greaterThan', 0.7), leaf('debtToAsset', 'lessThan', 0.5)] });
    expect(i).toMatchObject({
      severity: 'error',
      message: "rule 'rule0' can never fire: debtToAsset greaterThan 0.7 and debtToAsset lessThan 0.5 cannot both hold",
      related: ['/rules/0/conditions/all/1', '/rules/0/conditions/all/2'],
    });
  });

  it('follows shared conditions referenced in the same all, and points into them', () => {
    const [i] = check({ all: [{ condition: 'highLeverage' }, leaf('debtToAsset', 'lessThan', 0.5)] }, { highLeverage: { all: [leaf('debtToAsset', 'greaterThan', 0.7)] } });
    expect(i.related).toEqual(['/conditions/highLeverage/all/0', '/rules/0/conditions/all/1']);
  });

  it('finds nested alls, a condition with its own negation, and an any whose every branch is contradicted', () => {
    expect(found(check({ all: [{ all: [leaf('maxDpd', 'greaterThan', 90)] }, { all: [leaf('maxDpd', 'lessThan', 30)] }] }))).toEqual(UNREACHABLE);
    expect(found(check({ all: [leaf('listed', 'equal', true), { not: leaf('listed', 'equal', true) }] }))).toEqual(UNREACHABLE);
    expect(found(check({ all: [leaf('maxDpd', 'greaterThan', 90), { any: [leaf('maxDpd', 'lessThan', 30), leaf('maxDpd', 'equal', 0)] }] }))).toEqual(UNREACHABLE);
    expect(found(check({ not: { all: [] } }))).toEqual(UNREACHABLE);
  });

  it.each([
    ['different facts', [leaf('debtToAsset', 'greaterThan', 0.7), leaf('currentRatio', 'lessThan', 0.5)]],
    ['overlapping ranges', [leaf('debtToAsset', 'greaterThan', 0.5), leaf('debtToAsset', 'lessThanInclusive', 0.7)]],
    ['a closed point', [leaf('debtToAsset', 'greaterThanInclusive', 0.7), leaf('debtToAsset', 'lessThanInclusive', 0.7)]],
    ['different paths', [leaf('collateralByType', 'greaterThan', 0.8, '$[0].share'), leaf('collateralByType', 'lessThan', 0.2, '$[1].share')]],
    ['a negated comparison (also true when the fact is missing)', [leaf('debtToAsset', 'greaterThan', 0.7), { not: leaf('debtToAsset', 'greaterThan', 0.5) }]],
    ['decorated comparisons', [leaf('debtToAsset', 'greaterThan', 0.7), leaf('debtToAsset', 'not:greaterThan', 0.5)]],
    ['numeric strings (compared as text against a string fact)', [leaf('debtToAsset', 'greaterThan', '0.7'), leaf('debtToAsset', 'lessThan', '0.5')]],
    ['fact references', [leaf('debtToAsset', 'greaterThan', { fact: 'currentRatio' }), leaf('debtToAsset', 'lessThan', { fact: 'currentRatio' })]],
    ['in and a compatible equal', [leaf('industrySection', 'in', ['B', 'K']), leaf('industrySection', 'equal', 'K')]],
    ['withinDays (depends on asOf)', [leaf('establishedDate', 'equal', '2020-01-01'), leaf('establishedDate', 'withinDays', 30)]],
  ])('stays silent for %s', (_label, all) => {
    expect(check({ all: all as Condition[] })).toEqual([]);
  });

  it('stays silent when one branch of an any can hold', () => {
    expect(check({ all: [leaf('maxDpd', 'greaterThan', 90), { any: [leaf('maxDpd', 'lessThan', 30), leaf('maxDpd', 'greaterThan', 180)] }] })).toEqual([]);
  });
});
