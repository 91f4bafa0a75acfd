import { contentHash } from '../../shared/canonical-json';
import { BadRequestError } from '../../shared/errors';
import type { RuleSetDocument } from '../rule-sets/rule-set';
import { buildClosureRunner } from './closures';
import { generateRunner, type RuleRunner } from './codegen';
import { assertDocumentShape } from './document-shape';
import { todayUtcDay, toWrittenDay } from './dates';
import { ISSUE_SINK, resetIssues, takeIssues } from './issues';
import { buildMerger } from './merge';
import { buildRuleSetIR, type RuleSetIR } from './rule-set-ir';
import { buildTracer, type TraceRun } from './trace-evaluator';
import type { CompiledRuleSet, CompileOptions, EvaluateOptions, EvaluationResult } from './types';

const NO_FACTS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;
/** Read once: the hot path then touches a local object instead of a module binding. */
const sink = ISSUE_SINK;

/**
 * Compiles one immutable rule-set document into a synchronous evaluator. The document is copied and frozen
 * first, so later changes to the caller's object cannot reach a cached evaluator. Throws RuleSetCompileError
 * (422) naming every problem; never hangs (nesting, reference chains and expansion are bounded in condition-ir).
 */
export function compileRuleSet(document: RuleSetDocument, options: CompileOptions = {}): CompiledRuleSet {
  assertDocumentShape(document);
  const hash = contentHash(document);
  const frozen = deepFreeze(structuredClone(document));
  const ir = buildRuleSetIR(frozen);
  const { runner, mode } = buildRunner(ir, options.mode ?? 'codegen');
  const merge = buildMerger(ir.rules, ir.outputs);
  const tracingAllowed = options.tracing !== false;
  let tracer: ((facts: Record<string, unknown>, asOfDay: number) => TraceRun) | null = null;
  const usesAsOf = ir.usesAsOf;

  const traced = (facts: Record<string, unknown>, asOfDay: number): EvaluationResult => {
    if (!tracingAllowed) throw new BadRequestError('trace_unavailable', 'This evaluator was compiled without tracing.');
    tracer ??= buildTracer(ir);
    resetIssues();
    const run = tracer(facts, asOfDay);
    const result = merge(run.fired, takeIssues());
    result.trace = run.rules;
    return result;
  };

  const evaluate = (facts: Record<string, unknown>, opts?: EvaluateOptions): EvaluationResult => {
    // json-rules-engine iterates the facts with for…in: anything that is not an object provides no facts.
    const f = facts !== null && typeof facts === 'object' ? facts : NO_FACTS;
    const asOfDay = usesAsOf || opts?.asOf !== undefined ? resolveAsOf(opts?.asOf) : 0;
    if (opts !== undefined && opts.trace === true) return traced(f, asOfDay);
    sink.list = null;
    const fired: number[] = [];
    runner(f, fired, asOfDay);
    const issues = sink.list;
    sink.list = null;
    return merge(fired, issues);
  };

  return Object.freeze({
    key: frozen.key,
    contentHash: hash,
    document: frozen,
    mode,
    ruleNames: Object.freeze(ir.rules.map((r) => r.name)),
    factNames: Object.freeze(ir.factNames),
    evaluate,
  });
}

function buildRunner(ir: RuleSetIR, mode: 'codegen' | 'closures'): { runner: RuleRunner; mode: 'codegen' | 'closures' } {
  if (mode === 'codegen') {
    try {
      return { runner: generateRunner(ir), mode };
    } catch (e) {
      // Only the refusal to generate code is expected here (EvalError under --disallow-code-generation-from-strings);
      // anything else is a bug in codegen and must surface.
      if (!(e instanceof EvalError)) throw e;
    }
  }
  return { runner: buildClosureRunner(ir), mode: 'closures' };
}

/**
 * The asOf day for withinDays: the written calendar date of `asOf`, else today's UTC date. The last one parsed is
 * remembered: a simulation or a batch passes the same asOf for every record, and parsing it cost about as much as
 * evaluating a 60-rule set.
 */
let lastAsOf: string | undefined;
let lastAsOfDay = 0;
function resolveAsOf(asOf: string | undefined): number {
  if (asOf === undefined) return todayUtcDay();
  if (asOf === lastAsOf) return lastAsOfDay;
  const day = toWrittenDay(asOf);
  if (day === null) throw new BadRequestError('invalid_as_of', `asOf must be an ISO date such as 2025-06-30; it was ${JSON.stringify(asOf)}.`);
  lastAsOf = asOf;
  lastAsOfDay = day;
  return day;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
