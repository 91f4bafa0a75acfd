/**
 * The five-field cron expressions of crontab(5): minute hour day-of-month month day-of-week, with `*`, numbers,
 * ranges `a-b`, lists `a,b`, steps `*\/n` and `a-b/n`, month and weekday names (JAN, MON), and 0 or 7 for Sunday.
 * As in Vixie cron, when both day fields are restricted a day matches if either matches. Times are the server's
 * local time, as crontab's are. (node_modules has no cron parser, and this subset is small.)
 */
export interface CronSchedule {
  readonly expression: string;
  matches(d: Date): boolean;
  /** The first matching minute strictly after `d` (seconds dropped), within the next 5 years; null if none. */
  next(d: Date): Date | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Offset of names[0]: months count from 1, weekdays from 0. */
  base?: number;
}

const FIELDS: Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, base: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, base: 0 },
];

export class CronError extends Error {}

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new CronError(`a cron expression has 5 fields (minute hour day-of-month month day-of-week); "${expression}" has ${parts.length}`);
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]));
  const [minutes, hours, doms, months, dowsRaw] = sets;
  const dows = new Set([...dowsRaw].map((d) => (d === 7 ? 0 : d)));
  const domRestricted = parts[2] !== '*';
  const dowRestricted = parts[4] !== '*';
  const dayMatches = (d: Date) => {
    const dom = doms.has(d.getDate());
    const dow = dows.has(d.getDay());
    if (domRestricted && dowRestricted) return dom || dow;
    if (domRestricted) return dom;
    if (dowRestricted) return dow;
    return true;
  };
  const matches = (d: Date) => minutes.has(d.getMinutes()) && hours.has(d.getHours()) && months.has(d.getMonth() + 1) && dayMatches(d);
  return {
    expression,
    matches,
    next(from: Date) {
      const d = new Date(from.getTime());
      d.setSeconds(0, 0);
      d.setMinutes(d.getMinutes() + 1);
      const limit = from.getTime() + 5 * 366 * 86_400_000;
      while (d.getTime() <= limit) {
        if (!months.has(d.getMonth() + 1)) {
          d.setMonth(d.getMonth() + 1, 1);
          d.setHours(0, 0, 0, 0);
        } else if (!dayMatches(d)) {
          d.setDate(d.getDate() + 1);
          d.setHours(0, 0, 0, 0);
        } else if (!hours.has(d.getHours())) {
          d.setHours(d.getHours() + 1, 0, 0, 0);
        } else if (!minutes.has(d.getMinutes())) {
          d.setMinutes(d.getMinutes() + 1, 0, 0);
        } else return d;
      }
      return null;
    },
  };
}

function parseField(text: string, f: Field): Set<number> {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const m = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw new CronError(`the ${f.name} field "${text}" is not valid`);
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) throw new CronError(`the ${f.name} field "${text}" has a step of 0`);
    let lo: number;
    let hi: number;
    if (m[1] === '*') [lo, hi] = [f.min, f.name === 'day of week' ? 6 : f.max];
    else {
      const [a, b] = m[1].split('-');
      lo = value(a, f, text);
      hi = b === undefined ? (m[2] === undefined ? lo : f.max) : value(b, f, text);
    }
    if (lo > hi) throw new CronError(`the ${f.name} range "${item}" runs backwards`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

function value(s: string, f: Field, text: string): number {
  let n: number;
  if (/^\d+$/.test(s)) n = Number(s);
  else {
    const i = f.names?.indexOf(s.toUpperCase()) ?? -1;
    if (i < 0) throw new CronError(`the ${f.name} field "${text}" names an unknown value "${s}"`);
    n = i + (f.base ?? 0);
  }
  if (n < f.min || n > f.max) throw new CronError(`the ${f.name} field "${text}" has ${n}, outside ${f.min}–${f.max}`);
  return n;
}
