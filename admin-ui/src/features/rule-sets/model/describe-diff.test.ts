import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n';
import type { RuleSetDiff } from '../api/types';
import { testCatalog, testPolicy } from '../test-fixtures';
import { describeDiff } from './describe-diff';
import { buildFactIndex, readCatalog } from './fact-catalog';

const empty = { added: [], removed: [], changed: [] };

describe('a version diff in business language', () => {
  it('says which threshold moved, in the fact\'s unit, and which rules came and went', () => {
    const from = testPolicy();
    const to = testPolicy();
    to.rules = [{ ...to.rules[1] }, { ...to.rules[0], conditions: { all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: 0.75 }] } }];
    to.conditions = { manufacturer: { all: [{ fact: 'industrySection', operator: 'in', value: ['C', 'B'] }] } };
    to.rules.push({ name: 'watch-list', priority: 5, conditions: { all: [{ fact: 'onWatchList', operator: 'equal', value: true }] }, event: { type: 'refer', params: { decision: 'refer' } } });
    const diff: RuleSetDiff = {
      key: 'test-policy',
      from: 1,
      to: 2,
      identical: false,
      meta: [],
      rules: {
        added: ['watch-list'],
        removed: [],
        changed: [
          {
            name: 'leverage-above-line',
            changes: [
              { path: 'conditions.all[0].value', before: 0.7, after: 0.75 },
              { path: 'event.params.decision', before: 'refer', after: 'decline' },
            ],
          },
        ],
      },
      inputs: empty,
      outputs: empty,
      conditions: { added: [], removed: [], changed: [{ name: 'manufacturer', changes: [{ path: 'all[0].value[1]', before: undefined, after: 'B' }] }] },
      tests: { added: ['new case'], removed: [], changed: [] },
    };
    const ctx = { t: i18n.t.bind(i18n), language: 'en', facts: buildFactIndex(readCatalog(testCatalog), to) };
    expect(describeDiff(diff, from, to, ctx).map((l) => [l.kind, l.text, l.pointer])).toEqual([
      ['added', 'Rule watch-list added', '/rules/2'],
      ['changed', 'Leverage above the warning line (leverage-above-line): Debt-to-asset ratio greater than 70 % → 75 %', '/rules/1'],
      ['changed', 'Leverage above the warning line (leverage-above-line): Decision Refer → Decline', '/rules/1'],
      ['changed', 'manufacturer: Industry section is one of Manufacturing → Manufacturing, Mining', '/conditions/manufacturer'],
      ['added', 'Test case "new case" added', undefined],
    ]);
  });
});
