import { factDefinition } from '../../facts/catalog';
import type { RuleInput, RuleSetDocument } from '../../rule-sets/rule-set';

/**
 * Turning one row of an uploaded population into facts, the same way at upload time (to count and report bad rows)
 * and in the workers (to evaluate). Pure and allocation-light: it runs once per row of files of a million rows.
 *
 * A column is typed by the rule set's input declaration when there is one, else by the fact catalog's type for a
 * known fact (so a code such as industryDivision "06" stays text), else by how its values look (numbers,
 * true/false, else text). An empty cell is a missing fact, never an empty string or zero.
 */

export type InputTypes = ReadonlyMap<string, RuleInput>;

/** The declared inputs of the given documents by name; a later document's declaration wins (pass baseline, candidate). */
export function inputTypes(docs: readonly RuleSetDocument[]): InputTypes {
  const out = new Map<string, RuleInput>();
  for (const d of docs) for (const i of d.inputs ?? []) out.set(i.name, i);
  return out;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?$/;
const TRUE = /^(?:true|yes|1)$/i;
const FALSE = /^(?:false|no|0)$/i;

/** The BAD marker carries the reason; any other return value is the typed value. */
export class Bad {
  constructor(readonly reason: string) {}
}

type Converter = (raw: string, column: string) => unknown;

const quote = (s: string) => JSON.stringify(s.length > 40 ? s.slice(0, 37) + '...' : s);


/**
 * Number() accepts what a CSV number looks like and more: hex, binary and octal literals ("0x1f"), which no
 * spreadsheet writes for a ratio. Checked by hand rather than with a regular expression: this runs for most cells
 * of a million-row file.
 */
function parseNumber(raw: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n)) return NaN;
  const c = raw.charCodeAt(1);
  // 'x' 'X' 'b' 'B' 'o' 'O' after a leading 0: a non-decimal literal.
  if (raw.charCodeAt(0) === 48 && (c === 120 || c === 88 || c === 98 || c === 66 || c === 111 || c === 79)) return NaN;
  return n;
}

const toNumber: Converter = (raw, column) => {
  const n = parseNumber(raw);
  return n === n ? n : new Bad(`${column} must be a number; it was ${quote(raw)}`);
};
const toInteger: Converter = (raw, column) => {
  const n = parseNumber(raw);
  return Number.isInteger(n) ? n : new Bad(`${column} must be a whole number; it was ${quote(raw)}`);
};
const toBoolean: Converter = (raw, column) => {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return TRUE.test(raw) ? true : FALSE.test(raw) ? false : new Bad(`${column} must be true or false; it was ${quote(raw)}`);
};
const toDate: Converter = (raw, column) => (DATE.test(raw) ? raw : new Bad(`${column} must be a date such as 2025-06-30; it was ${quote(raw)}`));
const toText: Converter = (raw) => raw;
const toArray: Converter = (raw, column) => {
  if (raw.startsWith('[')) {
    try {
      const v = JSON.parse(raw);
      if (Array.isArray(v)) return v;
    } catch {
      /* reported below */
    }
    return new Bad(`${column} must be a JSON array or values separated by |; it was ${quote(raw)}`);
  }
  return raw.split('|');
};
const toObject: Converter = (raw, column) => {
  try {
    const v = JSON.parse(raw);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    /* reported below */
  }
  return new Bad(`${column} must be a JSON object; it was ${quote(raw)}`);
};
/** A leading zero before another digit marks a code ("06", "0731"), not a number. */
const CODE = /^[+-]?0\d/;
/** Unknown columns: numbers stay numbers, true/false booleans, the rest (codes included) text. Never bad. */
const inferred: Converter = (raw) => {
  const n = parseNumber(raw);
  if (n === n && NUMBER.test(raw) && !CODE.test(raw)) return n;
  return raw === 'true' || raw === 'TRUE' ? true : raw === 'false' || raw === 'FALSE' ? false : raw;
};

const CONVERTERS: Record<RuleInput['type'], Converter> = {
  number: toNumber,
  integer: toInteger,
  boolean: toBoolean,
  date: toDate,
  string: toText,
  array: toArray,
  object: toObject,
};

type RowReader = (fields: string[]) => Record<string, unknown> | Bad;

/**
 * A function from one CSV row's fields to its facts, or a Bad naming the first problem.
 *
 * It is generated code building an object literal: every row then gets the same object shape, which keeps the
 * evaluators' property reads fast, where adding sixty properties one by one cost more than evaluating the rules.
 * An empty cell becomes `undefined`, which every rule reads exactly as an absent fact (and the fact check treats as
 * missing). Where code generation is disallowed, a plain loop does the same with absent properties.
 */
export function csvRowReader(columns: readonly string[], types: InputTypes): RowReader {
  const converters = columns.map((c) => {
    const type = types.get(c)?.type ?? factDefinition(c)?.type;
    return type ? CONVERTERS[type] : inferred;
  });
  const n = columns.length;
  const wrongCount = (fields: string[]) => new Bad(`has ${fields.length} value${fields.length === 1 ? '' : 's'}; the header has ${n} columns`);
  try {
    const body = [
      'return function readRow(f) {',
      `  if (f.length !== ${n}) return wrongCount(f);`,
      ...columns.map((c, i) => `  const v${i} = f[${i}] === '' ? undefined : conv[${i}](f[${i}], ${JSON.stringify(c)}); if (v${i} instanceof Bad) return v${i};`),
      `  return { ${columns.map((c, i) => `${JSON.stringify(c)}: v${i}`).join(', ')} };`,
      '};',
    ].join('\n');
    return new Function('conv', 'Bad', 'wrongCount', body)(converters, Bad, wrongCount) as RowReader;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
  }
  return (fields) => {
    if (fields.length !== n) return wrongCount(fields);
    const facts: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const raw = fields[i];
      if (raw === '') continue;
      const v = converters[i](raw, columns[i]);
      if (v instanceof Bad) return v;
      facts[columns[i]] = v;
    }
    return facts;
  };
}
