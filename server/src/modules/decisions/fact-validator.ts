import type { FieldError } from '../../shared/errors';
import { describeValue } from '../../shared/validation';
import type { RuleInput, RuleSetDocument } from '../rule-sets/rule-set';

/**
 * Checks one request's facts against the rule set's declared inputs. Returns the problems (one per bad fact) and
 * the facts to evaluate: the caller's object itself when no declared default had to be filled in, so the common
 * case allocates nothing.
 */
export type FactValidator = (facts: Record<string, unknown>, pointerBase: string) => { errors: FieldError[]; facts: Record<string, unknown> };

type Check = (value: unknown) => string | null;

/**
 * Compiles the validator for one rule-set version, once (the registry keeps it next to the compiled evaluator).
 * Facts that are not declared are accepted and passed through: rule sets need not declare every fact they read,
 * and derived facts will join them later. An optional fact may be absent or null (unknown); a required one may not.
 */
export function compileFactValidator(doc: Pick<RuleSetDocument, 'inputs'>): FactValidator {
  const inputs = doc.inputs ?? [];
  const checks = inputs.map((input) => ({ name: input.name, required: input.required === true, hasDefault: Object.hasOwn(input, 'default'), default: input.default, check: checkFor(input) }));
  const withDefaults = checks.filter((c) => c.hasDefault && !c.required);
  return (facts, base) => {
    let errors: FieldError[] | null = null;
    for (const c of checks) {
      const v = facts[c.name];
      let message: string | null;
      if (v === undefined || v === null) message = c.required ? (v === null ? 'is required; it was null' : 'is required') : null;
      else message = c.check(v);
      if (message !== null) (errors ??= []).push({ pointer: `${base}/${escape(c.name)}`, code: 'invalid_fact', message });
    }
    if (errors) return { errors, facts };
    let out = facts;
    for (const c of withDefaults) {
      if (out[c.name] === undefined) {
        if (out === facts) out = { ...facts };
        out[c.name] = c.default;
      }
    }
    return { errors: [], facts: out };
  };
}

function checkFor(input: RuleInput): Check {
  const type = typeCheck(input.type);
  const extra: Check[] = [];
  if (input.enum && input.enum.length) {
    const allowed = input.enum;
    const listed = allowed.map((v) => JSON.stringify(v)).join(', ');
    extra.push((v) => (allowed.some((a) => a === v || (typeof a === 'object' && JSON.stringify(a) === JSON.stringify(v))) ? null : `must be one of ${listed}; it was ${describeValue(v)}`));
  }
  if (typeof input.minimum === 'number') {
    const min = input.minimum;
    extra.push((v) => (typeof v === 'number' && v < min ? `must be at least ${min}; it was ${v}` : null));
  }
  if (typeof input.maximum === 'number') {
    const max = input.maximum;
    extra.push((v) => (typeof v === 'number' && v > max ? `must be at most ${max}; it was ${v}` : null));
  }
  return (v) => {
    const t = type(v);
    if (t !== null) return t;
    for (const e of extra) {
      const m = e(v);
      if (m !== null) return m;
    }
    return null;
  };
}

function typeCheck(type: RuleInput['type']): Check {
  switch (type) {
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? null : `must be a number; it was ${describeValue(v)}`);
    case 'integer':
      return (v) => (Number.isInteger(v) ? null : `must be an integer; it was ${describeValue(v)}`);
    case 'string':
      return (v) => (typeof v === 'string' ? null : `must be a string; it was ${describeValue(v)}`);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? null : `must be true or false; it was ${describeValue(v)}`);
    case 'date':
      return (v) => (isIsoDate(v) ? null : `must be an ISO date (YYYY-MM-DD, or a date-time); it was ${describeValue(v)}`);
    case 'array':
      return (v) => (Array.isArray(v) ? null : `must be an array; it was ${describeValue(v)}`);
    case 'object':
      return (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? null : `must be an object; it was ${describeValue(v)}`);
    default:
      return () => null;
  }
}

/**
 * The date forms the engine's date operators read (engine/dates.ts, not part of its public API): YYYY-MM-DD,
 * optionally followed by a time and an offset, with the calendar fields range-checked.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function isIsoDate(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 40) return false;
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return false;
  return m[4] === undefined || (+m[4] <= 23 && +m[5] <= 59 && (m[6] === undefined || +m[6] <= 59));
}

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
