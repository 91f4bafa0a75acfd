import type { RuleSetDocument } from '../rule-sets/rule-set';

/**
 * The engine's public DTOs. Everything here is plain JSON-serialisable data except `CompiledRuleSet.evaluate`.
 * Values handed out (event params, output values taken from the document) are frozen and shared between
 * evaluations: treat them as read-only.
 */

export interface EvaluateOptions {
  /** Build a per-rule, per-condition trace. Off by default; when off it costs nothing. */
  trace?: boolean;
  /**
   * The reference date for `withinDays`: `YYYY-MM-DD` (or an ISO datetime, whose written calendar date is used).
   * Defaults to today's UTC date.
   */
  asOf?: string;
}

export interface FiredRule {
  name: string;
  priority: number;
  event: { type: string; params?: Record<string, unknown> };
}

/** A runtime problem that did not stop the evaluation (a value outside an output's order, a type error in an operator…). */
export interface EvaluationWarning {
  code: 'output-value-not-in-order' | 'output-value-not-a-number' | 'operator-type-error';
  message: string;
  output?: string;
  rule?: string;
  value?: unknown;
}

export interface EvaluationResult {
  /** One entry per declared output: the merged value, or its default (null / [] when none is declared). */
  outputs: Record<string, unknown>;
  /** In firing order: priority descending, then document order. */
  firedRules: FiredRule[];
  /** Each fired rule's `event.params.reasons` (elements) then `event.params.reason`, in firing order. */
  reasons: unknown[];
  warnings?: EvaluationWarning[];
  /** Present when `trace: true` was asked for: one entry per rule, in document order. */
  trace?: RuleTrace[];
}

export interface RuleTrace {
  name: string;
  priority: number;
  fired: boolean;
  conditions: TraceNode;
}

/**
 * One node of a condition tree as evaluated, mirroring the document: `all`/`any` list their children, `not` and
 * `condition` (a shared condition reference, expanded) wrap one, and `fact` is a leaf comparison. This is the
 * information json-rules-engine's RuleResult carries (factResult, valueResult, result), in our own shape.
 * In a trace every leaf is evaluated, even where the fast evaluator short-circuits; results are the same.
 */
export type TraceNode = TraceGroup | TraceNot | TraceRef | TraceLeaf;

export interface TraceGroup {
  type: 'all' | 'any';
  result: boolean;
  conditions: TraceNode[];
}
export interface TraceNot {
  type: 'not';
  result: boolean;
  condition: TraceNode;
}
export interface TraceRef {
  type: 'condition';
  /** The shared condition's name in the document's `conditions` map. */
  name: string;
  result: boolean;
  condition: TraceNode;
}
export interface TraceLeaf {
  type: 'fact';
  fact: string;
  path?: string;
  operator: string;
  /** The fact's value with `path` applied (absent from JSON when undefined). */
  factValue: unknown;
  /** True when the fact was not in the facts object at all. */
  factMissing?: true;
  /** The value compared against, after resolving a `{fact, path}` reference. */
  value: unknown;
  /** Set when `value` came from another fact. */
  valueRef?: { fact: string; path?: string };
  result: boolean;
}

export interface CompileOptions {
  /**
   * `codegen` (default) builds the evaluator with `new Function` over constants referenced by index;
   * `closures` builds a tree of closures (slower, used where code generation is disallowed).
   */
  mode?: 'codegen' | 'closures';
  /** When false, no tracing evaluator is ever built and `trace: true` is refused. Default true. */
  tracing?: boolean;
}

export interface CompiledRuleSet {
  readonly key: string;
  readonly contentHash: string;
  /** A frozen copy of the document this evaluator was compiled from. */
  readonly document: Readonly<RuleSetDocument>;
  readonly mode: 'codegen' | 'closures';
  readonly ruleNames: readonly string[];
  /** Every fact name read by a condition or a `{fact}` value, sorted. */
  readonly factNames: readonly string[];
  /** Synchronous, deterministic given `asOf`, no I/O; never throws for any facts. */
  evaluate(facts: Record<string, unknown>, opts?: EvaluateOptions): EvaluationResult;
}
