import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FieldError, ValidationError } from './errors';
import { repoRoot } from './paths';

/**
 * The one ajv instance. Every schema in schemas/ is loaded once, addressed by its `$id`, and compiled lazily.
 * Messages are rewritten into plain words with the JSON pointer of the bad field, because risk staff read them.
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly schemaIds: string[] = [];
  readonly schemas = new Map<string, Record<string, unknown>>();

  constructor(schemaDir = join(repoRoot(), 'schemas')) {
    this.ajv = new Ajv2020({ allErrors: true, strict: false, useDefaults: false, allowUnionTypes: true });
    addFormats(this.ajv);
    for (const file of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
      const schema = JSON.parse(readFileSync(join(schemaDir, file), 'utf8'));
      if (!schema.$id) throw new Error(`schemas/${file} has no $id`);
      this.ajv.addSchema(schema);
      this.schemaIds.push(schema.$id);
      this.schemas.set(schema.$id, schema);
    }
  }

  private fn(schemaId: string): ValidateFunction {
    let f = this.compiled.get(schemaId);
    if (!f) {
      const found = this.ajv.getSchema(schemaId);
      if (!found) throw new Error(`unknown schema '${schemaId}'`);
      f = found;
      this.compiled.set(schemaId, f);
    }
    return f;
  }

  /** Returns the problems, one per bad field; an empty array means valid. `base` prefixes every pointer. */
  check(schemaId: string, data: unknown, base = ''): FieldError[] {
    const f = this.fn(schemaId);
    if (f(data)) return [];
    return describeErrors(f.errors ?? [], data, base);
  }

  /** Throws a 422 ValidationError naming every bad field. */
  assert<T>(schemaId: string, data: unknown, what = 'The request body', base = ''): T {
    const errors = this.check(schemaId, data, base);
    if (errors.length) throw new ValidationError(`${what} is not valid: ${errors.length} problem${errors.length > 1 ? 's' : ''}.`, errors);
    return data as T;
  }
}

/** "the string \"0.8x\"", "the number 3", "null", "an object", "an array". */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return `the string ${JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v)}`;
    case 'number':
      return `the number ${v}`;
    case 'boolean':
      return `the boolean ${v}`;
    default:
      return 'an object';
  }
}

function valueAt(data: unknown, pointer: string): unknown {
  if (!pointer) return data;
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function describeErrors(raw: ErrorObject[], data: unknown, base: string): FieldError[] {
  // if/then/else and $ref wrappers add summary errors ("must match then schema") that say nothing new.
  const useful = raw.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(e.keyword) || raw.length === 1);
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of useful) {
    const fe = describeOne(e, data, base);
    const k = fe.pointer + '|' + fe.message;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(fe);
    }
  }
  return out;
}

function describeOne(e: ErrorObject, data: unknown, base: string): FieldError {
  const p = e.params as Record<string, any>;
  const at = e.instancePath;
  const actual = valueAt(data, at);
  const desc = (e.parentSchema as { description?: string } | undefined)?.description;
  switch (e.keyword) {
    case 'required': {
      const ptr = `${base}${at}/${escapePointer(p.missingProperty)}`;
      if (desc && p.missingProperty === 'all' && desc.includes('must start with'))
        return { pointer: `${base}${at}`, code: 'required', message: 'must contain one of all, any, not or condition' };
      return { pointer: ptr, code: 'required', message: `is required` };
    }
    case 'additionalProperties':
      return { pointer: `${base}${at}/${escapePointer(p.additionalProperty)}`, code: 'unknown_property', message: `is not an allowed property here` };
    case 'type':
      return { pointer: base + at, code: 'type', message: `must be ${article(String(p.type))}; it was ${describeValue(actual)}` };
    case 'enum':
      return { pointer: base + at, code: 'enum', message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}; it was ${describeValue(actual)}` };
    case 'const':
      return { pointer: base + at, code: 'const', message: `must be ${JSON.stringify(p.allowedValue)}; it was ${describeValue(actual)}` };
    case 'pattern': {
      if (at.endsWith('/operator')) return { pointer: base + at, code: 'unknown_operator', message: `${describeValue(actual)} is not a known operator` };
      return { pointer: base + at, code: 'pattern', message: `${describeValue(actual)} is not in the expected form${desc ? ` (${desc})` : ''}` };
    }
    case 'format':
      return { pointer: base + at, code: 'format', message: `must be a valid ${p.format}; it was ${describeValue(actual)}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: base + at, code: e.keyword, message: `must be ${p.comparison} ${p.limit}; it was ${describeValue(actual)}` };
    case 'minLength':
      return { pointer: base + at, code: e.keyword, message: p.limit === 1 ? 'must not be empty' : `must be at least ${p.limit} characters long` };
    case 'maxLength':
      return { pointer: base + at, code: e.keyword, message: `must be at most ${p.limit} characters long` };
    case 'minItems':
      return { pointer: base + at, code: e.keyword, message: `must have at least ${p.limit} item${p.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { pointer: base + at, code: e.keyword, message: `must have at most ${p.limit} items` };
    case 'minProperties':
      return { pointer: base + at, code: e.keyword, message: `must have at least ${p.limit} entr${p.limit === 1 ? 'y' : 'ies'}` };
    case 'maxProperties':
      return { pointer: base + at, code: e.keyword, message: `must have at most ${p.limit} entries` };
    case 'uniqueItems':
      return { pointer: base + at, code: e.keyword, message: `must not repeat items (items ${p.j} and ${p.i} are the same)` };
    case 'propertyNames':
      return { pointer: `${base}${at}/${escapePointer(String(p.propertyName))}`, code: 'bad_name', message: `is not an allowed name` };
    default:
      return { pointer: base + at, code: e.keyword, message: e.message ?? 'is not valid' };
  }
}

function article(type: string): string {
  const names = type.split(',').map((t) => (t === 'integer' ? 'an integer' : t === 'object' ? 'an object' : t === 'array' ? 'an array' : `a ${t}`));
  return names.join(' or ');
}
