import type { Condition, LeafCondition, TopCondition } from '../api/types';
import { isFactRef } from './operators';

/**
 * Pure helpers over json-rules-engine condition trees. Every function accepts anything (the JSON view may hold a
 * malformed document) and never mutates its input.
 */

export type GroupType = 'all' | 'any' | 'not';
export type NodeKind = GroupType | 'ref' | 'leaf' | 'invalid';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function nodeKind(node: unknown): NodeKind {
  if (!isObject(node)) return 'invalid';
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  if ('not' in node && isObject(node.not)) return 'not';
  if (typeof node.condition === 'string') return 'ref';
  if (typeof node.fact === 'string' && typeof node.operator === 'string') return 'leaf';
  return 'invalid';
}

/** The list of an all/any group (empty for anything else). */
function listOf(node: unknown, kind: NodeKind): Condition[] {
  return (kind === 'all' || kind === 'any') && isObject(node) ? (node[kind] as Condition[]) : [];
}

/** The children of a group, with the pointer segment each one lives under (`all/0`, `not`). */
export function groupChildren(node: Condition): { child: Condition; segment: string }[] {
  const kind = nodeKind(node);
  if (kind === 'all') return (node as { all: Condition[] }).all.map((child, i) => ({ child, segment: `all/${i}` }));
  if (kind === 'any') return (node as { any: Condition[] }).any.map((child, i) => ({ child, segment: `any/${i}` }));
  if (kind === 'not') return [{ child: (node as { not: Condition }).not, segment: 'not' }];
  return [];
}

/** Keeps a group's own name/priority while swapping its body. */
function withBody(node: Condition, body: Record<string, unknown>): TopCondition {
  const { name, priority } = node as { name?: string; priority?: number };
  return { ...body, ...(name !== undefined ? { name } : {}), ...(priority !== undefined ? { priority } : {}) } as TopCondition;
}

/**
 * Changes a group between all, any and not without losing conditions: `not` takes one condition, so several
 * children are wrapped in an `all` under it; leaving `not` unwraps that again where it can.
 */
export function changeGroupType(node: Condition, to: GroupType): TopCondition {
  const from = nodeKind(node);
  const list: Condition[] =
    from === 'all' || from === 'any'
      ? listOf(node, from)
      : from === 'not'
        ? (() => {
            const inner = (node as { not: Condition }).not;
            const innerKind = nodeKind(inner);
            return innerKind === 'all' || innerKind === 'any' ? listOf(inner, innerKind) : [inner];
          })()
        : [];
  if (to === 'not') {
    if (from === 'not') return node as TopCondition;
    return withBody(node, { not: list.length === 1 ? list[0] : { all: list } });
  }
  return withBody(node, { [to]: list });
}

export function replaceChild(node: Condition, index: number, child: Condition): TopCondition {
  const kind = nodeKind(node);
  if (kind === 'not') return withBody(node, { not: child });
  const list = [...listOf(node, kind)];
  list[index] = child;
  return withBody(node, { [kind]: list });
}

export function addChild(node: Condition, child: Condition): TopCondition {
  const kind = nodeKind(node);
  if (kind === 'not') return withBody(node, { not: { all: [(node as { not: Condition }).not, child] } });
  return withBody(node, { [kind]: [...listOf(node, kind), child] });
}

export function removeChild(node: Condition, index: number): TopCondition {
  const kind = nodeKind(node);
  if (kind === 'not') return withBody(node, { all: [] });
  const list = listOf(node, kind).filter((_, i) => i !== index);
  return withBody(node, { [kind]: list });
}

export function moveChild(node: Condition, index: number, delta: -1 | 1): TopCondition {
  const kind = nodeKind(node);
  if (kind !== 'all' && kind !== 'any') return node as TopCondition;
  const list = [...listOf(node, kind)];
  const to = index + delta;
  if (to < 0 || to >= list.length) return node as TopCondition;
  [list[index], list[to]] = [list[to], list[index]];
  return withBody(node, { [kind]: list });
}

/** Puts a condition inside a new group of its own (so it can be combined with others by "any"). */
export function wrapInGroup(child: Condition, type: GroupType = 'any'): TopCondition {
  return type === 'not' ? { not: child } : type === 'all' ? { all: [child] } : { any: [child] };
}

/** Every leaf in a tree with its pointer; `ptr` is the pointer of `node`. */
export function leavesOf(node: unknown, ptr: string, out: { leaf: LeafCondition; pointer: string }[] = []) {
  const kind = nodeKind(node);
  if (kind === 'leaf') out.push({ leaf: node as LeafCondition, pointer: ptr });
  else if (kind === 'all' || kind === 'any' || kind === 'not')
    for (const { child, segment } of groupChildren(node as Condition)) leavesOf(child, `${ptr}/${segment}`, out);
  return out;
}

/** Every leaf of the document: rules and shared conditions. */
export function documentLeaves(doc: unknown) {
  const out: { leaf: LeafCondition; pointer: string }[] = [];
  if (!isObject(doc)) return out;
  if (Array.isArray(doc.rules)) doc.rules.forEach((r, i) => isObject(r) && leavesOf(r.conditions, `/rules/${i}/conditions`, out));
  if (isObject(doc.conditions)) for (const [name, c] of Object.entries(doc.conditions)) leavesOf(c, `/conditions/${escapePointer(name)}`, out);
  return out;
}

/** The fact names a document reads, conditions and `{fact}` values alike, in first-use order. */
export function factsUsed(doc: unknown): string[] {
  const seen = new Set<string>();
  for (const { leaf } of documentLeaves(doc)) {
    seen.add(leaf.fact);
    if (isFactRef(leaf.value)) seen.add(leaf.value.fact);
  }
  return [...seen];
}

/** Names of shared conditions a tree refers to, directly. */
export function referencesIn(node: unknown, out: Set<string> = new Set()): Set<string> {
  const kind = nodeKind(node);
  if (kind === 'ref') out.add((node as { condition: string }).condition);
  else if (kind === 'all' || kind === 'any' || kind === 'not') for (const { child } of groupChildren(node as Condition)) referencesIn(child, out);
  return out;
}

export const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The value at a JSON pointer, or undefined. */
export function valueAt(data: unknown, pointer: string): unknown {
  if (!pointer) return data;
  let cur: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
