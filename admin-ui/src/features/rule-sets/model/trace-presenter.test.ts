import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n';
import type { FactInfo } from './fact-catalog';
import { ruleSetPresenter } from './trace-presenter';

const facts = new Map<string, FactInfo>([
  ['debtToAsset', { name: 'debtToAsset', type: 'number', kind: 'number', unit: 'ratio', description: { zh: '资产负债率', en: 'Debt to assets' }, origin: 'catalog' }],
  ['classification', { name: 'classification', type: 'string', kind: 'string', enumLabels: { normal: { zh: '正常', en: 'Normal' } }, origin: 'catalog' }],
]);

describe('ruleSetPresenter', () => {
  const present = ruleSetPresenter(facts, i18n.getFixedT('en'), 'en');

  it('names facts from the index and leaves unknown ones to the tree', () => {
    expect(present.label('debtToAsset')).toBe('Debt to assets');
    expect(present.label('classification')).toBeUndefined();
    expect(present.label('nowhere')).toBeUndefined();
  });

  it('shows ratios as percentages and enumerations by label, as the console form does', () => {
    expect(present.format('debtToAsset', 0.7)).toBe('70 %');
    expect(present.format('classification', 'normal')).toBe('Normal');
    expect(present.format('nowhere', 'x')).toBe('x');
  });
});
