import type { TFunction } from 'i18next';
import { reasonText } from '../../../components/format/reason-text';
import { class5Label, industryLabel, provinceLabel, sizeLabel } from '../../portfolio/model/labels';
import type { Dimension } from '../api/types';

/** Names of output values and breakdown values in the user's language. */

const CLASS5 = new Set(['正常', '关注', '次级', '可疑', '损失']);

export function outputValueLabel(t: TFunction, value: unknown, language: string): string {
  if (value === null || value === undefined) return t('simulations.values.none');
  if (typeof value === 'string') {
    if (value === '(other)') return t('simulations.values.other');
    if (CLASS5.has(value)) return class5Label(t, value);
    return t(`decisions.outcomes.${value}`, { defaultValue: value, nsSeparator: false });
  }
  if (typeof value === 'object') return reasonText(value, language);
  return String(value);
}

export function dimensionValueLabel(t: TFunction, dim: Dimension, value: string): string {
  if (value === '(other)') return t('simulations.values.other');
  if (dim === 'industry') return `${value} · ${industryLabel(t, value)}`;
  if (dim === 'region') return /^\d{2}$/.test(value) ? provinceLabel(t, value) : value;
  if (dim === 'size') return sizeLabel(t, value);
  return value;
}

/** Key of a value in the matrix (values can be null, numbers or strings). */
export const valueKey = (v: unknown) => JSON.stringify(v ?? null);
