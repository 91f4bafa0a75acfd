import { canonicalJson } from '../../../shared/canonical-json';
import type { Condition, LeafCondition, RuleSetDocument, TopCondition } from '../../rule-sets/rule-set';
import { escapePointer } from '../condition-ir';

export { escapePointer };

export const isLeaf = (c: Condition): c is LeafCondition => !('all' in c) && !('any' in c) && !('not' in c) && !('condition' in c);

export const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

export function isFactRef(v: unknown): v is { fact: string; path?: string } {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && has(v, 'fact');
}

/** A path of '' or '$' reads the fact itself, as the almanac does. */
export function pathOf(c: { path?: string }): string {
  return c.path === undefined || c.path === '' || c.path === '$' ? '' : c.path;
}

/**
 * Every leaf of the document once, where it is written: shared conditions under /conditions/<name>, rules under
 * /rules/<i>/conditions. References are not followed (a shared condition's leaves are visited at their home).
 */
export function forEachLeaf(doc: RuleSetDocument, visit: (leaf: LeafCondition, pointer: string) => void): void {
  const walk = (c: Condition, ptr: string, depth: number): void => {
    if (depth > 100 || c === null || typeof c !== 'object') return;
    if ('all' in c && Array.isArray(c.all)) c.all.forEach((x, i) => walk(x, `${ptr}/all/${i}`, depth + 1));
    else if ('any' in c && Array.isArray(c.any)) c.any.forEach((x, i) => walk(x, `${ptr}/any/${i}`, depth + 1));
    else if ('not' in c) walk(c.not, `${ptr}/not`, depth + 1);
    else if ('condition' in c) return;
    else visit(c as LeafCondition, ptr);
  };
  for (const [name, cond] of Object.entries(doc.conditions ?? {})) walk(cond, `/conditions/${escapePointer(name)}`, 0);
  doc.rules.forEach((r, i) => walk(r.conditions, `/rules/${i}/conditions`, 0));
}

/** Names of the shared conditions a condition refers to directly. */
export function referencesOf(c: Condition, acc: string[] = [], depth = 0): string[] {
  if (depth > 100 || c === null || typeof c !== 'object') return acc;
  if ('all' in c && Array.isArray(c.all)) c.all.forEach((x) => referencesOf(x, acc, depth + 1));
  else if ('any' in c && Array.isArray(c.any)) c.any.forEach((x) => referencesOf(x, acc, depth + 1));
  else if ('not' in c) referencesOf(c.not, acc, depth + 1);
  else if ('condition' in c) acc.push(c.condition);
  return acc;
}

/** The shared conditions of the document by name, or undefined for a name it does not define. */
export function sharedCondition(doc: RuleSetDocument, name: string): TopCondition | undefined {
  const shared = doc.conditions ?? {};
  return has(shared, name) ? shared[name] : undefined;
}

/** What a condition means, for comparing two of them: labels (name, priority) and an empty path do not count. */
export function conditionKey(c: Condition): string {
  return canonicalJson(strip(c));
}

function strip(c: unknown): unknown {
  if (Array.isArray(c)) return c.map(strip);
  if (c === null || typeof c !== 'object') return c;
  const o = c as Record<string, unknown>;
  if ('all' in o) return { all: strip(o.all) };
  if ('any' in o) return { any: strip(o.any) };
  if ('not' in o) return { not: strip(o.not) };
  if ('condition' in o) return { condition: o.condition };
  const leaf = o as unknown as LeafCondition;
  const value = isFactRef(leaf.value) ? { ...leaf.value, path: pathOf(leaf.value) || undefined } : leaf.value;
  return { fact: leaf.fact, path: pathOf(leaf) || undefined, params: leaf.params, operator: leaf.operator, value };
}

/** "debtToAsset greaterThan 0.7", for messages. */
export function describeLeaf(leaf: LeafCondition): string {
  const path = pathOf(leaf) ? ` ${pathOf(leaf)}` : '';
  const v = isFactRef(leaf.value) ? `fact ${leaf.value.fact}${pathOf(leaf.value) ? ` ${pathOf(leaf.value)}` : ''}` : short(leaf.value);
  return `${leaf.fact}${path} ${leaf.operator} ${v}`;
}

export function short(v: unknown): string {
  const s = v === undefined ? 'undefined' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
