import type { RuleTrace } from '../../../components/explanation/trace-types';
import type { ActorRef } from '../../../api/actor';
import type { FiredRule } from '../../decisions/api/types';

/** Wire types of the simulation API (server/src/modules/simulations/simulation.ts). */

export type SimulationStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const UNFINISHED: readonly SimulationStatus[] = ['queued', 'running'];

export type PopulationSpec = { portfolio: { filter?: Record<string, unknown> } } | { upload: string } | { replay: { from: string; to: string } };

export interface VersionRef {
  version: number | null;
  contentHash: string;
  rules: number;
}

export interface Progress {
  processed: number;
  total: number | null;
  skipped: number;
  changed: number;
  rate: number;
  etaSeconds: number | null;
  updatedAt: string;
}

export interface Cell {
  count: number;
  exposure: number;
}

export type OutputResult =
  | { output: string; kind: 'categorical'; values: unknown[]; cells: (Cell & { baseline: unknown; candidate: unknown })[]; changed: Cell; worse?: Cell; better?: Cell }
  | {
      output: string;
      kind: 'numeric';
      increased: Cell;
      decreased: Cell;
      unchanged: Cell;
      toOrFromNull?: Cell;
      baseline: { count: number; mean: number | null };
      candidate: { count: number; mean: number | null };
    }
  | { output: string; kind: 'set'; changed: Cell; added: (Cell & { item: unknown })[]; removed: (Cell & { item: unknown })[]; addedBySeverity?: Record<string, number>; removedBySeverity?: Record<string, number> };

export const DIMENSIONS = ['industry', 'region', 'tier', 'size'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface BreakdownRow {
  value: string;
  records: number;
  exposure: number;
  changed: number;
  changedExposure: number;
  transitions: { from: unknown; to: unknown; count: number }[];
}

export interface RuleDelta {
  rule: string;
  baseline: number;
  candidate: number;
  delta: number;
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
  rules: RuleDelta[];
  changes: { total: number; stored: number; truncated: boolean };
  skippedSamples: { recordId: string; reason: string }[];
  durationMs: number;
}

export interface Simulation {
  id: string;
  ruleSetKey: string;
  status: SimulationStatus;
  candidate: VersionRef;
  baseline: VersionRef & { version: number };
  population: PopulationSpec;
  asOf: string | null;
  exposureField: string | null;
  budget: { records: number | null; rulesPerRecord: number; evaluations: number | null; budget: number };
  progress: Progress;
  createdBy: ActorRef;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string;
  error: { code: string; message: string } | null;
  /** Only on GET /simulations/:id once completed. */
  results?: SimulationResults | null;
}

export interface ChangedRecord {
  recordId: string;
  seq: number;
  ref: string | null;
  exposure: number;
  dims: Partial<Record<Dimension, string>>;
  asOf: string | null;
  facts: Record<string, unknown>;
  changedOutputs: string[];
  baseline: { outputs: Record<string, unknown> };
  candidate: { outputs: Record<string, unknown> };
  firedOnlyInBaseline: string[];
  firedOnlyInCandidate: string[];
}

export interface DrillSide {
  version: number | null;
  contentHash: string;
  outputs: Record<string, unknown>;
  firedRules: FiredRule[];
  reasons?: unknown[];
  trace?: RuleTrace[];
}

export interface DrillDown {
  simulationId: string;
  recordId: string;
  ref: string | null;
  asOf: string | null;
  facts: Record<string, unknown>;
  changedOutputs: string[];
  firedOnlyInBaseline: string[];
  firedOnlyInCandidate: string[];
  baseline: DrillSide;
  candidate: DrillSide;
}

export interface Upload {
  id: string;
  kind: 'facts' | 'clients';
  format: 'csv' | 'jsonl';
  fileName: string | null;
  bytes: number;
  rows: number;
  badRows: number;
  sampleErrors: { row: number; line: number; reason: string }[];
  columns: string[] | null;
  exposureField: string | null;
}

export interface SimulationCreate {
  ruleSetKey: string;
  candidate: { version: number };
  baseline: 'active' | { version: number };
  population: PopulationSpec;
  asOf?: string;
}
