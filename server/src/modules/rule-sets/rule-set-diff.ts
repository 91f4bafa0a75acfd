import { canonicalJson } from '../../shared/canonical-json';
import type { RuleSetDocument } from './rule-set';

/** One changed leaf, addressed by a readable path such as `conditions.all[0].value`. */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface NamedChanges {
  added: string[];
  removed: string[];
  changed: { name: string; changes: FieldChange[] }[];
}

export interface RuleSetDiff {
  key: string;
  from: number;
  to: number;
  identical: boolean;
  meta: FieldChange[];
  rules: NamedChanges;
  inputs: NamedChanges;
  outputs: NamedChanges;
  conditions: NamedChanges;
  tests: NamedChanges;
}

/** Compares two documents: what was added, removed and changed, with every changed field. */
export function diffDocuments(key: string, from: number, to: number, a: RuleSetDocument, b: RuleSetDocument): RuleSetDiff {
  const meta: FieldChange[] = [];
  for (const f of ['family', 'name', 'description'] as const) leafChanges(a[f], b[f], f, meta);
  const d: RuleSetDiff = {
    key,
    from,
    to,
    identical: canonicalJson(a) === canonicalJson(b),
    meta,
    rules: named(byName(a.rules), byName(b.rules)),
    inputs: named(byName(a.inputs ?? []), byName(b.inputs ?? [])),
    outputs: named(new Map(Object.entries(a.outputs)), new Map(Object.entries(b.outputs))),
    conditions: named(new Map(Object.entries(a.conditions ?? {})), new Map(Object.entries(b.conditions ?? {}))),
    tests: named(byName(a.tests ?? []), byName(b.tests ?? [])),
  };
  return d;
}

function byName<T extends { name: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((x) => [x.name, x]));
}

function named(a: Map<string, unknown>, b: Map<string, unknown>): NamedChanges {
  const out: NamedChanges = { added: [], removed: [], changed: [] };
  for (const k of b.keys()) if (!a.has(k)) out.added.push(k);
  for (const k of a.keys()) if (!b.has(k)) out.removed.push(k);
  for (const [k, av] of a) {
    if (!b.has(k)) continue;
    const changes: FieldChange[] = [];
    leafChanges(av, b.get(k), '', changes);
    if (changes.length) out.changed.push({ name: k, changes });
  }
  return out;
}

/** Walks both values together and records each leaf that differs; arrays compare by position. */
export function leafChanges(a: unknown, b: unknown, path: string, out: FieldChange[]): void {
  if (canonicalJson(a) === canonicalJson(b)) return;
  const bothObjects = isObj(a) && isObj(b);
  const bothArrays = Array.isArray(a) && Array.isArray(b);
  if (bothArrays) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) leafChanges(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  if (bothObjects) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) leafChanges((a as any)[k], (b as any)[k], path ? `${path}.${k}` : k, out);
    return;
  }
  out.push({ path: path || '(whole)', before: a, after: b });
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
