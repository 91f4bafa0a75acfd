import { CATALOG, found, leaf, policy } from './analysis-test-kit';
import { FactIndex } from './fact-index';
import { checkValueTypes, isNumberLike } from './value-types';

const check = (...conditions: ReturnType<typeof leaf>[]) => {
  const doc = policy([{ conditions: { all: conditions } }], { inputs: [{ name: 'sector', type: 'string', enum: ['solar', 'wind'] }] });
  return checkValueTypes(doc, FactIndex.of(doc, CATALOG));
};
const at = (i: number, suffix = '') => `/rules/0/conditions/all/${i}/value${suffix}`;

describe('type_mismatch: values that can never match the fact', () => {
  it.each([
    ['a number fact with a non-numeric string', leaf('debtToAsset', 'greaterThan', 'high'), ''],
    ['a number fact with null in a comparison', leaf('debtToAsset', 'lessThan', null), ''],
    ['a number fact equal to a numeric string (=== never matches)', leaf('debtToAsset', 'equal', '0.7'), ''],
    ['an integer fact equal to a fraction', leaf('maxDpd', 'equal', 90.5), ''],
    ['a boolean fact with a number', leaf('listed', 'equal', 1), ''],
    ['a boolean fact with the string "true"', leaf('listed', 'notEqual', 'true'), ''],
    ['a string fact with a number', leaf('industryClass', 'equal', 6411), ''],
    ['a date fact with a non-date', leaf('establishedDate', 'equal', '2020'), ''],
    ['a list fact with equal', leaf('activeEventTypes', 'equal', 'litigation'), ''],
    ['in with a string', leaf('industrySection', 'in', 'BCK'), ''],
    ['in with a number', leaf('maxDpd', 'notIn', 5), ''],
    ['an item of in of the wrong type', leaf('internalGrade', 'in', [1, '2']), '/1'],
    ['contains with a list', leaf('activeEventTypes', 'contains', ['litigation']), ''],
    ['a comparison whose value is a boolean, on an unknown fact', leaf('mystery', 'greaterThan', true), ''],
  ])('%s', (_label, c, suffix) => {
    const issues = check(c);
    expect(found(issues)).toEqual([`type_mismatch@${at(0, suffix)}`]);
    expect(issues[0].severity).toBe('error');
  });

  it('says how to fix a quoted number', () => {
    expect(check(leaf('debtToAsset', 'equal', '0.7'))[0].message).toBe('equal compares with ===: debtToAsset is a number and never equals the string "0.7"; write 0.7 without quotes');
  });

  it('checks a fact reference on the right of equal', () => {
    expect(found(check(leaf('debtToAsset', 'equal', { fact: 'industryClass' })))).toEqual([`type_mismatch@${at(0)}`]);
    expect(check(leaf('maxDpd', 'equal', { fact: 'debtToAsset' }), leaf('establishedDate', 'equal', { fact: 'industryClass' }))).toEqual([]);
  });

  it('checks items of someFact and someValue against the item type', () => {
    expect(found(check(leaf('activeEventTypes', 'someFact:equal', 7)))).toEqual([`type_mismatch@${at(0)}`]);
    expect(found(check(leaf('maxDpd', 'someValue:equal', [90, 'x'])))).toEqual([`type_mismatch@${at(0, '/1')}`]);
  });
});

describe('accepted values', () => {
  it('numbers and numeric strings in comparisons, null in equal, right types everywhere', () => {
    expect(
      check(
        leaf('debtToAsset', 'greaterThan', 0.7),
        leaf('debtToAsset', 'lessThan', '0.9'),
        leaf('maxDpd', 'equal', null),
        leaf('maxDpd', 'equal', 90),
        leaf('listed', 'equal', false),
        leaf('industrySection', 'in', ['B', 'C']),
        leaf('establishedDate', 'equal', '2020-01-01'),
        leaf('activeEventTypes', 'contains', 'litigation'),
        leaf('activeEventTypes', 'equal', null),
        leaf('mystery', 'equal', 'anything'),
        leaf('collateralByType', 'equal', 'x', '$[0].type'),
        leaf('debtToAsset', 'swap:in', [1]),
      ),
    ).toEqual([]);
  });
});

describe('value_not_in_enum (warning)', () => {
  it.each([
    ['equal', leaf('industrySection', 'equal', 'Z'), ''],
    ['notEqual', leaf('worstClass5cat', 'notEqual', '坏'), ''],
    ['an item of in', leaf('internalGrade', 'in', [3, 12]), '/1'],
    ['contains on a list with an enum', leaf('activeEventTypes', 'contains', 'bankruptcy'), ''],
    ['startsWith with no matching value', leaf('industrySection', 'startsWith', 'Z'), ''],
    ['an enum declared in inputs', leaf('sector', 'equal', 'coal'), ''],
  ])('%s', (_label, c, suffix) => {
    const issues = check(c);
    expect(found(issues)).toEqual([`value_not_in_enum@${at(0, suffix)}`]);
    expect(issues[0].severity).toBe('warning');
  });

  it('is silent for values in the enum', () => {
    expect(check(leaf('industrySection', 'startsWith', ['K', 'Z']), leaf('worstClass5cat', 'in', ['次级', '可疑', '损失']))).toEqual([]);
  });
});

describe('isNumberLike', () => {
  it('is what JavaScript reads as a finite number', () => {
    expect([0.7, '0.7', ' 3', '1e3'].map(isNumberLike)).toEqual([true, true, true, true]);
    expect(['', ' ', 'abc', '3abc', null, true, [1]].map(isNumberLike)).toEqual([false, false, false, false, false, false, false]);
  });
});
