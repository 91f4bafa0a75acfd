/**
 * Calendar dates as the facts module sees them: ISO `YYYY-MM-DD` strings, handled as whole UTC days so that
 * "calendar days between" never depends on the server's time zone or on daylight saving.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO date (a longer date-time string is cut to its date part); null if unreadable. */
export function dayNumber(iso: string | undefined | null): number | null {
  if (typeof iso !== 'string') return null;
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / MS_PER_DAY);
}

export function isoFromDayNumber(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (positive when `to` is later); null when either date is unreadable. */
export function daysBetween(from: string | undefined | null, to: string | undefined | null): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/** Years between two dates as a decimal (days / 365.25), the convention for age-like facts. */
export function yearsBetween(from: string | undefined | null, to: string | undefined | null): number | null {
  const d = daysBetween(from, to);
  return d === null ? null : d / 365.25;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months, clamping to the month's last day (2024-02-29 + 12 → 2025-02-28), and keeping a
 * month-end date at month end (2024-06-30 + 3 → 2024-09-30) because statement and repayment dates are month ends.
 */
export function addMonths(iso: string, months: number): string | null {
  const n = dayNumber(iso);
  if (n === null) return null;
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m0 = d.getUTCMonth();
  const day = d.getUTCDate();
  const wasMonthEnd = day === daysInMonth(y, m0);
  const total = y * 12 + m0 + months;
  const ny = Math.floor(total / 12);
  const nm0 = total - ny * 12;
  const last = daysInMonth(ny, nm0);
  const nd = wasMonthEnd ? last : Math.min(day, last);
  return `${String(ny).padStart(4, '0')}-${String(nm0 + 1).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** `YYYY-MM` of a date, the key statements are matched on (a period ending 2024-09-29 still is September 2024). */
export function monthKey(iso: string): string {
  return iso.slice(0, 7);
}

/** Month index (year·12 + month−1) of an ISO date. */
export function monthIndex(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

export function monthKeyFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** The later of two ISO dates (string order is date order for `YYYY-MM-DD`). */
export function maxDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
