import { plainValue } from '../explanation/explain-text';

/** A `{code, zh, en}` reason (or condition) in the current language: "G03 · 内部评级8级（B）". */
export function reasonText(reason: unknown, language: string): string {
  if (typeof reason === 'object' && reason !== null && !Array.isArray(reason)) {
    const r = reason as { code?: unknown; zh?: unknown; en?: unknown };
    const text = language.startsWith('zh') ? (r.zh ?? r.en) : (r.en ?? r.zh);
    if (typeof r.code === 'string' || typeof text === 'string') return [r.code, text].filter((x) => typeof x === 'string' && x).join(' · ');
  }
  return plainValue(reason);
}

/** A decision output's value: lists of reasons one per line, numbers grouped, everything else plainly. */
export function outputText(value: unknown, language: string): string {
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => reasonText(v, language)).join('\n');
  if (typeof value === 'number') return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
  if (value === null || value === undefined) return '—';
  return reasonText(value, language);
}
