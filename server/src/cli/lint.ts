import * as engine from '../modules/engine';
import { factDefinition } from '../modules/facts/catalog';
import type { Condition, RuleSetDocument, TopCondition } from '../modules/rule-sets/rule-set';
import type { FieldError } from '../shared/errors';

/**
 * `rules lint`: static checks on a schema-valid document, beyond what saving checks. The engine will own static
 * analysis (DESIGN §3: unknown facts, type mismatches, unreachable and shadowed rules); when its index exports
 * `analyzeRuleSet`, lint runs it as well. Until then these checks stand in: every fact is in the catalog or
 * declared in `inputs`, comparisons fit the fact's type, literal values are among a fact's enumerated values,
 * every event parameter feeds an output with a value that output can merge, and each rule names its source.
 */
export interface LintReport {
  errors: FieldError[];
  warnings: FieldError[];
  /** Whether the engine's own analysis ran. */
  engineAnalysis: boolean;
}

type Analyzer = (doc: RuleSetDocument) => { errors: FieldError[]; warnings: FieldError[] };
const engineAnalyzer = (engine as unknown as { analyzeRuleSet?: Analyzer }).analyzeRuleSet;

/** Event parameters that carry metadata rather than an output contribution. */
const META_PARAMS = new Set(['source', 'reasons', 'reason', 'description']);
const NUMERIC_OPS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'between']);
const DATE_OPS = new Set(['before', 'after', 'withinDays']);

interface FactInfo {
  type: string;
  enum?: readonly unknown[];
}

export function lintDocument(doc: RuleSetDocument): LintReport {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const inputs = new Map((doc.inputs ?? []).map((i) => [i.name, i]));
  const used = new Set<string>();
  const usedShared = new Set<string>();

  (doc.inputs ?? []).forEach((inp, i) => {
    const cat = factDefinition(inp.name);
    if (cat && !sameType(cat.type, inp.type))
      warnings.push({ pointer: `/inputs/${i}/type`, code: 'input_type_differs', message: `declares '${inp.name}' as ${inp.type}, but the fact catalog has it as ${cat.type}` });
  });
  const info = (name: string): FactInfo | undefined => {
    const inp = inputs.get(name);
    if (inp) return { type: inp.type, enum: inp.enum };
    const cat = factDefinition(name);
    return cat ? { type: cat.type, enum: cat.enum } : undefined;
  };

  const leaf = (c: { fact: string; operator: string; value: unknown }, ptr: string) => {
    used.add(c.fact);
    const fi = info(c.fact);
    if (!fi) errors.push({ pointer: `${ptr}/fact`, code: 'unknown_fact', message: `'${c.fact}' is neither in the fact catalog nor declared in /inputs` });
    const ref = isFactRef(c.value) ? c.value.fact : undefined;
    if (ref !== undefined) {
      used.add(ref);
      if (!info(ref)) errors.push({ pointer: `${ptr}/value/fact`, code: 'unknown_fact', message: `'${ref}' is neither in the fact catalog nor declared in /inputs` });
    }
    const decorated = c.operator.includes(':');
    if (!fi || decorated || ref !== undefined) return;
    const problem = typeProblem(c.fact, fi, c.operator, c.value);
    if (problem) errors.push({ pointer: ptr, code: 'type_mismatch', message: problem });
    const outside = enumProblem(c.fact, fi, c.operator, c.value);
    if (outside) warnings.push({ pointer: `${ptr}/value`, code: 'value_not_in_enum', message: outside });
  };
  const walk = (c: Condition | TopCondition, ptr: string): void => {
    if ('all' in c) c.all.forEach((x, i) => walk(x, `${ptr}/all/${i}`));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, `${ptr}/any/${i}`));
    else if ('not' in c) walk(c.not, `${ptr}/not`);
    else if ('condition' in c) usedShared.add(c.condition);
    else leaf(c, ptr);
  };
  for (const [name, c] of Object.entries(doc.conditions ?? {})) walk(c, `/conditions/${name}`);
  doc.rules.forEach((r, i) => {
    walk(r.conditions, `/rules/${i}/conditions`);
    eventProblems(doc, i, errors, warnings);
  });

  (doc.inputs ?? []).forEach((inp, i) => {
    if (!used.has(inp.name)) warnings.push({ pointer: `/inputs/${i}`, code: 'unused_input', message: `declares '${inp.name}', which no condition reads` });
  });
  for (const name of Object.keys(doc.conditions ?? {}))
    if (!usedShared.has(name)) warnings.push({ pointer: `/conditions/${name}`, code: 'unused_condition', message: `shared condition '${name}' is never referenced` });
  if (!doc.tests?.length) warnings.push({ pointer: '/tests', code: 'no_tests', message: 'has no test cases; add some before this is published' });

  let engineAnalysis = false;
  if (engineAnalyzer) {
    const a = engineAnalyzer(doc);
    errors.push(...a.errors);
    warnings.push(...a.warnings);
    engineAnalysis = true;
  }
  return { errors, warnings, engineAnalysis };
}

