import { canonicalJson } from '../../shared/canonical-json';
import type { OutputIR, RuleIR } from './rule-set-ir';
import type { EvaluationResult, EvaluationWarning, FiredRule } from './types';

/**
 * Output merging (DESIGN §3): per output, how the contributions of the fired rules combine. A fired rule
 * contributes to output X when its `event.params.X` is an own property that is not undefined.
 *
 * Everything that depends only on the document is worked out once: each rule's list of contributions with
 * its rank (worst/best), whether it is usable (a number for min/max/sum, in the order for worst/best), its
 * union keys, its reasons and its firedRules entry. Per evaluation we walk the fired rules once, in firing
 * order, applying each contribution to its output's accumulator: the work is proportional to what fired.
 */

const enum Kind {
  First,
  Worst,
  Best,
  Min,
  Max,
  Sum,
  Union,
  Collect,
}
const KINDS: Record<OutputIR['merge'], Kind> = { first: Kind.First, worst: Kind.Worst, best: Kind.Best, min: Kind.Min, max: Kind.Max, sum: Kind.Sum, union: Kind.Union, collect: Kind.Collect };

/*
 * "No contribution yet" is `undefined`: a contribution is never undefined (a param that is undefined does not
 * contribute), while null is a legitimate value.
 */

interface Contribution {
  k: number;
  kind: Kind;
  value: unknown;
  /** worst/best: the value's rank (0 = worst). */
  rank: number;
  /** Union and collect: the elements (an array contributes its elements, anything else itself). */
  elements: unknown[];
  /** Union: per element, null for a primitive (compared with ===) or the canonical JSON of an object or array. */
  keys: (string | null)[];
  /** Set when the value cannot be used (not a number, not in the order): reported, then ignored. */
  warning: EvaluationWarning | null;
}

interface RuleOutcome {
  fired: FiredRule;
  reasons: readonly unknown[];
  contributions: Contribution[];
}

export type Merger = (fired: readonly number[], issues: EvaluationWarning[] | null) => EvaluationResult;

export function buildMerger(rules: readonly RuleIR[], outputs: readonly OutputIR[]): Merger {
  const byIndex: RuleOutcome[] = [];
  for (const r of rules) byIndex[r.index] = outcomeOf(r, outputs);
  const defaults = outputs.map((o) => o.default);
  const count = outputs.length;
  const makeOutputs = outputsFactory(outputs.map((o) => o.name));
  const needsAux = outputs.some((o) => o.merge === 'worst' || o.merge === 'best' || o.merge === 'union');

  return (fired, issues) => {
    let warnings = issues;
    const values: unknown[] = new Array(count);
    const aux: unknown[] = needsAux && fired.length > 0 ? new Array(count) : NO_AUX;
    const firedRules: FiredRule[] = new Array(fired.length);
    const reasons: unknown[] = [];
    for (let i = 0; i < fired.length; i++) {
      const o = byIndex[fired[i]];
      firedRules[i] = o.fired;
      for (let j = 0; j < o.reasons.length; j++) reasons.push(o.reasons[j]);
      for (let j = 0; j < o.contributions.length; j++) {
        const c = o.contributions[j];
        if (c.warning !== null) {
          if (warnings === null) warnings = [c.warning];
          else warnings.push(c.warning);
        } else apply(c, values, aux);
      }
    }
    for (let k = 0; k < count; k++) if (values[k] === undefined) values[k] = defaults[k];
    const result: EvaluationResult = { outputs: makeOutputs(values), firedRules, reasons };
    if (warnings !== null) result.warnings = warnings;
    return result;
  };
}

const NO_AUX: unknown[] = [];

