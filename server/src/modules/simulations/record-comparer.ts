import type { FieldError } from '../../shared/errors';
import type { CompiledRuleSet, EvaluateOptions } from '../engine';
import { addToDimensions, compareOutput, countFired, keyOf, SEP, type Aggregate, type OutputPlan } from './aggregate';
import type { PopulationRecord } from './population/records';
import { DIMENSION_FIELDS, EXPOSURE_FIELDS, REF_FIELDS } from './population/records';
import { compileFactValidator, type FactValidator } from '../decisions/fact-validator';
import type { ChangedRecord } from './simulation';

const NO_OPTIONS: EvaluateOptions = Object.freeze({});

export interface ComparerOptions {
  plans: OutputPlan[];
  primary: string | null;
  /** The simulation's asOf; null lets each record use its own (replayed decisions), else `today`. */
  asOf: string | null;
  today: string;
  exposureField: string | null;
}

/**
 * Evaluates one record under both versions and adds the outcome to an aggregate. This is the hot loop of a
 * simulation: two compiled evaluations, a key comparison per output, a few counter increments. Only a changed
 * record allocates anything lasting (its ChangedRecord).
 */
export class RecordComparer {
  private readonly checkB: FactValidator;
  private readonly checkC: FactValidator;
  private readonly keep: string[];
  private lastAsOf: string | undefined;
  private lastOpts: EvaluateOptions = {};

  constructor(
    private readonly baseline: CompiledRuleSet,
    private readonly candidate: CompiledRuleSet,
    private readonly o: ComparerOptions,
  ) {
    // The decision API's own input check: a record is simulated exactly when it could have been decided.
    this.checkB = compileFactValidator(baseline.document);
    this.checkC = compileFactValidator(candidate.document);
    const inputs = [...(baseline.document.inputs ?? []), ...(candidate.document.inputs ?? [])].map((i) => i.name);
    this.keep = [
      ...new Set([...baseline.factNames, ...candidate.factNames, ...inputs, ...Object.values(DIMENSION_FIELDS).flat(), ...REF_FIELDS, ...(o.exposureField ? [o.exposureField] : EXPOSURE_FIELDS)]),
    ];
  }

  /** Returns the skip reason when the record cannot be evaluated, the change when it changed, else null. */
  compare(rec: PopulationRecord, agg: Aggregate): ChangedRecord | string | null {
    const b = this.checkB(rec.facts, '');
    if (b.errors.length) return factProblem('baseline', b.errors[0]);
    const c = this.checkC(rec.facts, '');
    if (c.errors.length) return factProblem('candidate', c.errors[0]);
    // asOf is passed only when one is set: the engine parses it on every call, which costs more than a small
    // rule set's whole evaluation; without one, it takes today's date only if a rule reads dates.
    const asOf = this.o.asOf ?? rec.asOf;
    const opts = asOf === null ? NO_OPTIONS : this.optionsFor(asOf);
    const rb = this.baseline.evaluate(b.facts, opts);
    const rc = this.candidate.evaluate(c.facts, opts);
    const e = rec.exposure;
    let changedOutputs: string[] | null = null;
    let move: string | null = null;
    for (const plan of this.o.plans) {
      const vb = rb.outputs[plan.name];
      const vc = rc.outputs[plan.name];
      if (compareOutput(agg.outputs[plan.name], plan, vb, vc, e)) {
        (changedOutputs ??= []).push(plan.name);
        if (plan.name === this.o.primary) move = keyOf(vb) + SEP + keyOf(vc);
      }
    }
    agg.records++;
    agg.exposure += e;
    countFired(agg.firedBaseline, rb.firedRules);
    countFired(agg.firedCandidate, rc.firedRules);
    addToDimensions(agg, rec.dims, e, changedOutputs !== null, move);
    if (changedOutputs === null) return null;
    agg.changed++;
    agg.changedExposure += e;
    const firedB = new Set(rb.firedRules.map((r) => r.name));
    const firedC = new Set(rc.firedRules.map((r) => r.name));
    const facts: Record<string, unknown> = {};
    for (const k of this.keep) if (rec.facts[k] !== undefined) facts[k] = rec.facts[k];
    return {
      recordId: rec.recordId,
      seq: rec.seq,
      ref: rec.ref,
      exposure: e,
      dims: rec.dims,
      asOf: asOf ?? this.o.today,
      facts,
      changedOutputs,
      baseline: { outputs: rb.outputs },
      candidate: { outputs: rc.outputs },
      firedOnlyInBaseline: [...firedB].filter((n) => !firedC.has(n)),
      firedOnlyInCandidate: [...firedC].filter((n) => !firedB.has(n)),
    };
  }

  private optionsFor(asOf: string): EvaluateOptions {
    if (asOf !== this.lastAsOf) {
      this.lastAsOf = asOf;
      this.lastOpts = { asOf };
    }
    return this.lastOpts;
  }
}

/** "candidate: debtToAsset is required" from the validator's `/debtToAsset` + "is required". */
export function factProblem(version: string, e: FieldError): string {
  return `${e.pointer.slice(1).replace(/~1/g, '/').replace(/~0/g, '~')} ${e.message} (${version})`;
}
