import type { RuleSetDocument, RuleSetVersion } from './api/types';

/**
 * A small credit policy for the rule-set component tests: a ratio with a unit, an integer, an enumeration from the
 * catalog, a flag, a shared condition, and outputs of every editing kind (ordered decision, capped number, covenant
 * list, reasons).
 */
export function testPolicy(): RuleSetDocument {
  return {
    key: 'test-policy',
    family: 'credit-policy',
    name: { zh: '测试授信政策', en: 'Test credit policy' },
    inputs: [
      { name: 'debtToAsset', type: 'number', required: true, unit: 'ratio' },
      { name: 'maxDpd', type: 'integer', unit: 'days' },
    ],
    outputs: {
      decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve', description: { zh: '结论', en: 'Decision' } },
      maxLimit: { type: 'number', merge: 'min', default: null, unit: 'CNY', description: { zh: '政策上限', en: 'Policy cap' } },
      conditions: { type: 'array', merge: 'union', default: [] },
      reasons: { type: 'array', merge: 'collect', default: [] },
    },
    conditions: { manufacturer: { all: [{ fact: 'industrySection', operator: 'in', value: ['C'] }] } },
    rules: [
      {
        name: 'leverage-above-line',
        description: { zh: '资产负债率高于警戒线', en: 'Leverage above the warning line' },
        priority: 10,
        conditions: { all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: 0.7 }] },
        event: {
          type: 'refer',
          params: {
            decision: 'refer',
            maxLimit: 30000000,
            conditions: [{ code: 'C1', zh: '追加担保', en: 'Additional security' }],
            reasons: [{ code: 'LEV', zh: '资产负债率高于警戒线', en: 'Leverage above the warning line' }],
            source: 'domain.md §2.3',
          },
        },
      },
      {
        name: 'npl-arrears',
        priority: 20,
        conditions: { all: [{ fact: 'maxDpd', operator: 'greaterThanInclusive', value: 91 }, { condition: 'manufacturer' }] },
        event: { type: 'decline', params: { decision: 'decline', reasons: [{ code: 'DPD91', zh: '逾期超过90天', en: 'More than 90 days past due' }] } },
      },
    ],
    tests: [{ name: 'clean borrower approved', facts: { debtToAsset: 0.5, maxDpd: 0 }, expect: { outputs: { decision: 'approve' } } }],
  };
}

/** GET /api/v1/facts as the server answers it (a few entries). */
export const testCatalog = {
  groups: ['identity', 'financial'],
  facts: [
    { name: 'debtToAsset', type: 'number', unit: 'ratio', description: { zh: '资产负债率', en: 'Debt-to-asset ratio' }, source: 'derived', group: 'financial' },
    { name: 'maxDpd', type: 'integer', unit: 'days', description: { zh: '最长逾期天数', en: 'Maximum days past due' }, source: 'derived', group: 'financial' },
    {
      name: 'industrySection',
      type: 'string',
      description: { zh: '国民经济行业门类', en: 'Industry section' },
      source: 'input',
      group: 'identity',
      enum: ['B', 'C', 'K'],
      enumLabels: { B: { zh: '采矿业', en: 'Mining' }, C: { zh: '制造业', en: 'Manufacturing' }, K: { zh: '房地产业', en: 'Real estate' } },
    },
    { name: 'onWatchList', type: 'boolean', unit: 'flag', description: { zh: '已列入观察名单', en: 'On the watch list' }, source: 'input', group: 'identity' },
    { name: 'incorporationDate', type: 'date', unit: 'date', description: { zh: '成立日期', en: 'Date of incorporation' }, source: 'input', group: 'identity' },
    { name: 'usccWarnings', type: 'array', description: { zh: '统一社会信用代码提示', en: 'USCC warnings' }, source: 'derived', group: 'identity' },
  ],
  enumerations: {},
};

export function testVersion(overrides: Partial<RuleSetVersion> = {}): RuleSetVersion {
  const by = { kind: 'user', id: 'usr_analyst', name: 'analyst' };
  return {
    id: 'rs_2',
    key: 'test-policy',
    version: 2,
    family: 'credit-policy',
    status: 'draft',
    revision: 3,
    contentHash: 'sha256:abc',
    document: testPolicy(),
    basedOnVersion: 1,
    createdBy: by,
    createdAt: '2026-11-20T08:00:00.000Z',
    updatedBy: by,
    updatedAt: '2026-11-21T08:00:00.000Z',
    authors: ['usr_analyst'],
    ...overrides,
  };
}
