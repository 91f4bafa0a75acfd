/**
 * The CSV layout of a client profile (docs/clients.md): one row per client; scalar fields in plain columns named
 * after the profile field (`uscc`, `name`, `employees`); fields of small objects in dotted columns
 * (`industry.section`, `internalRating.grade`, `creditReport.totalBankDebt`); lists and nested documents
 * (`statements`, `facilities`, `collateral`, `events`, `project` …) as JSON text in one column. An object may
 * also be given whole as JSON under its own name (`industry`). An empty cell means "absent".
 *
 * The column types come from schemas/client-profile.schema.json, so a field added there is importable at once.
 */
import type { FieldError } from '../../shared/errors';
import type { ClientProfile } from '../facts/client-profile';

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'grade' | 'list' | 'json';
type Json = Record<string, any>;

export interface CsvColumns {
  /** Column name → how its cells are read. */
  kinds: Map<string, Kind>;
  /** The export order: plain, then dotted, then JSON columns. */
  order: string[];
}

function resolve(node: Json, root: Json): Json {
  let n = node;
  for (let i = 0; i < 5 && typeof n?.$ref === 'string' && n.$ref.startsWith('#/'); i++) {
    n = n.$ref
      .slice(2)
      .split('/')
      .reduce((acc: Json | undefined, k: string) => acc?.[k], root) as Json;
  }
  return n ?? {};
}

function kindOf(node: Json, root: Json): Kind | 'object' {
  const n = resolve(node, root);
  if (typeof n.$ref === 'string') return n.type === 'array' ? 'json' : 'json';
  if (n.oneOf || n.anyOf) return 'grade';
  if (n.type === 'object') return 'object';
  if (n.type === 'array') {
    const items = resolve(n.items ?? {}, root);
    return items.enum || ['string', 'number', 'integer'].includes(items.type) ? 'list' : 'json';
  }
  if (n.enum) return n.enum.every((v: unknown) => typeof v === 'number') ? 'number' : 'string';
  if (n.type === 'integer' || n.type === 'number' || n.type === 'boolean' || n.type === 'string') return n.type;
  return 'json';
}

/** The columns of the profile schema (the `client-profile` schema as loaded by the validator). */
export function csvColumns(profileSchema: Json): CsvColumns {
  const kinds = new Map<string, Kind>();
  const plain: string[] = [];
  const dotted: string[] = [];
  const json: string[] = [];
  for (const [name, prop] of Object.entries((profileSchema.properties ?? {}) as Json)) {
    if (name === 'id') continue;
    const k = kindOf(prop, profileSchema);
    if (k === 'object') {
      kinds.set(name, 'json');
      const obj = resolve(prop, profileSchema);
      const inner = Object.entries((obj.properties ?? {}) as Json).map(([sub, subProp]) => [sub, kindOf(subProp, profileSchema)] as const);
      if (inner.every(([, sk]) => sk !== 'object' && sk !== 'json')) {
        for (const [sub, sk] of inner) {
          kinds.set(`${name}.${sub}`, sk as Kind);
          dotted.push(`${name}.${sub}`);
        }
      } else json.push(name);
    } else {
      kinds.set(name, k);
      (k === 'json' ? json : plain).push(name);
    }
  }
  return { kinds, order: [...plain, ...dotted, ...json] };
}

/** Header problems: unknown columns and columns given twice (both whole and dotted is allowed, but not sensible). */
export function checkHeader(cols: CsvColumns, header: string[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  header.forEach((raw, i) => {
    const h = raw.trim();
    if (!cols.kinds.has(h)) out.push({ pointer: `/${h.replace(/\./g, '/')}`, code: 'unknown_column', message: `column ${i + 1} ('${h}') is not a client profile field` });
    else if (seen.has(h)) out.push({ pointer: `/${h.replace(/\./g, '/')}`, code: 'duplicate_column', message: `column '${h}' appears twice` });
    seen.add(h);
  });
  return out;
}

/** One data row → a profile, plus the cells that could not be read (pointers into the profile). */
export function rowToProfile(cols: CsvColumns, header: string[], fields: string[]): { profile: Record<string, unknown>; errors: FieldError[] } {
  const profile: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  if (fields.length !== header.length)
    errors.push({ pointer: '', code: 'column_count', message: `the row has ${fields.length} fields; the header has ${header.length}` });
  header.forEach((raw, i) => {
    const name = raw.trim();
    const cell = fields[i] ?? '';
    if (cell === '') return;
    const kind = cols.kinds.get(name) as Kind;
    const pointer = `/${name.replace(/\./g, '/')}`;
    const read = readCell(kind, cell);
    if ('error' in read) {
      errors.push({ pointer, code: 'cell', message: read.error });
      return;
    }
    const dot = name.indexOf('.');
    if (dot < 0) profile[name] = read.value;
    else {
      const outer = name.slice(0, dot);
      const obj = (profile[outer] ??= {}) as Record<string, unknown>;
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) errors.push({ pointer, code: 'cell', message: `cannot combine with the whole-object column '${outer}'` });
      else obj[name.slice(dot + 1)] = read.value;
    }
  });
  return { profile, errors };
}

function readCell(kind: Kind, cell: string): { value: unknown } | { error: string } {
  const t = cell.trim();
  switch (kind) {
    case 'string':
      return { value: cell };
    case 'integer':
    case 'number': {
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) return { error: `must be a number; it was '${short(cell)}'` };
      if (kind === 'integer' && !Number.isInteger(n)) return { error: `must be a whole number; it was '${short(cell)}'` };
      return { value: n };
    }
    case 'boolean':
      if (/^(true|1|yes)$/i.test(t)) return { value: true };
      if (/^(false|0|no)$/i.test(t)) return { value: false };
      return { error: `must be true or false; it was '${short(cell)}'` };
    case 'grade':
      return { value: /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t };
    case 'list':
      if (t.startsWith('[')) return json(t);
      return { value: t.split(';').map((s) => s.trim()).filter(Boolean) };
    default:
      return json(t);
  }
}

function json(t: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(t) };
  } catch (e) {
    return { error: `is not valid JSON: ${(e as Error).message.slice(0, 120)}` };
  }
}

const short = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** A profile as cells in `cols.order` (the inverse of rowToProfile). */
export function profileToRow(cols: CsvColumns, p: ClientProfile): string[] {
  const rec = p as unknown as Record<string, unknown>;
  return cols.order.map((name) => {
    const dot = name.indexOf('.');
    const v = dot < 0 ? rec[name] : (rec[name.slice(0, dot)] as Record<string, unknown> | undefined)?.[name.slice(dot + 1)];
    if (v === undefined || v === null) return '';
    const kind = cols.kinds.get(name);
    if (kind === 'list') return (v as unknown[]).join(';');
    if (kind === 'json' || typeof v === 'object') return JSON.stringify(v);
    return String(v);
  });
}
