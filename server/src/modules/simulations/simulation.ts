import type { ActorRef } from '../audit/audit';
import type { RuleSetDocument } from '../rule-sets/rule-set';

/**
 * What-if simulation (DESIGN §1, §6): a candidate rule-set version against a baseline over a population, with the
 * differences counted, broken down and listed. A simulation only reads: it never writes decisions, alerts or clients.
 */

export const SIMULATION_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type SimulationStatus = (typeof SIMULATION_STATUSES)[number];
export const UNFINISHED: readonly SimulationStatus[] = ['queued', 'running'];

/** The population as the caller asked for it. */
export type PopulationSpec =
  | { portfolio: { filter?: Record<string, unknown> } }
  | { upload: string }
  | { replay: { from: string; to: string } };

export interface VersionRef {
  /** null when the candidate was sent as content rather than as a stored version. */
  version: number | null;
  contentHash: string;
  rules: number;
}

export interface Progress {
  /** Records handled so far, skipped ones included. */
  processed: number;
  /** Records in the population, when known. */
  total: number | null;
  skipped: number;
  changed: number;
  /** Records per second since the run started. */
  rate: number;
  etaSeconds: number | null;
  updatedAt: string;
}

export interface BudgetCheck {
  records: number | null;
  /** Rules evaluated per record: the baseline's plus the candidate's. */
  rulesPerRecord: number;
  evaluations: number | null;
  budget: number;
}

export interface Simulation {
  id: string;
  ruleSetKey: string;
  status: SimulationStatus;
  candidate: VersionRef;
  baseline: VersionRef & { version: number };
  population: PopulationSpec;
  /** Reference date for date conditions and derived facts; null = each record's own (replay) or today. */
  asOf: string | null;
  /** Facts column/field holding a record's outstanding exposure (facts populations). */
  exposureField: string | null;
  budget: BudgetCheck;
  progress: Progress;
  createdBy: ActorRef;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Last sign of life from the process running it; a stale one means that process is gone. */
  heartbeatAt: string;
  error: { code: string; message: string } | null;
  results: SimulationResults | null;
  /** Exactly what ran, so a drill-down re-evaluates the same rules even after a draft was edited. */
  documents: { baseline: RuleSetDocument; candidate: RuleSetDocument };
}

/** What lists show: everything but the documents and the results. */
export type SimulationSummary = Omit<Simulation, 'documents' | 'results'>;

export const DIMENSIONS = ['industry', 'region', 'tier', 'size'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Cell {
  count: number;
  exposure: number;
}

export type OutputResult =
  | {
      output: string;
      kind: 'categorical';
      /** The axis: the output's declared order first (worst → best), then other values seen, in first-seen order. */
      values: unknown[];
      cells: (Cell & { baseline: unknown; candidate: unknown })[];
      changed: Cell;
      /** Only for outputs with an order: moved towards the worst end / towards the best end. */
      worse?: Cell;
      better?: Cell;
    }
  | {
      output: string;
      kind: 'numeric';
      increased: Cell;
      decreased: Cell;
      unchanged: Cell;
      /** A value appeared (null → number) or disappeared (number → null). */
      toOrFromNull?: Cell;
      /** Over records where the value is not null. */
      baseline: { count: number; mean: number | null };
      candidate: { count: number; mean: number | null };
    }
  | {
      output: string;
      kind: 'set';
      changed: Cell;
      added: (Cell & { item: unknown })[];
      removed: (Cell & { item: unknown })[];
      /** Items carrying a `severity` (warning signals): counts of items added and removed by severity. */
      addedBySeverity?: Record<string, number>;
      removedBySeverity?: Record<string, number>;
    };

export interface BreakdownRow {
  value: string;
  records: number;
  exposure: number;
  changed: number;
  changedExposure: number;
  /** Moves of the primary output (decision, else the first categorical output), largest first. */
  transitions: { from: unknown; to: unknown; count: number }[];
}

export interface RuleDelta {
  rule: string;
  baseline: number;
  candidate: number;
  delta: number;
  /** Where the rule exists: a rule only in the candidate is new, only in the baseline removed. */
  in: 'both' | 'baseline' | 'candidate';
}

export interface SimulationResults {
  summary: {
    records: number;
    evaluated: number;
    skipped: number;
    changed: number;
    exposure: number;
    changedExposure: number;
    approvalRate?: { baseline: number; candidate: number };
    averageLimit?: { output: string; baseline: number | null; candidate: number | null };
    averageSpread?: { output: string; baseline: number | null; candidate: number | null };
  };
  primaryOutput: string | null;
  outputs: OutputResult[];
  breakdowns: Partial<Record<Dimension, BreakdownRow[]>>;
  /** The rules whose fire counts changed most, largest change first. */
  rules: RuleDelta[];
  changes: { total: number; stored: number; truncated: boolean };
  skippedSamples: { recordId: string; reason: string }[];
  durationMs: number;
}

/** One record whose outputs differ between the two versions. */
export interface ChangedRecord {
  recordId: string;
  /** Position in the population (upload row number, scan order): the listing order and cursor. */
  seq: number;
  /** The record's own reference, when it has one (an `id` column, a client id, a decision id). */
  ref: string | null;
  exposure: number;
  dims: Partial<Record<Dimension, string>>;
  asOf: string | null;
  /** The facts either version reads, as evaluated: enough to re-run both with a trace. */
  facts: Record<string, unknown>;
  changedOutputs: string[];
  baseline: { outputs: Record<string, unknown> };
  candidate: { outputs: Record<string, unknown> };
  /** The rules that made the difference: fired under one version only. */
  firedOnlyInBaseline: string[];
  firedOnlyInCandidate: string[];
}

export type UploadKind = 'facts' | 'clients';
export type UploadFormat = 'csv' | 'jsonl';

export interface RowError {
  row: number;
  line: number;
  reason: string;
}

/** An uploaded population file: kept under COVENANT_DATA_DIR/uploads, described here. */
export interface Upload {
  id: string;
  kind: UploadKind;
  format: UploadFormat;
  fileName: string | null;
  /** Absolute path of the stored file. */
  path: string;
  bytes: number;
  sha256: string;
  /** Data rows (the CSV header is not one). */
  rows: number;
  badRows: number;
  sampleErrors: RowError[];
  /** CSV: the header's column names. */
  columns: string[] | null;
  /** The rule set whose inputs typed the values, when one was named. */
  ruleSetKey: string | null;
  exposureField: string | null;
  /** Byte offset and first row number of every batch of `batchRows` rows: workers read their batches themselves. */
  batchRows: number;
  batches: { offset: number; row: number; line: number }[];
  createdBy: ActorRef;
  createdAt: string;
}
