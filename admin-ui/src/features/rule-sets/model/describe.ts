import type { TFunction } from 'i18next';
import type { Condition, LeafCondition } from '../api/types';
import { groupChildren, nodeKind } from './condition-tree';
import { factLabel, type FactInfo } from './fact-catalog';
import { splitOperator } from './operators';
import { formatValue } from './units';

export interface DescribeContext {
  t: TFunction;
  language: string;
  facts: Map<string, FactInfo>;
}

export function operatorLabel(t: TFunction, operator: string): string {
  const { decorators, base } = splitOperator(operator);
  const prefix = decorators
    .split(':')
    .filter(Boolean)
    .map((d) => t(`ruleSets.decorators.${d}`, { defaultValue: d }))
    .join(' ');
  const label = t(`ruleSets.operators.${base}`, { defaultValue: base });
  return prefix ? `${prefix} ${label}` : label;
}

/** "资产负债率 大于 70 %", "Days past due between 31 and 90". */
export function describeLeaf(leaf: LeafCondition, ctx: DescribeContext): string {
  const { t, language, facts } = ctx;
  const info = facts.get(leaf.fact);
  const subject = factLabel(info, leaf.fact, language) + (leaf.path ? ` ${leaf.path}` : '');
  const { base } = splitOperator(leaf.operator);
  if (base === 'between' && Array.isArray(leaf.value) && leaf.value.length === 2)
    return t('ruleSets.describe.between', {
      fact: subject,
      low: formatValue(leaf.value[0], info, t, language),
      high: formatValue(leaf.value[1], info, t, language),
    });
  if (base === 'withinDays') return t('ruleSets.describe.withinDays', { fact: subject, days: formatValue(leaf.value, undefined, t, language, facts) });
  return `${subject} ${operatorLabel(t, leaf.operator)} ${formatValue(leaf.value, info, t, language, facts)}`;
}

/** A whole condition tree in one sentence, with brackets around nested groups. */
export function describeCondition(node: unknown, ctx: DescribeContext, nested = false): string {
  const { t } = ctx;
  const kind = nodeKind(node);
  switch (kind) {
    case 'leaf':
      return describeLeaf(node as LeafCondition, ctx);
    case 'ref':
      return t('ruleSets.describe.shared', { name: (node as { condition: string }).condition });
    case 'not':
      return t('ruleSets.describe.not', { inner: describeCondition((node as { not: Condition }).not, ctx, true) });
    case 'all':
    case 'any': {
      const parts = groupChildren(node as Condition).map(({ child }) => describeCondition(child, ctx, true));
      if (!parts.length) return kind === 'all' ? t('ruleSets.describe.always') : t('ruleSets.describe.never');
      const text = parts.join(kind === 'all' ? t('ruleSets.describe.and') : t('ruleSets.describe.or'));
      return nested && parts.length > 1 ? `(${text})` : text;
    }
    default:
      return t('ruleSets.describe.invalid');
  }
}
