/**
 * Date arithmetic for the generator, on ISO `YYYY-MM-DD` strings, without Date objects or regular expressions:
 * a 100,000-client book does millions of these. Same semantics as facts/dates.ts (UTC calendar days; adding
 * months clamps to the month's end and keeps a month-end date at month end).
 */

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayOf(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y--;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const names = new Map<number, string>();
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** ISO date of a day number (civil_from_days), memoised: a book only ever touches a few thousand distinct days. */
export function isoOf(day: number): string {
  let s = names.get(day);
  if (s !== undefined) return s;
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  s = `${y}-${pad2(m)}-${pad2(d)}`;
  names.set(day, s);
  return s;
}

export function addDays(iso: string, days: number): string {
  return isoOf(dayOf(iso) + days);
}

export function daysBetween(a: string, b: string): number {
  return dayOf(b) - dayOf(a);
}

function monthLength(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const last = monthLength(ny, nm);
  const nd = d === monthLength(y, m) ? last : Math.min(d, last);
  return `${ny}-${pad2(nm)}-${pad2(nd)}`;
}
