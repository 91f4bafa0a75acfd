import { CATALOG, found, leaf, policy } from './analysis-test-kit';
import { FactIndex } from './fact-index';
import { checkOperators, fits, shapeProblem } from './operator-fit';

const check = (...conditions: ReturnType<typeof leaf>[]) => {
  const doc = policy([{ conditions: { all: conditions } }], { inputs: [{ name: 'terms', type: 'object' }] });
  return checkOperators(doc, FactIndex.of(doc, CATALOG));
};
const at = (i: number, part = 'operator') => `/rules/0/conditions/all/${i}/${part}`;

describe('unknown_operator', () => {
  it('names an unknown operator or decorator (the schema refuses them too; stored documents are checked anyway)', () => {
    const issues = check(leaf('debtToAsset', 'largerThan', 1), leaf('debtToAsset', 'never:equal', 1));
    expect(found(issues)).toEqual([`unknown_operator@${at(0)}`, `unknown_operator@${at(1)}`]);
    expect(issues[0].message).toContain("'largerThan' is not an operator");
    expect(issues[1].message).toContain("'never' is not a decorator");
  });
});

describe('operator and fact type (type_mismatch)', () => {
  it.each([
    ['startsWith on a number', leaf('debtToAsset', 'startsWith', '0.')],
    ['a comparison on a string', leaf('industryClass', 'greaterThan', 3000)],
    ['a comparison on a date', leaf('establishedDate', 'lessThan', 2020)],
    ['before on a number', leaf('maxDpd', 'before', '2025-01-01')],
    ['withinDays on a boolean', leaf('listed', 'withinDays', 30)],
    ['contains on a string', leaf('industryClass', 'contains', '64')],
    ['in on a list', leaf('activeEventTypes', 'in', ['litigation'])],
    ['between on an object', leaf('terms', 'between', [1, 2])],
    ['someFact on a number', leaf('debtToAsset', 'someFact:greaterThan', 1)],
  ])('refuses %s', (_label, c) => {
    const issues = check(c);
    expect(found(issues)).toEqual([`type_mismatch@${at(0)}`]);
    expect(issues[0].severity).toBe('error');
  });

  it.each([
    ['comparisons on numbers and integers', [leaf('debtToAsset', 'greaterThan', 0.7), leaf('maxDpd', 'lessThanInclusive', 90)]],
    ['equal on anything', [leaf('listed', 'equal', true), leaf('industrySection', 'notEqual', 'K'), leaf('establishedDate', 'equal', '2020-01-01')]],
    ['in and startsWith on strings and dates', [leaf('industrySection', 'in', ['B', 'C']), leaf('latestPeriodEnd', 'startsWith', '2024'), leaf('industryClass', 'startsWith', ['64', '66'])]],
    ['date operators on dates', [leaf('latestPeriodEnd', 'before', '2025-01-01'), leaf('establishedDate', 'after', { fact: 'latestPeriodEnd' }), leaf('latestPeriodEnd', 'withinDays', -30)]],
    ['contains and someFact on lists', [leaf('activeEventTypes', 'contains', 'litigation'), leaf('activeEventTypes', 'someFact:equal', 'litigation')]],
    ['any operator on an unknown fact or a path', [leaf('mystery', 'startsWith', 'x'), leaf('collateralByType', 'greaterThan', 0.5, '$[0].share')]],
    ['anything after swap', [leaf('debtToAsset', 'swap:contains', [0.5])]],
  ])('accepts %s', (_label, conditions) => {
    expect(check(...(conditions as ReturnType<typeof leaf>[]))).toEqual([]);
  });

  it('checks a fact reference on the right against what the operator needs', () => {
    expect(found(check(leaf('debtToAsset', 'greaterThan', { fact: 'industryClass' })))).toEqual([`type_mismatch@${at(0, 'value')}`]);
    expect(check(leaf('debtToAsset', 'greaterThan', { fact: 'currentRatio' }))).toEqual([]);
  });
});

describe('operator values (invalid_value)', () => {
  it.each([
    ['between with one number', leaf('debtToAsset', 'between', 0.5)],
    ['between with three numbers', leaf('debtToAsset', 'between', [0.1, 0.5, 0.9])],
    ['between with strings', leaf('debtToAsset', 'between', ['0.1', '0.5'])],
    ['between with an empty range', leaf('debtToAsset', 'between', [0.9, 0.5])],
    ['withinDays with a fraction', leaf('establishedDate', 'withinDays', 1.5)],
    ['withinDays with a string', leaf('establishedDate', 'withinDays', '30')],
    ['before with a non-date', leaf('establishedDate', 'before', '2025-02-30')],
    ['startsWith with a number', leaf('industryClass', 'startsWith', 64)],
    ['someValue with a scalar', leaf('industrySection', 'someValue:equal', 'K')],
  ])('refuses %s', (_label, c) => {
    const issues = check(c);
    expect(found(issues)).toEqual([`invalid_value@${at(0, 'value')}`]);
  });

  it('accepts the right shapes, also under decorators', () => {
    expect(check(leaf('debtToAsset', 'between', [0.5, 0.9]), leaf('debtToAsset', 'not:between', [0.5, 0.5]), leaf('industrySection', 'someValue:equal', ['B', 'K']))).toEqual([]);
  });

  it('reports each bad item of someValue at its own pointer', () => {
    expect(found(check(leaf('establishedDate', 'someValue:before', ['2025-01-01', 'soon'])))).toEqual([`invalid_value@${at(0, 'value')}/1`]);
  });
});

describe('fits', () => {
  it('follows OPERATORS, with integers as numbers and dates as strings for in/startsWith', () => {
    expect(fits('lessThan', 'integer')).toBe(true);
    expect(fits('in', 'date')).toBe(true);
    expect(fits('lessThan', 'date')).toBe(false);
    expect(fits('equal', 'object')).toBe(true);
  });

  it('shapeProblem is silent for operators without a shape rule', () => {
    expect(shapeProblem('equal', { anything: 1 })).toBeNull();
  });
});
