import type { ActorRef } from '../audit/audit';
import type { EvaluationWarning, FiredRule, RuleTrace } from '../engine/types';

/** The exact rule-set version a decision was made with. */
export interface RuleSetRef {
  key: string;
  version: number;
  contentHash: string;
}

/**
 * One logged decision: everything needed to explain it later and to replay it. Append-only: once written, never
 * changed. The id is time-ordered (`dec_…`), so listing newest first and paging by id is stable under inserts.
 */
export interface DecisionRecord {
  id: string;
  ruleSet: RuleSetRef;
  /** The facts as the caller sent them (defaults of optional inputs are not merged in here; replay re-applies them). */
  facts: Record<string, unknown>;
  /** Facts the service derived (from a client's statements, later); {} for now. */
  derivedFacts: Record<string, unknown>;
  /** The reference date the evaluation used (`YYYY-MM-DD`): the caller's `asOf`, or the evaluation day. */
  asOf: string;
  outputs: Record<string, unknown>;
  firedRules: FiredRule[];
  reasons: unknown[];
  warnings?: EvaluationWarning[];
  /** Only when the caller asked for a trace: the record then holds the full explanation it was given. */
  trace?: RuleTrace[];
  /** The `decision` output when there is one, else the first output's value as a string; indexed for filters. */
  outcome: string | null;
  caller: ActorRef;
  clientId: string | null;
  idempotencyKey: string | null;
  /** sha256 of canonical JSON of {ruleSetKey, body}: a retry with the same key must send the same request. */
  requestHash: string | null;
  requestId: string;
  /** The caller's own reference for a batch item. */
  ref: string | null;
  /**
   * Set when the record was spooled during an outage and, on replay, its idempotency key had meanwhile been taken by
   * a decision on another instance: the record is kept (it was answered) without the key, and says so here.
   */
  idempotencyClash?: { key: string; existingId: string };
  /** Index within its batch, when it came from one. */
  batchIndex: number | null;
  evaluatedAt: string;
  /** Time spent validating the facts and evaluating the rules, in ms (the log commit comes after and is not in it). */
  latencyMs: number;
}

/** What a caller receives for one decision. */
export interface DecisionResponse {
  decisionId: string;
  ruleSet: RuleSetRef;
  outputs: Record<string, unknown>;
  firedRules: FiredRule[];
  reasons: unknown[];
  warnings?: EvaluationWarning[];
  trace?: RuleTrace[];
  evaluatedAt: string;
  latencyMs: number;
}

export interface DecisionQuery {
  ruleSet?: string;
  outcome?: string;
  clientId?: string;
  /** Matches the caller's id (API key or user id) or its name. */
  caller?: string;
  /** Inclusive bounds on `evaluatedAt` (ISO datetimes). */
  from?: string;
  to?: string;
  /** The last id of the previous page. */
  cursor?: string;
  limit?: number;
}

export function toResponse(r: DecisionRecord): DecisionResponse {
  const out: DecisionResponse = {
    decisionId: r.id,
    ruleSet: r.ruleSet,
    outputs: r.outputs,
    firedRules: r.firedRules,
    reasons: r.reasons,
    evaluatedAt: r.evaluatedAt,
    latencyMs: r.latencyMs,
  };
  if (r.warnings?.length) out.warnings = r.warnings;
  if (r.trace) out.trace = r.trace;
  return out;
}

/**
 * The value decisions are filtered and counted by: `outputs.decision` when the rule set has one (credit policies),
 * otherwise the first declared output's value. Arrays and objects become JSON; null stays null.
 */
export function outcomeOf(outputs: Record<string, unknown>): string | null {
  const v = Object.prototype.hasOwnProperty.call(outputs, 'decision') ? outputs.decision : outputs[Object.keys(outputs)[0]];
  if (v === undefined || v === null) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 200 ? s.slice(0, 200) : s;
}

/** The ISO date part (`YYYY-MM-DD`) of a date or datetime as written. */
export function dayOf(isoDateOrDateTime: string): string {
  return isoDateOrDateTime.slice(0, 10);
}
