/**
 * Does a value fit its catalog definition? Used on derive()'s own output (tests) and available to anyone who
 * receives facts from a caller: one place that says what "a number", "a date", "an enum value" mean for a fact.
 * null always fits (unknown); NaN and ±Infinity never do.
 */
import type { FactDefinition } from './catalog-types';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function finiteDeep(x: unknown): boolean {
  if (typeof x === 'number') return Number.isFinite(x);
  if (Array.isArray(x)) return x.every(finiteDeep);
  if (x && typeof x === 'object') return Object.values(x).every(finiteDeep);
  return true;
}

/** A plain-words problem with `value` for fact `def`, or null when it fits. */
export function factValueProblem(def: FactDefinition, value: unknown): string | null {
  if (value === null) return null;
  const inEnum = (v: unknown) => !def.enum || def.enum.includes(v as string | number);
  switch (def.type) {
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${def.name} must be a finite number`;
      break;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return `${def.name} must be an integer`;
      break;
    case 'boolean':
      if (typeof value !== 'boolean') return `${def.name} must be true or false`;
      break;
    case 'date':
      if (typeof value !== 'string' || !ISO_DATE.test(value)) return `${def.name} must be a date (YYYY-MM-DD)`;
      break;
    case 'string':
      if (typeof value !== 'string') return `${def.name} must be a string`;
      break;
    case 'array': {
      if (!Array.isArray(value)) return `${def.name} must be an array`;
      if (!finiteDeep(value)) return `${def.name} must not contain NaN or infinite numbers`;
      const items = value.map((x) => (x && typeof x === 'object' && 'type' in x ? (x as { type: unknown }).type : x));
      const bad = items.find((x) => !inEnum(x));
      if (bad !== undefined) return `${def.name} contains ${JSON.stringify(bad)}, which is not one of its values`;
      return null;
    }
  }
  if (!inEnum(value)) return `${def.name} must be one of ${def.enum!.map((v) => JSON.stringify(v)).join(', ')}`;
  return null;
}
