import type { ErrorObject } from 'ajv';
import type { Condition, RuleSetDocument } from '../api/types';
import { escapePointer, groupChildren, nodeKind, valueAt } from './condition-tree';
import type { Issue } from './issues';
// Generated from schemas/rule-set.schema.json (see rule-set-schema-source.ts for why it is not compiled here).
import generatedValidator from './rule-set-schema.generated';

const validateRuleSet = generatedValidator as unknown as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const K = 'ruleSets.schema.';

function describeValue(v: unknown): Record<string, unknown> {
  if (v === undefined) return { actual: 'missing' };
  if (v === null) return { actual: 'null' };
  if (Array.isArray(v)) return { actual: 'array' };
  if (typeof v === 'object') return { actual: 'object' };
  return { actual: typeof v, shown: JSON.stringify(v).slice(0, 60) };
}

/** One ajv error as an issue in plain words, with the same pointers the server would report. */
function describe(e: ErrorObject, doc: unknown): Issue {
  const p = e.params as Record<string, any>;
  const at = e.instancePath;
  const actual = valueAt(doc, at);
  const issue = (pointer: string, key: string, values: Record<string, unknown> = {}): Issue => ({ pointer, severity: 'error', source: 'schema', key: K + key, values });
  switch (e.keyword) {
    case 'required':
      if (p.missingProperty === 'all' && /\/conditions(\/|$)/.test(at) && nodeKind(actual) === 'invalid' && !('fact' in (actual as object)))
        return issue(at, 'conditionShape');
      return issue(`${at}/${escapePointer(p.missingProperty)}`, 'required');
    case 'additionalProperties':
      return issue(`${at}/${escapePointer(p.additionalProperty)}`, 'unknownProperty');
    case 'type':
      return issue(at, 'type', { expected: String(p.type), ...describeValue(actual) });
    case 'enum':
      return issue(at, 'enum', { allowed: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const':
      return issue(at, 'const', { allowed: JSON.stringify(p.allowedValue) });
    case 'pattern':
      return issue(at, at.endsWith('/operator') ? 'operator' : at.endsWith('/key') ? 'keyPattern' : 'pattern', describeValue(actual));
    case 'format':
      return issue(at, 'format', { format: p.format });
    case 'minimum':
    case 'maximum':
      return issue(at, e.keyword, { limit: p.limit });
    case 'minLength':
      return issue(at, p.limit === 1 ? 'empty' : 'minLength', { limit: p.limit });
    case 'maxLength':
      return issue(at, 'maxLength', { limit: p.limit });
    case 'minItems':
      return issue(at, 'minItems', { limit: p.limit, count: p.limit });
    case 'maxItems':
      return issue(at, 'maxItems', { limit: p.limit });
    case 'minProperties':
      return issue(at, 'minProperties', { limit: p.limit });
    case 'uniqueItems':
      return issue(at, 'uniqueItems');
    case 'propertyNames':
      return issue(`${at}/${escapePointer(String(p.propertyName))}`, 'name');
    default:
      return { pointer: at, severity: 'error', source: 'schema', text: e.message ?? 'is not valid' };
  }
}

/**
 * Checks a document with the rule-set JSON Schema, the same one the server uses, plus the structural checks the
 * server runs before storing (unique rule names, shared conditions that exist, test expectations that name real
 * rules and outputs), so an author sees problems while typing rather than after saving.
 */
export function schemaIssues(doc: unknown): Issue[] {
  if (validateRuleSet(doc)) return documentIssues(doc as RuleSetDocument);
  const raw: ErrorObject[] = validateRuleSet.errors ?? [];
  // if/then/else wrappers add summary errors ("must match then schema") that say nothing new.
  const useful = raw.filter((e) => !['if', 'anyOf', 'oneOf', 'allOf', 'not'].includes(e.keyword) || raw.length === 1);
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const e of useful) {
    const issue = describe(e, doc);
    const k = `${issue.pointer}|${issue.key ?? issue.text}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(issue);
    }
  }
  return out;
}

function documentIssues(doc: RuleSetDocument): Issue[] {
  const out: Issue[] = [];
  const issue = (pointer: string, key: string, values: Record<string, unknown> = {}) =>
    out.push({ pointer, severity: 'error', source: 'schema', key: K + key, values });
  const names = new Map<string, number>();
  doc.rules.forEach((r, i) => {
    const first = names.get(r.name);
    if (first !== undefined) issue(`/rules/${i}/name`, 'duplicateRule', { name: r.name, first: first + 1 });
    else names.set(r.name, i);
  });
  const shared = doc.conditions ?? {};
  const walk = (c: Condition, ptr: string) => {
    const kind = nodeKind(c);
    if (kind === 'ref' && !((c as { condition: string }).condition in shared))
      issue(`${ptr}/condition`, 'unknownShared', { name: (c as { condition: string }).condition });
    for (const { child, segment } of groupChildren(c)) walk(child, `${ptr}/${segment}`);
  };
  doc.rules.forEach((r, i) => walk(r.conditions, `/rules/${i}/conditions`));
  for (const [name, c] of Object.entries(shared)) walk(c, `/conditions/${escapePointer(name)}`);
  (doc.tests ?? []).forEach((tc, i) => {
    for (const o of Object.keys(tc.expect.outputs ?? {})) if (!(o in doc.outputs)) issue(`/tests/${i}/expect/outputs/${escapePointer(o)}`, 'unknownOutput', { name: o });
    for (const field of ['firedRules', 'fired', 'notFired'] as const)
      (tc.expect[field] ?? []).forEach((n, j) => {
        if (!names.has(n)) issue(`/tests/${i}/expect/${field}/${j}`, 'unknownRule', { name: n });
      });
  });
  return out;
}
