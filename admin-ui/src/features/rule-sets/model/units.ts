import type { TFunction } from 'i18next';
import { enumLabel, factLabel, type FactInfo } from './fact-catalog';
import { isFactRef } from './operators';

/**
 * Ratios are stored as decimals (0.7) because that is what the formulas produce, but credit people read and type
 * them as percentages (70 %). Only the unit `ratio` converts; `pp` and everything else is shown as stored.
 */
export const isPercent = (unit: string | undefined) => unit === 'ratio';

// Twelve significant digits hide binary noise (0.7 × 100 = 70.00000000000001) without losing a real decimal.
const clean = (n: number) => Number(n.toPrecision(12));

export function toDisplay(value: number, unit: string | undefined): number {
  return isPercent(unit) ? clean(value * 100) : value;
}

export function fromDisplay(display: number, unit: string | undefined): number {
  return isPercent(unit) ? clean(display / 100) : display;
}

/** The unit as shown beside an input or a number: "%", "天", "×", "CNY"; empty for flags and unknown units. */
export function unitSuffix(t: TFunction, unit: string | undefined): string {
  if (!unit || unit === 'flag' || unit === 'date' || unit === 'count') return '';
  if (isPercent(unit)) return '%';
  return t(`ruleSets.units.${unit}`, { defaultValue: unit });
}

export function formatNumber(value: number, unit: string | undefined, t: TFunction, language: string): string {
  const shown = toDisplay(value, unit);
  const text = shown.toLocaleString(language, { maximumFractionDigits: 10 });
  const suffix = unitSuffix(t, unit);
  return suffix ? `${text} ${suffix}` : text;
}

/** A value as a sentence fragment: "70 %", "正常、关注", "yes", "the fact debtToAssetWarningLine". */
export function formatValue(value: unknown, info: FactInfo | undefined, t: TFunction, language: string, facts?: Map<string, FactInfo>): string {
  if (value === undefined) return t('ruleSets.values.missing');
  if (value === null) return t('ruleSets.values.null');
  if (isFactRef(value)) return t('ruleSets.values.factRef', { fact: factLabel(facts?.get(value.fact), value.fact, language) });
  if (typeof value === 'number') return formatNumber(value, info?.unit, t, language);
  if (typeof value === 'boolean') return value ? t('ruleSets.values.true') : t('ruleSets.values.false');
  if (typeof value === 'string') return info?.enumLabels ? enumLabel(info, value, language) : value === '' ? t('ruleSets.values.empty') : value;
  if (Array.isArray(value) && value.length === 0) return '—';
  if (Array.isArray(value)) return value.map((v) => formatValue(v, info, t, language, facts)).join(language.startsWith('zh') ? '、' : ', ');
  return JSON.stringify(value);
}
