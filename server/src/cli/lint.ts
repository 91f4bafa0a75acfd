import { analyzeRuleSet } from '../modules/engine/analysis';
import { FACT_CATALOG } from '../modules/facts/catalog';
import type { Condition, RuleSetDocument, TopCondition } from '../modules/rule-sets/rule-set';
import type { FieldError } from '../shared/errors';

/**
 * `rules lint`: the engine's static analysis, exactly as the publishing gate runs it (unknown facts and
 * operators, type mismatches, values outside enumerations, unreachable and shadowed rules, outputs), plus the
 * library's own conventions as warnings: every rule names its source, every declared input is read, every rule
 * set has test cases.
 */
export interface LintReport {
  errors: FieldError[];
  warnings: FieldError[];
}

export function lintDocument(doc: RuleSetDocument): LintReport {
  const analysis = analyzeRuleSet(doc, FACT_CATALOG);
  return { errors: [...analysis.errors], warnings: [...analysis.warnings, ...conventionChecks(doc)] };
}

/** The library's conventions, beyond what the server requires. */
export function conventionChecks(doc: RuleSetDocument): FieldError[] {
  const warnings: FieldError[] = [];
  doc.rules.forEach((r, i) => {
    const source = r.event.params?.source;
    if (typeof source !== 'string' || !source.trim())
      warnings.push({ pointer: `/rules/${i}/event/params`, code: 'no_source', message: `rule '${r.name}' does not say where it comes from (event.params.source)` });
  });
  const read = new Set<string>();
  const collect = (c: Condition | TopCondition): void => {
    if ('all' in c) c.all.forEach(collect);
    else if ('any' in c) c.any.forEach(collect);
    else if ('not' in c) collect(c.not);
    else if (!('condition' in c)) {
      read.add(c.fact);
      if (isFactRef(c.value)) read.add(c.value.fact);
    }
  };
  Object.values(doc.conditions ?? {}).forEach(collect);
  doc.rules.forEach((r) => collect(r.conditions));
  (doc.inputs ?? []).forEach((inp, i) => {
    if (!read.has(inp.name)) warnings.push({ pointer: `/inputs/${i}`, code: 'unused_input', message: `declares '${inp.name}', which no condition reads` });
  });
  if (!doc.tests?.length) warnings.push({ pointer: '/tests', code: 'no_tests', message: 'has no test cases; add some before this is published' });
  return warnings;
}

function isFactRef(v: unknown): v is { fact: string } {
  return !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string';
}
