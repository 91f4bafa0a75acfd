import type { ActorRef } from '../audit/audit';

export const IMPORT_MODES = ['all-or-nothing', 'skip-bad-rows'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const IMPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * receiving  — the file is being read; every row is parsed and validated as it arrives
 * committing — reading is done; valid rows are being written in batches
 * completed  — every valid row is written (skip-bad-rows: the bad ones are reported and skipped)
 * failed     — nothing more will be written; `message` says why (all-or-nothing: a bad row; or an I/O fault)
 */
export type ImportStatus = 'receiving' | 'committing' | 'completed' | 'failed';

/** One problem with one row. Row 1 is the first line of a JSONL file, the header of a CSV file. */
export interface RowError {
  row: number;
  /** JSON pointer into the row's profile (`/uscc`, `/statements/0/totalAssets`); '' for the row as a whole. */
  pointer: string;
  message: string;
  code?: string;
}

export interface ImportJob {
  /** `imp_…` */
  id: string;
  mode: ImportMode;
  format: ImportFormat;
  status: ImportStatus;
  createdAt: string;
  createdBy: ActorRef;
  finishedAt: string | null;
  /** Data rows read so far. */
  processed: number;
  /** Data rows in the file; null until the whole file has been read. */
  total: number | null;
  /** Rows that passed validation. */
  valid: number;
  /** Rows written to the register so far (created + updated). */
  committed: number;
  created: number;
  updated: number;
  /** Rows with at least one problem. */
  badRows: number;
  errorCount: number;
  /** The first MAX_REPORTED_ERRORS problems; errorCount keeps counting past them. */
  errors: RowError[];
  errorsTruncated: boolean;
  message: string | null;
  /** When this state was saved: an unfinished import whose last save is old has lost the process running it. */
  updatedAt?: string;
}

/** Cap on stored problems per import: a file of 100,000 bad rows still gets a report of bounded size. */
export const MAX_REPORTED_ERRORS = 10_000;
/** Largest number of data rows one import file may hold. */
export const MAX_IMPORT_ROWS = 100_000;