function eventProblems(doc: RuleSetDocument, i: number, errors: FieldError[], warnings: FieldError[]): void {
  const r = doc.rules[i];
  const ptr = `/rules/${i}/event/params`;
  const params = r.event.params ?? {};
  if (typeof params.source !== 'string' || !params.source.trim())
    warnings.push({ pointer: ptr, code: 'no_source', message: `rule '${r.name}' does not say where it comes from (event.params.source)` });
  for (const [k, v] of Object.entries(params)) {
    const out = doc.outputs[k];
    if (!out) {
      if (!META_PARAMS.has(k)) warnings.push({ pointer: `${ptr}/${k}`, code: 'not_an_output', message: `'${k}' is not an output of this rule set, so rule '${r.name}' contributes it to nothing` });
      continue;
    }
    if ((out.merge === 'worst' || out.merge === 'best') && !(typeof v === 'string' && out.order?.includes(v)))
      errors.push({ pointer: `${ptr}/${k}`, code: 'value_not_in_order', message: `gives ${k} = ${JSON.stringify(v)}, which is not one of ${out.order?.join(', ')}` });
    if ((out.merge === 'min' || out.merge === 'max' || out.merge === 'sum') && !(typeof v === 'number' && Number.isFinite(v)))
      errors.push({ pointer: `${ptr}/${k}`, code: 'not_a_number', message: `gives ${k} = ${JSON.stringify(v)}, but ${k} merges by ${out.merge} and needs a number` });
  }
}

function typeProblem(fact: string, fi: FactInfo, operator: string, value: unknown): string | null {
  const t = fi.type;
  const isNum = t === 'number' || t === 'integer';
  const kind = `'${fact}' (${t})`;
  if (NUMERIC_OPS.has(operator)) {
    if (!isNum) return `${operator} compares numbers, but ${kind} is not a number`;
    if (operator === 'between') return Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number') ? null : 'between needs [low, high] numbers';
    return typeof value === 'number' ? null : `${operator} needs a number to compare ${kind} with; it was ${JSON.stringify(value)}`;
  }
  if (DATE_OPS.has(operator)) return t === 'date' ? null : `${operator} works on dates, but ${kind} is not a date`;
  if (operator === 'contains' || operator === 'doesNotContain') return t === 'array' ? null : `${operator} looks inside an array, but ${kind} is not one`;
  if (operator === 'startsWith') return t === 'string' ? null : `startsWith works on strings, but ${kind} is not one`;
  const fits = (v: unknown) => v === null || (isNum ? typeof v === 'number' : t === 'string' || t === 'date' ? typeof v === 'string' : t === 'boolean' ? typeof v === 'boolean' : true);
  if (operator === 'equal' || operator === 'notEqual') return fits(value) ? null : `${operator} compares ${kind} with ${JSON.stringify(value)}, a different type, so it can never match`;
  if (operator === 'in' || operator === 'notIn') {
    if (!Array.isArray(value)) return null; // a string value is a substring search (json-rules-engine semantics)
    const bad = value.filter((v) => !fits(v));
    return bad.length ? `${operator} lists ${JSON.stringify(bad)}, not of the type of ${kind}` : null;
  }
  return null;
}

function enumProblem(fact: string, fi: FactInfo, operator: string, value: unknown): string | null {
  if (!fi.enum?.length) return null;
  const values = operator === 'equal' || operator === 'notEqual' ? [value] : (operator === 'in' || operator === 'notIn') && Array.isArray(value) ? value : operator === 'contains' || operator === 'doesNotContain' ? [value] : [];
  const outside = values.filter((v) => v !== null && !fi.enum?.includes(v as never));
  return outside.length ? `${JSON.stringify(outside.length === 1 ? outside[0] : outside)} is not a known value of '${fact}' (${fi.enum.join(', ')})` : null;
}

function isFactRef(v: unknown): v is { fact: string } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
}

function sameType(a: string, b: string): boolean {
  return a === b || (a === 'integer' && b === 'number') || (a === 'number' && b === 'integer');
}