function apply(c: Contribution, values: unknown[], aux: unknown[]): void {
  const k = c.k;
  const current = values[k];
  switch (c.kind) {
    case Kind.First:
      if (current === undefined) values[k] = c.value;
      return;
    case Kind.Worst:
    case Kind.Best:
      if (current === undefined || (c.kind === Kind.Worst ? c.rank < (aux[k] as number) : c.rank > (aux[k] as number))) {
        values[k] = c.value;
        aux[k] = c.rank;
      }
      return;
    case Kind.Min:
      if (current === undefined || (c.value as number) < (current as number)) values[k] = c.value;
      return;
    case Kind.Max:
      if (current === undefined || (c.value as number) > (current as number)) values[k] = c.value;
      return;
    case Kind.Sum:
      values[k] = current === undefined ? c.value : (current as number) + (c.value as number);
      return;
    case Kind.Union: {
      // First-seen order without duplicates. The lists are short, so linear searches beat a Set: primitives by
      // ===, objects and arrays by their canonical JSON (kept in aux[k]).
      if (current === undefined) values[k] = [];
      const list = values[k] as unknown[];
      for (let i = 0; i < c.elements.length; i++) {
        const key = c.keys[i];
        if (key === null) {
          if (list.indexOf(c.elements[i]) === -1) list.push(c.elements[i]);
        } else {
          const seen = (aux[k] ??= []) as string[];
          if (seen.indexOf(key) === -1) {
            seen.push(key);
            list.push(c.elements[i]);
          }
        }
      }
      return;
    }
    case Kind.Collect: {
      if (current === undefined) values[k] = [];
      const list = values[k] as unknown[];
      for (let i = 0; i < c.elements.length; i++) list.push(c.elements[i]);
      return;
    }
  }
}

function outcomeOf(rule: RuleIR, outputs: readonly OutputIR[]): RuleOutcome {
  const params = rule.event.params;
  const p = params !== null && typeof params === 'object' ? params : undefined;
  const contributions: Contribution[] = [];
  outputs.forEach((out, k) => {
    if (!p || !Object.hasOwn(p, out.name) || p[out.name] === undefined) return;
    contributions.push(contribution(rule, out, k, p[out.name]));
  });
  const reasons: unknown[] = [];
  if (p && Object.hasOwn(p, 'reasons') && p.reasons !== undefined) {
    if (Array.isArray(p.reasons)) reasons.push(...p.reasons);
    else reasons.push(p.reasons);
  }
  if (p && Object.hasOwn(p, 'reason') && p.reason !== undefined) reasons.push(p.reason);
  const fired: FiredRule = Object.freeze({ name: rule.name, priority: rule.priority, event: rule.event });
  return { fired, reasons: Object.freeze(reasons), contributions };
}

function contribution(rule: RuleIR, out: OutputIR, k: number, value: unknown): Contribution {
  const kind = KINDS[out.merge];
  const elements = Array.isArray(value) ? [...value] : [value];
  const c: Contribution = { k, kind, value, rank: -1, elements, keys: kind === Kind.Union ? elements.map(identity) : [], warning: null };
  if (kind === Kind.Worst || kind === Kind.Best) {
    const rank = typeof value === 'string' ? out.rank?.get(value) : undefined;
    if (rank === undefined) c.warning = warning('output-value-not-in-order', 'is not in its order', out, rule, value);
    else c.rank = rank;
  }
  if ((kind === Kind.Min || kind === Kind.Max || kind === Kind.Sum) && (typeof value !== 'number' || Number.isNaN(value))) {
    c.warning = warning('output-value-not-a-number', 'is not a number', out, rule, value);
  }
  return c;
}

/** Union compares objects and arrays by canonical JSON (key order ignored); primitives need no key. */
function identity(v: unknown): string | null {
  return v !== null && typeof v === 'object' ? canonicalJson(v) : null;
}

/** Shared by every evaluation that hits it: frozen, like everything else taken from the document. */
function warning(code: EvaluationWarning['code'], problem: string, out: OutputIR, rule: RuleIR, value: unknown): EvaluationWarning {
  return Object.freeze({
    code,
    message: `rule "${rule.name}" gave ${out.name} = ${JSON.stringify(value)}, which ${problem}; ignored`,
    output: out.name,
    rule: rule.name,
    value,
  });
}

/**
 * Builds the outputs object from an object literal (one hidden class, no per-key transitions), generated
 * like the evaluator: names enter the source only through JSON.stringify, and always as computed keys,
 * because a literal `"__proto__": v` key would set the prototype instead of creating the output.
 */
function outputsFactory(names: string[]): (merged: unknown[]) => Record<string, unknown> {
  const source = `return { ${names.map((n, i) => `[${JSON.stringify(n)}]: v[${i}]`).join(', ')} };`;
  try {
    return new Function('v', source) as (merged: unknown[]) => Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e; // code generation disallowed: build it key by key
    return (merged) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) Object.defineProperty(out, names[i], { value: merged[i], enumerable: true, writable: true, configurable: true });
      return out;
    };
  }
}
