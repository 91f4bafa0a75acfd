import type { RuleSetDocument } from '../../rule-sets/rule-set';
import type { Aggregate } from '../aggregate';
import type { PopulationBatch, SkippedRecord } from '../population/records';
import type { ChangedRecord } from '../simulation';

/** Handed to each worker at start (workerData): documents, never functions — each worker compiles them once. */
export interface WorkerInit {
  baseline: RuleSetDocument;
  candidate: RuleSetDocument;
  asOf: string | null;
  /** The run's "today" (YYYY-MM-DD), fixed once so every worker uses the same one. */
  today: string;
  exposureField: string | null;
}

export type ToWorker = { type: 'batch'; seq: number; batch: PopulationBatch } | { type: 'stop-collecting-changes' };

export type FromWorker =
  | { type: 'ready' }
  | {
      type: 'result';
      seq: number;
      processed: number;
      skipped: number;
      /** The first few skipped records of the batch, with reasons. */
      skippedSamples: SkippedRecord[];
      aggregate: Aggregate;
      changes: ChangedRecord[];
    }
  | { type: 'error'; message: string };

