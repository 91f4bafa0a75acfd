/**
 * Shared by the analysis unit tests (not a test itself): a small catalog with one fact of each type, and a
 * builder for documents around a few rules.
 */
import type { Condition, RuleSetDocument } from '../../rule-sets/rule-set';
import type { CatalogFact } from './fact-index';
import type { AnalysisResult, Issue } from './issue';

export const CATALOG: CatalogFact[] = [
  { name: 'debtToAsset', type: 'number' },
  { name: 'currentRatio', type: 'number' },
  { name: 'maxDpd', type: 'integer' },
  { name: 'internalGrade', type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  { name: 'industrySection', type: 'string', enum: ['A', 'B', 'C', 'K'] },
  { name: 'industryClass', type: 'string' },
  { name: 'worstClass5cat', type: 'string', enum: ['正常', '关注', '次级', '可疑', '损失'] },
  { name: 'listed', type: 'boolean' },
  { name: 'establishedDate', type: 'date' },
  { name: 'latestPeriodEnd', type: 'date' },
  { name: 'activeEventTypes', type: 'array', enum: ['litigation', 'assets_frozen', 'negative_news'] },
  { name: 'collateralByType', type: 'array' },
];

export interface RuleSpec {
  name?: string;
  priority?: number;
  conditions: Condition;
  params?: Record<string, unknown>;
}

/** A credit policy with a `worst` decision, a `first` grade and a `collect` reasons output, around the given rules. */
export function policy(rules: RuleSpec[], extra: Partial<RuleSetDocument> = {}): RuleSetDocument {
  return {
    key: 'analysis-test',
    family: 'credit-policy',
    name: { zh: '测试', en: 'Test' },
    outputs: {
      decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' },
      grade: { type: 'string', merge: 'first', default: 'B' },
      reasons: { type: 'array', merge: 'collect', default: [] },
    },
    rules: rules.map((r, i) => ({
      name: r.name ?? `rule${i}`,
      priority: r.priority ?? 10,
      conditions: ('all' in r.conditions || 'any' in r.conditions || 'not' in r.conditions || 'condition' in r.conditions ? r.conditions : { all: [r.conditions] }) as RuleSetDocument['rules'][number]['conditions'],
      event: { type: 'hit', params: r.params ?? { decision: 'refer', grade: 'C', reasons: [`R${i}`] } },
    })),
    ...extra,
  };
}

export const leaf = (fact: string, operator: string, value: unknown, path?: string): Condition =>
  (path === undefined ? { fact, operator, value } : { fact, path, operator, value }) as Condition;

/** "code@pointer" for every finding, errors then warnings: compact to assert on. */
export function found(r: AnalysisResult | Issue[]): string[] {
  const list = Array.isArray(r) ? r : [...r.errors, ...r.warnings];
  return list.map((i) => `${i.code}@${i.pointer}`);
}
