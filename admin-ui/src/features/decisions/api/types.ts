import type { ActorRef } from '../../../api/actor';
import type { RuleTrace } from '../../../components/explanation/trace-types';

/** Wire types of the decision API (schemas/decision-record.schema.json, decision-replay.schema.json, decision-stats.schema.json). */

export interface RuleSetRef {
  key: string;
  version: number;
  contentHash: string;
}

export interface FiredRule {
  name: string;
  priority: number;
  event: { type: string; params?: Record<string, unknown> };
}

export interface DecisionRecord {
  id: string;
  ruleSet: RuleSetRef;
  facts: Record<string, unknown>;
  derivedFacts: Record<string, unknown>;
  asOf: string;
  outputs: Record<string, unknown>;
  firedRules: FiredRule[];
  reasons: unknown[];
  warnings?: { code: string; message: string; rule?: string; output?: string }[];
  /** Only when the caller asked for a trace. The list leaves traces out. */
  trace?: RuleTrace[];
  outcome: string | null;
  caller: ActorRef;
  clientId: string | null;
  idempotencyKey: string | null;
  requestId: string;
  ref: string | null;
  batchIndex: number | null;
  evaluatedAt: string;
  latencyMs: number;
}

export interface ReplayDifferences {
  outputs: { output: string; before: unknown; after: unknown }[];
  newlyFired: string[];
  noLongerFired: string[];
}

export interface ReplayRun {
  ruleSet: RuleSetRef;
  outputs?: Record<string, unknown>;
  firedRules?: string[];
  changed?: boolean;
  differences?: ReplayDifferences;
  trace?: RuleTrace[];
  /** The logged facts do not satisfy this version's inputs (a new required input, say). */
  problems?: { pointer: string; message: string }[];
}

export interface Replay {
  decisionId: string;
  evaluatedAt: string;
  asOf: string;
  original: { ruleSet: RuleSetRef; outputs: Record<string, unknown>; firedRules: string[] };
  sameVersion: ReplayRun & { reproduced: boolean };
  /** null when the rule set has no active version today. */
  activeVersion: ReplayRun | null;
}

/** The parts of GET /api/v1/facts the decision pages use to label facts. */
export interface FactCatalog {
  facts: { name: string; type: string; unit?: string; description?: { zh?: string; en?: string }; source?: string; enumLabels?: Record<string, { zh?: string; en?: string }> }[];
}

export interface RuleSetListItem {
  key: string;
  family: string;
  name: { zh?: string; en?: string };
}

/** What a rule-set version declares about one output (schemas/rule-set.schema.json). */
export interface OutputSpec {
  type?: string;
  unit?: string;
  description?: { zh?: string; en?: string };
}

/** GET /api/v1/decisions/stats: decisions per UTC day by outcome, every day of the range, empty days as zeros. */
export interface DecisionStats {
  from: string;
  to: string;
  ruleSetKey: string | null;
  total: number;
  /** Every outcome seen in the range, most frequent first. */
  outcomes: string[];
  days: { day: string; total: number; byOutcome: Record<string, number>; noOutcome: number }[];
}
