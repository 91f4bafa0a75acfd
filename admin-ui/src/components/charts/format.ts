/**
 * Number formats of the portfolio pages. Amounts are compact (4.3亿 in Chinese, 430M in English) because a bank's
 * exposures span eight orders of magnitude; the exact figure is one hover or one table away.
 */

export function formatCount(n: number, language: string): string {
  return new Intl.NumberFormat(language).format(n);
}

export function formatAmount(n: number | null | undefined, language: string, currency = 'CNY'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  const compact = new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: Math.abs(n) >= 1e4 ? 1 : 0 }).format(n);
  return currency ? `${currency} ${compact}` : compact;
}

/** The full amount, for titles and tables: CNY 42,750,308. */
export function formatAmountExact(n: number | null | undefined, language: string, currency = 'CNY'): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return `${currency} ${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(n)}`;
}

export function formatPercent(ratio: number | null | undefined, language: string, digits = 1): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** A multiple such as a current ratio or a coverage: 1.25×. */
export function formatTimes(n: number | null | undefined, language: string, digits = 2, maxDigits = digits): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return `${new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: maxDigits }).format(n)}×`;
}

/** A round axis maximum: 1, 2, 2.5 or 5 × 10^n at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= max - 1e-12) ?? max;
}

/** A round axis range including 0 and every value (ratios can be negative: a loss makes coverage negative). */
export function niceRange(values: number[]): [number, number] {
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo === 0) return [0, niceMax(hi)];
  if (hi === 0) return [-niceMax(-lo), 0];
  return [-niceMax(-lo), niceMax(hi)];
}
