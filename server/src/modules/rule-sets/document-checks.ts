import type { FieldError } from '../../shared/errors';
import type { Condition, RuleSetDocument, TopCondition } from './rule-set';

/** Deepest all/any/not nesting we accept: deeper trees are unreadable and a hazard to evaluate. */
export const MAX_DEPTH = 12;
/** Most leaf conditions in one rule set. */
export const MAX_CONDITIONS = 20_000;

/**
 * Checks a schema-valid document for what JSON Schema cannot express: unique rule names, shared conditions that
 * exist and do not refer to themselves, worst/best defaults inside their order, and size limits.
 */
export function documentProblems(doc: RuleSetDocument): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Map<string, number>();
  doc.rules.forEach((r, i) => {
    const first = seen.get(r.name);
    if (first !== undefined) out.push({ pointer: `/rules/${i}/name`, code: 'duplicate_rule_name', message: `repeats the name of rule ${first} ('${r.name}'); rule names must be unique` });
    else seen.set(r.name, i);
  });
  const inputs = new Map<string, number>();
  (doc.inputs ?? []).forEach((inp, i) => {
    if (inputs.has(inp.name)) out.push({ pointer: `/inputs/${i}/name`, code: 'duplicate_input', message: `declares '${inp.name}' a second time` });
    inputs.set(inp.name, i);
  });
  for (const [name, spec] of Object.entries(doc.outputs)) {
    if ((spec.merge === 'worst' || spec.merge === 'best') && spec.default !== undefined && spec.default !== null && !spec.order?.includes(String(spec.default)))
      out.push({ pointer: `/outputs/${name}/default`, code: 'default_not_in_order', message: `must be one of the values in order (${spec.order?.join(', ')})` });
  }
  const shared = doc.conditions ?? {};
  let leaves = 0;
  const walk = (c: Condition, ptr: string, depth: number) => {
    if (depth > MAX_DEPTH) {
      out.push({ pointer: ptr, code: 'too_deep', message: `nests conditions deeper than ${MAX_DEPTH} levels` });
      return;
    }
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${ptr}/all/${i}`, depth + 1));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${ptr}/any/${i}`, depth + 1));
    else if ('not' in c) walk(c.not, `${ptr}/not`, depth + 1);
    else if ('condition' in c) {
      if (!(c.condition in shared)) out.push({ pointer: `${ptr}/condition`, code: 'unknown_condition', message: `refers to shared condition '${c.condition}', which is not defined in /conditions` });
    } else leaves++;
  };
  for (const [name, cond] of Object.entries(shared)) walk(cond as TopCondition, `/conditions/${name}`, 1);
  for (const name of Object.keys(shared)) {
    const cycle = findCycle(name, shared, []);
    if (cycle) out.push({ pointer: `/conditions/${name}`, code: 'condition_cycle', message: `refers back to itself (${cycle.join(' → ')})` });
  }
  doc.rules.forEach((r, i) => walk(r.conditions, `/rules/${i}/conditions`, 1));
  if (leaves > MAX_CONDITIONS) out.push({ pointer: '/rules', code: 'too_many_conditions', message: `has ${leaves} conditions; at most ${MAX_CONDITIONS} are allowed` });
  (doc.tests ?? []).forEach((t, i) => {
    for (const o of Object.keys(t.expect.outputs ?? {}))
      if (!(o in doc.outputs)) out.push({ pointer: `/tests/${i}/expect/outputs/${o}`, code: 'unknown_output', message: `'${o}' is not an output of this rule set` });
    for (const field of ['firedRules', 'fired', 'notFired'] as const)
      (t.expect[field] ?? []).forEach((n, j) => {
        if (!seen.has(n)) out.push({ pointer: `/tests/${i}/expect/${field}/${j}`, code: 'unknown_rule', message: `'${n}' is not a rule of this rule set` });
      });
  });
  return dedupe(out);
}

function refsOf(c: Condition, acc: string[] = []): string[] {
  if ('all' in c) c.all.forEach((x) => refsOf(x, acc));
  else if ('any' in c) c.any.forEach((x) => refsOf(x, acc));
  else if ('not' in c) refsOf(c.not, acc);
  else if ('condition' in c) acc.push(c.condition);
  return acc;
}

function findCycle(name: string, shared: Record<string, TopCondition>, stack: string[]): string[] | null {
  if (stack.includes(name)) return stack[0] === name ? [...stack, name] : null;
  const cond = shared[name];
  if (!cond || stack.length > 50) return null;
  for (const ref of refsOf(cond)) {
    const c = findCycle(ref, shared, [...stack, name]);
    if (c) return c;
  }
  return null;
}

function dedupe(list: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = e.pointer + e.code;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
