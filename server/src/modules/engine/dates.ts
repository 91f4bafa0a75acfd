/**
 * ISO 8601 dates and datetimes as our date operators read them. Why not Date.parse: it accepts many non-ISO
 * forms, reads an offset-less datetime in the server's local zone (so a decision would depend on where it ran),
 * and rolls 2024-02-30 over into March. Here only these forms are dates, everything else is "not a date":
 *   YYYY-MM-DD                              midnight UTC
 *   YYYY-MM-DDTHH:MM[:SS[.fraction]]        UTC when no offset is written
 *   … followed by Z or ±HH:MM / ±HHMM
 * (a space may stand for the T). Calendar fields are range-checked (February 30th is not a date).
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const DAY_MS = 86_400_000;

interface ParsedDate {
  /** Milliseconds since the epoch. */
  instant: number;
  /** Days since 1970-01-01 of the calendar date as written (before any offset is applied). */
  writtenDay: number;
}

function parse(value: unknown): ParsedDate | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const m = ISO.exec(value);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const hour = m[4] === undefined ? 0 : +m[4];
  const minute = m[5] === undefined ? 0 : +m[5];
  const second = m[6] === undefined ? 0 : +m[6];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : +`${m[7]}00`.slice(0, 3);
  let offsetMinutes = 0;
  const zone = m[8];
  if (zone !== undefined && zone !== 'Z') {
    const digits = zone.replace(':', '');
    const oh = +digits.slice(1, 3);
    const om = +digits.slice(3, 5);
    if (oh > 23 || om > 59) return null;
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  // Date.UTC maps years 0–99 to 1900–1999; such dates are outside any loan book, so refuse them rather than misread.
  if (year < 100) return null;
  const writtenDay = Date.UTC(year, month - 1, day) / DAY_MS;
  const instant = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return { instant, writtenDay };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant of an ISO date/datetime string, or null when the value is not one. */
export function toInstant(value: unknown): number | null {
  const p = parse(value);
  return p === null ? null : p.instant;
}

/** The calendar date as written (days since the epoch), or null when the value is not an ISO date/datetime. */
export function toWrittenDay(value: unknown): number | null {
  const p = parse(value);
  return p === null ? null : p.writtenDay;
}

export function todayUtcDay(now: number = Date.now()): number {
  return Math.floor(now / DAY_MS);
}

export function isIsoDate(value: unknown): boolean {
  return parse(value) !== null;
}
