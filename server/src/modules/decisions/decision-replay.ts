import { canonicalJson } from '../../shared/canonical-json';
import type { FieldError } from '../../shared/errors';
import type { EvaluationResult, RuleTrace } from '../engine';
import type { CompiledVersion } from './compiled-version';
import type { DecisionRecord, RuleSetRef } from './decision';

/** How a re-run differs from the logged decision. */
export interface ReplayDifferences {
  /** Outputs whose value changed (compared as canonical JSON), in the order the outputs are declared. */
  outputs: { output: string; before: unknown; after: unknown }[];
  /** Rules that fire now and did not then. */
  newlyFired: string[];
  /** Rules that fired then and do not now. */
  noLongerFired: string[];
}

export interface ReplayRun {
  ruleSet: RuleSetRef;
  outputs?: Record<string, unknown>;
  firedRules?: string[];
  changed?: boolean;
  differences?: ReplayDifferences;
  trace?: RuleTrace[];
  /** When the logged facts do not satisfy this version's declared inputs (a new required input, say). */
  problems?: FieldError[];
}

export interface Replay {
  decisionId: string;
  evaluatedAt: string;
  asOf: string;
  original: { ruleSet: RuleSetRef; outputs: Record<string, unknown>; firedRules: string[] };
  /** The logged facts re-run with the version the decision used: `reproduced` says whether it gave exactly the same answer. */
  sameVersion: ReplayRun & { reproduced: boolean };
  /** The same facts with today's active version; null when the rule set has no active version now. */
  activeVersion: ReplayRun | null;
}

/** Re-runs one logged decision with a compiled version and compares with what was logged. Pure; no I/O. */
export function rerun(record: DecisionRecord, cv: CompiledVersion, trace: boolean): ReplayRun {
  const { errors, facts } = cv.validate({ ...record.facts, ...record.derivedFacts }, '/facts');
  if (errors.length) return { ruleSet: cv.ref, problems: errors };
  const r: EvaluationResult = cv.evaluator.evaluate(facts, { trace, asOf: record.asOf });
  const differences = diff(record, r);
  const run: ReplayRun = {
    ruleSet: cv.ref,
    outputs: r.outputs,
    firedRules: r.firedRules.map((f) => f.name),
    changed: differences.outputs.length > 0 || differences.newlyFired.length > 0 || differences.noLongerFired.length > 0,
    differences,
  };
  if (r.trace) run.trace = r.trace;
  return run;
}

export function diff(record: DecisionRecord, now: EvaluationResult): ReplayDifferences {
  const outputs: ReplayDifferences['outputs'] = [];
  const names = [...Object.keys(now.outputs), ...Object.keys(record.outputs).filter((k) => !Object.hasOwn(now.outputs, k))];
  for (const output of names) {
    const before = record.outputs[output];
    const after = now.outputs[output];
    if (canonicalJson(before ?? null) !== canonicalJson(after ?? null)) outputs.push({ output, before: before ?? null, after: after ?? null });
  }
  const then = new Set(record.firedRules.map((f) => f.name));
  const fired = new Set(now.firedRules.map((f) => f.name));
  return {
    outputs,
    newlyFired: [...fired].filter((n) => !then.has(n)),
    noLongerFired: [...then].filter((n) => !fired.has(n)),
  };
}
