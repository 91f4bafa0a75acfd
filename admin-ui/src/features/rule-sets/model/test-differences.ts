import type { TFunction } from 'i18next';
import type { TestDifference } from '../api/types';
import { pick } from './fact-catalog';
import { formatValue } from './units';

/** A reason as people read it: "LEV · 资产负债率高于警戒线" in the current language. */
export function reasonText(reason: unknown, language: string): string {
  if (typeof reason === 'string') return reason;
  if (typeof reason === 'object' && reason !== null) {
    const r = reason as { code?: string; zh?: string; en?: string };
    const text = pick({ zh: r.zh, en: r.en }, language);
    return [r.code, text].filter(Boolean).join(' · ') || JSON.stringify(reason);
  }
  return String(reason);
}

/** An output value in words: decisions by their label, {code, zh, en} lists as reasons, empty lists as "—". */
export function outputText(value: unknown, t: TFunction, language: string): string {
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' && v !== null ? reasonText(v, language) : String(v))).join('; ') : '—';
  if (typeof value === 'string') return t(`ruleSets.outputValues.${value}`, { defaultValue: value });
  return formatValue(value, undefined, t, language);
}

/** A failed expectation in words: "decision was Refer, expected Approve"; "did not fire: npl-arrears". */
export function describeDifference(d: TestDifference, t: TFunction, language: string): string {
  switch (d.kind) {
    case 'output':
      return t('ruleSets.tests.diffOutput', { output: d.output, actual: outputText(d.actual, t, language), expected: outputText(d.expected, t, language) });
    case 'firedRules':
      return [
        d.missing?.length ? t('ruleSets.tests.diffMissing', { rules: d.missing.join(', ') }) : '',
        d.unexpected?.length ? t('ruleSets.tests.diffUnexpected', { rules: d.unexpected.join(', ') }) : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'fired':
      return t('ruleSets.tests.diffMissing', { rules: (d.missing ?? []).join(', ') });
    case 'notFired':
      return t('ruleSets.tests.diffNotFired', { rules: (d.fired ?? []).join(', ') });
    default:
      return d.message ?? '';
  }
}
