import type { Rule, RuleSetDocument, TestCase, TopCondition } from '../api/types';
import { escapePointer, groupChildren, nodeKind } from './condition-tree';
import type { Issue } from './issues';

/** Small immutable edits of a whole document, used by the editor's state hook and its tests. */

function uniqueName(base: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  if (!names.has(base)) return base;
  for (let n = 2; ; n++) if (!names.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A new rule that starts out empty; its event type follows the most common one in the document. */
export function newRule(doc: RuleSetDocument): Rule {
  const counts = new Map<string, number>();
  for (const r of doc.rules ?? []) if (r?.event?.type) counts.set(r.event.type, (counts.get(r.event.type) ?? 0) + 1);
  const type = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'match';
  return { name: uniqueName('new-rule', (doc.rules ?? []).map((r) => r?.name)), priority: 10, conditions: { all: [] }, event: { type, params: {} } };
}

export function setRule(doc: RuleSetDocument, index: number, rule: Rule): RuleSetDocument {
  return { ...doc, rules: doc.rules.map((r, i) => (i === index ? rule : r)) };
}

export function addRule(doc: RuleSetDocument): RuleSetDocument {
  return { ...doc, rules: [...doc.rules, newRule(doc)] };
}

export function removeRule(doc: RuleSetDocument, index: number): RuleSetDocument {
  return { ...doc, rules: doc.rules.filter((_, i) => i !== index) };
}

export function moveRule(doc: RuleSetDocument, index: number, delta: -1 | 1): RuleSetDocument {
  const to = index + delta;
  if (to < 0 || to >= doc.rules.length) return doc;
  const rules = [...doc.rules];
  [rules[index], rules[to]] = [rules[to], rules[index]];
  return { ...doc, rules };
}

/**
 * Renames a rule and the test expectations that name it, so a rename does not silently break the tests
 * (the server refuses a test that names a rule that no longer exists).
 */
export function renameRule(doc: RuleSetDocument, index: number, name: string): RuleSetDocument {
  const old = doc.rules[index]?.name;
  const next = setRule(doc, index, { ...doc.rules[index], name });
  if (!old || !doc.tests?.length || doc.rules.some((r, i) => i !== index && r.name === old)) return next;
  const swap = (list?: string[]) => list?.map((n) => (n === old ? name : n));
  return {
    ...next,
    tests: doc.tests.map((t) => ({
      ...t,
      expect: {
        ...t.expect,
        ...(t.expect.firedRules ? { firedRules: swap(t.expect.firedRules) } : {}),
        ...(t.expect.fired ? { fired: swap(t.expect.fired) } : {}),
        ...(t.expect.notFired ? { notFired: swap(t.expect.notFired) } : {}),
      },
    })),
  };
}

export function setShared(doc: RuleSetDocument, name: string, condition: TopCondition): RuleSetDocument {
  return { ...doc, conditions: { ...(doc.conditions ?? {}), [name]: condition } };
}

export function addShared(doc: RuleSetDocument, name: string): RuleSetDocument {
  return setShared(doc, name, { all: [] });
}

export function removeShared(doc: RuleSetDocument, name: string): RuleSetDocument {
  const { [name]: _gone, ...rest } = doc.conditions ?? {};
  return { ...doc, conditions: rest };
}

export function addTest(doc: RuleSetDocument, test: TestCase): RuleSetDocument {
  const names = (doc.tests ?? []).map((t) => t.name);
  return { ...doc, tests: [...(doc.tests ?? []), { ...test, name: uniqueName(test.name, names) }] };
}

export function removeTest(doc: RuleSetDocument, index: number): RuleSetDocument {
  return { ...doc, tests: (doc.tests ?? []).filter((_, i) => i !== index) };
}

/**
 * Warnings the schema cannot give: an empty "all" group is always true (its rule fires for everyone) and an
 * empty "any" group is never true. Easy to leave behind while building a rule; costly in production.
 */
export function builderWarnings(doc: RuleSetDocument): Issue[] {
  const out: Issue[] = [];
  const walk = (node: unknown, ptr: string) => {
    const kind = nodeKind(node);
    if ((kind === 'all' || kind === 'any') && groupChildren(node as TopCondition).length === 0)
      out.push({ pointer: ptr, severity: 'warning', source: 'schema', key: kind === 'all' ? 'ruleSets.schema.emptyAll' : 'ruleSets.schema.emptyAny' });
    for (const { child, segment } of kind === 'invalid' ? [] : groupChildren(node as TopCondition)) walk(child, `${ptr}/${segment}`);
  };
  if (Array.isArray(doc?.rules)) doc.rules.forEach((r, i) => walk(r?.conditions, `/rules/${i}/conditions`));
  if (doc?.conditions && typeof doc.conditions === 'object')
    for (const [name, c] of Object.entries(doc.conditions)) walk(c, `/conditions/${escapePointer(name)}`);
  return out;
}
