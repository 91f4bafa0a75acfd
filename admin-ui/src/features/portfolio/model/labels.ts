import type { TFunction } from 'i18next';

/**
 * Names of the portfolio's codes in the current language: GB/T 4754 industry sections, GB/T 2260 provinces, the
 * five-category classes, alert severities, MIIT size classes. A code we have no name for shows as itself.
 */

const opts = (code: string) => ({ defaultValue: code, nsSeparator: false as const, keySeparator: '.' });

export function industryLabel(t: TFunction, code: string | null | undefined): string {
  return code ? t(`portfolio.industry.${code}`, opts(code)) : t('portfolio.none');
}

export function provinceLabel(t: TFunction, code: string | null | undefined): string {
  return code ? t(`portfolio.province.${code}`, opts(code)) : t('portfolio.none');
}

/**
 * A region of the exposure breakdown: a province code by its name, `CN` alone as China without a province, any
 * other country by the name the browser knows for it (Intl), else its code.
 */
export function regionLabel(t: TFunction, key: string, language: string): string {
  if (/^\d{2}$/.test(key)) return provinceLabel(t, key);
  if (key === 'CN') return t('portfolio.widgets.concentration.chinaNoProvince');
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(key) ?? key;
  } catch {
    return key;
  }
}

export function class5Label(t: TFunction, cls: string | null | undefined): string {
  return cls ? t(`portfolio.class5.${cls}`, opts(cls)) : t('portfolio.notClassified');
}

export function severityLabel(t: TFunction, severity: string | null | undefined): string {
  return severity ? t(`portfolio.severity.${severity}`, opts(severity)) : t('portfolio.none');
}

export function sizeLabel(t: TFunction, size: string | null | undefined): string {
  return size ? t(`portfolio.size.${size}`, opts(size)) : t('portfolio.none');
}

export function stageLabel(t: TFunction, stage: number | null | undefined): string {
  return stage ? t('portfolio.stage', { stage }) : t('portfolio.none');
}

export function tierLabel(t: TFunction, tier: string | null | undefined): string {
  return tier ?? t('portfolio.noTier');
}

/** The client's name in the user's language where an English name exists. */
export function clientName(c: { name: string; nameEn?: string | null }, language: string): string {
  return !language.startsWith('zh') && c.nameEn ? c.nameEn : c.name;
}

export const PROVINCE_CODES = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82'];
