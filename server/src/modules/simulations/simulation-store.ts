import type { AuditEvent, Page } from '../audit/audit';
import type { ChangedRecord, Simulation, SimulationStatus, SimulationSummary, Upload } from './simulation';

export interface SimulationQuery {
  ruleSetKey?: string;
  status?: SimulationStatus;
  /** The last id of the previous page. */
  cursor?: string;
  limit?: number;
}

/** Fields a status change may set; everything else of the record stays as it is. */
export type SimulationPatch = Partial<Pick<Simulation, 'status' | 'progress' | 'startedAt' | 'finishedAt' | 'heartbeatAt' | 'error' | 'results'>>;

/**
 * Simulation runs, their changed records and uploaded populations. Promises, checked by
 * test/contract/simulation-store.contract.ts on every adapter:
 * - `insert` stores a new run with its audit events in one transaction; a duplicate id throws and writes nothing;
 * - `update` is compare-and-set on status: it applies `patch` only when the stored status is one of `expect`
 *   (the run is then returned as stored), otherwise changes nothing and returns null; a missing id returns null.
 *   Two racing updates (a cancel and a completion) can therefore never both win. Its audit events commit with it;
 * - `get` returns null for an unknown id; `list` returns summaries (no documents, no results), newest first by id,
 *   paged by the last id seen (a run started meanwhile never shifts a page); `limit` defaults to 50, capped at 500;
 * - `latestCompleted` is the newest completed run of a key whose candidate and baseline hashes are the ones given;
 * - `failUnfinished` marks every queued or running run whose `heartbeatAt` is before `staleBefore` as failed with
 *   `error`, and returns how many it marked;
 * - changed records: `appendChanges` adds records to a run (a record with a `seq` already stored for that run is
 *   ignored); `listChanges` returns them by ascending `seq`, the cursor being the last seq seen (as a string);
 *   `getChange` finds one by record id (null when absent); `deleteChanges` removes all of a run's records;
 * - uploads: `insertUpload` stores one with its audit events; `getUpload` returns null for an unknown id;
 * - reads return copies.
 */
export interface SimulationStore {
  insert(sim: Simulation, audit: AuditEvent[]): Promise<Simulation>;
  update(id: string, patch: SimulationPatch, expect: SimulationStatus[], audit?: AuditEvent[]): Promise<Simulation | null>;
  get(id: string): Promise<Simulation | null>;
  list(query: SimulationQuery): Promise<Page<SimulationSummary>>;
  latestCompleted(ruleSetKey: string, candidateHash: string, baselineHash: string): Promise<Simulation | null>;
  failUnfinished(staleBefore: string, error: { code: string; message: string }, at: string): Promise<number>;

  appendChanges(simulationId: string, changes: ChangedRecord[]): Promise<void>;
  listChanges(simulationId: string, query: { cursor?: string; limit?: number }): Promise<Page<ChangedRecord>>;
  getChange(simulationId: string, recordId: string): Promise<ChangedRecord | null>;
  deleteChanges(simulationId: string): Promise<void>;

  insertUpload(upload: Upload, audit: AuditEvent[]): Promise<Upload>;
  getUpload(id: string): Promise<Upload | null>;
}
