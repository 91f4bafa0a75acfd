import { canonicalJson } from '../../shared/canonical-json';
import type { OutputIR, RuleIR } from './rule-set-ir';
import type { EvaluationResult, EvaluationWarning, FiredRule } from './types';

/**
 * Output merging (DESIGN §3): per output, how the contributions of the fired rules combine. A fired rule
 * contributes to output X when its `event.params.X` is an own property that is not undefined. Everything that
 * depends only on the document (each rule's contributions, its reasons, its firedRules entry) is computed once
 * here; per evaluation we only walk the fired rules.
 */

const NONE = Symbol('no contribution');

interface RuleOutcome {
  fired: FiredRule;
  reasons: readonly unknown[];
  /** Per output, in `outputs` order: the contributed value or NONE. */
  contributions: unknown[];
}

export type Merger = (fired: readonly number[], issues: EvaluationWarning[] | null) => EvaluationResult;

export function buildMerger(rules: readonly RuleIR[], outputs: readonly OutputIR[]): Merger {
  const byIndex: RuleOutcome[] = [];
  for (const r of rules) byIndex[r.index] = outcomeOf(r, outputs);
  const names = outputs.map((o) => o.name);

  return (fired, issues) => {
    const warnings = issues ?? [];
    const firedRules: FiredRule[] = new Array(fired.length);
    const reasons: unknown[] = [];
    for (let i = 0; i < fired.length; i++) {
      const o = byIndex[fired[i]];
      firedRules[i] = o.fired;
      for (let j = 0; j < o.reasons.length; j++) reasons.push(o.reasons[j]);
    }
    const values: Record<string, unknown> = {};
    for (let k = 0; k < outputs.length; k++) values[names[k]] = mergeOne(outputs[k], k, fired, byIndex, warnings);
    const result: EvaluationResult = { outputs: values, firedRules, reasons };
    if (warnings.length) result.warnings = warnings;
    return result;
  };
}

function outcomeOf(rule: RuleIR, outputs: readonly OutputIR[]): RuleOutcome {
  const params = rule.event.params;
  const p = params !== null && typeof params === 'object' ? params : undefined;
  const contributions = outputs.map((o) => (p && Object.hasOwn(p, o.name) && p[o.name] !== undefined ? p[o.name] : NONE));
  const reasons: unknown[] = [];
  if (p && Object.hasOwn(p, 'reasons') && p.reasons !== undefined) {
    if (Array.isArray(p.reasons)) reasons.push(...p.reasons);
    else reasons.push(p.reasons);
  }
  if (p && Object.hasOwn(p, 'reason') && p.reason !== undefined) reasons.push(p.reason);
  const fired: FiredRule = Object.freeze({ name: rule.name, priority: rule.priority, event: rule.event });
  return { fired, reasons: Object.freeze(reasons), contributions };
}

function mergeOne(out: OutputIR, k: number, fired: readonly number[], rules: RuleOutcome[], warnings: EvaluationWarning[]): unknown {
  switch (out.merge) {
    case 'first':
      for (let i = 0; i < fired.length; i++) {
        const v = rules[fired[i]].contributions[k];
        if (v !== NONE) return v;
      }
      return out.default;
    case 'worst':
    case 'best':
      return mergeRanked(out, k, fired, rules, warnings);
    case 'min':
    case 'max':
    case 'sum':
      return mergeNumbers(out, k, fired, rules, warnings);
    case 'union':
      return mergeUnion(out, k, fired, rules);
    case 'collect': {
      let list: unknown[] | null = null;
      for (let i = 0; i < fired.length; i++) {
        const v = rules[fired[i]].contributions[k];
        if (v === NONE) continue;
        list ??= [];
        if (Array.isArray(v)) for (let j = 0; j < v.length; j++) list.push(v[j]);
        else list.push(v);
      }
      return list ?? out.default;
    }
  }
}

function mergeRanked(out: OutputIR, k: number, fired: readonly number[], rules: RuleOutcome[], warnings: EvaluationWarning[]): unknown {
  const rank = out.rank as Map<string, number>;
  const worst = out.merge === 'worst';
  let best: string | undefined;
  let bestRank = -1;
  for (let i = 0; i < fired.length; i++) {
    const rule = rules[fired[i]];
    const v = rule.contributions[k];
    if (v === NONE) continue;
    const r = typeof v === 'string' ? rank.get(v) : undefined;
    if (r === undefined) {
      warnings.push({
        code: 'output-value-not-in-order',
        message: `rule "${rule.fired.name}" gave ${out.name} = ${JSON.stringify(v)}, which is not in its order; ignored`,
        output: out.name,
        rule: rule.fired.name,
        value: v,
      });
      continue;
    }
    if (bestRank < 0 || (worst ? r < bestRank : r > bestRank)) {
      best = v as string;
      bestRank = r;
    }
  }
  return bestRank < 0 ? out.default : best;
}

function mergeNumbers(out: OutputIR, k: number, fired: readonly number[], rules: RuleOutcome[], warnings: EvaluationWarning[]): unknown {
  let acc: number | undefined;
  for (let i = 0; i < fired.length; i++) {
    const rule = rules[fired[i]];
    const v = rule.contributions[k];
    if (v === NONE) continue;
    if (typeof v !== 'number' || Number.isNaN(v)) {
      warnings.push({
        code: 'output-value-not-a-number',
        message: `rule "${rule.fired.name}" gave ${out.name} = ${JSON.stringify(v)}, which is not a number; ignored`,
        output: out.name,
        rule: rule.fired.name,
        value: v,
      });
      continue;
    }
    if (acc === undefined) acc = v;
    else if (out.merge === 'sum') acc += v;
    else if (out.merge === 'min' ? v < acc : v > acc) acc = v;
  }
  return acc === undefined ? out.default : acc;
}

function mergeUnion(out: OutputIR, k: number, fired: readonly number[], rules: RuleOutcome[]): unknown {
  let list: unknown[] | null = null;
  let seen: Set<string> | null = null;
  const add = (v: unknown) => {
    const key = identity(v);
    if ((seen ??= new Set()).has(key)) return;
    seen.add(key);
    (list ??= []).push(v);
  };
  for (let i = 0; i < fired.length; i++) {
    const v = rules[fired[i]].contributions[k];
    if (v === NONE) continue;
    list ??= [];
    if (Array.isArray(v)) for (let j = 0; j < v.length; j++) add(v[j]);
    else add(v);
  }
  return list ?? out.default;
}

/** Union compares by value: strings and numbers by type and value, objects and arrays by canonical JSON. */
function identity(v: unknown): string {
  if (v !== null && typeof v === 'object') return `o${canonicalJson(v)}`;
  return `${typeof v}:${String(v)}`;
}
