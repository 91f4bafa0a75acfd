import type { AuditEvent, Page } from '../audit/audit';
import type { Severity } from '../facts/client-event';
import type { Class5cat } from '../facts/client-facility';
import type { IndustrySection } from '../facts/client-profile';
import type { ClientRecord, ClientSummary, PreparedClient, SegmentChange, SegmentValues } from './client';
import type { ImportJob } from './import-job';

/** List filters; every given field must match. */
export interface ClientFilter {
  industrySection?: IndustrySection;
  provinceCode?: string;
  country?: string;
  tier?: string;
  class5?: Class5cat;
  bookedClass5?: Class5cat;
  ifrs9Stage?: 1 | 2 | 3;
  riskLevel?: Severity;
  relationshipManager?: string;
  /** One of the segment tags. */
  tag?: string;
  /** Case-insensitive substring of the name (Chinese or English), or a prefix of the USCC or LEI. */
  q?: string;
}

export interface PageRequest {
  /** The last id of the previous page. */
  cursor?: string;
  /** Default 50, at most 500. */
  limit?: number;
}

export interface Bucket<K> {
  key: K | null;
  count: number;
  exposure: number;
}

/** Counts and exposure for a dashboard. Buckets are sorted by key; `null` collects clients without a value. */
export interface ClientAggregates {
  count: number;
  exposure: number;
  byClass5: Bucket<string>[];
  byBookedClass5: Bucket<string>[];
  byIfrs9Stage: Bucket<number>[];
  byTier: Bucket<string>[];
  byRiskLevel: Bucket<string>[];
  byIndustry: Bucket<string>[];
  /** By region (`regionOf` in client.ts): never a null key, since every client has a country. */
  byRegion: Bucket<string>[];
}


export interface SegmentUpdate {
  values: SegmentValues;
  at: string;
  by: SegmentChange['by'];
  /** Appended to the client's classification history (null: the change is not worth a history entry). */
  change: SegmentChange | null;
  /** The profile revision the values were computed from; a different stored revision is a conflict. */
  expectedRevision?: number;
}

/** One client's segment update in a setSegmentsMany call. */
export interface SegmentWrite {
  id: string;
  update: SegmentUpdate;
  audit: AuditEvent[];
}

/** What upsertMany did with one item. */
export interface UpsertResult {
  id: string;
  created: boolean;
  revision: number;
  /** The stored revision before the change (null when created). */
  previousRevision: number | null;
}

/**
 * The client register. Promises, checked by test/contract/client-store.contract.ts on every adapter:
 * - ids and natural keys are unique: `create` of a taken key (or id) throws ConflictError `client_exists` with
 *   `details.id` of the holder and changes nothing;
 * - `replace` and `delete` are compare-and-set on `revision`: a stale `expectedRevision` throws
 *   RevisionConflictError, a missing id NotFoundError, a key held by another client ConflictError `client_exists`;
 *   in every such case nothing changes and no audit event is written;
 * - `replace` never changes `segments`, `createdAt` or `createdBy`: it keeps the stored ones;
 * - `upsertMany` applies every item in one transaction (all or none): an item whose key exists replaces that
 *   client's profile (same id, revision + 1, segments kept); otherwise it is created under the id it carries.
 *   Two items with the same key in one call are refused (ConflictError `duplicate_key`) before anything is written;
 * - `upsertPrepared` does exactly what `upsertMany` does, for clients whose profile arrives as JSON text with its
 *   indexed fields (imports): a client read back is the same as if its record had been upserted;
 * - `setSegments` writes the segment values and a stamp without touching the profile or its revision; when
 *   `expectedRevision` is given and the profile's revision differs, it throws RevisionConflictError and changes
 *   nothing; a `change` is appended to the client's segment history in the same transaction;
 * - `delete` removes the client and its segment history;
 * - every method taking audit events appends them in the same transaction as the change, or not at all;
 * - `list` and `scan` return clients in ascending id order; the cursor / `afterId` is the last id seen, so
 *   concurrent inserts never make a page repeat or skip a client that existed when the walk began;
 *   `list` limits default to 50, capped at 500; `scan` is capped at 5,000 per call;
 * - reads return copies: mutating a returned object never changes the store.
 */
export interface ClientStore {
  create(record: ClientRecord, audit: AuditEvent[]): Promise<ClientRecord>;
  get(id: string): Promise<ClientRecord | null>;
  getByKey(key: string): Promise<ClientRecord | null>;
  replace(next: ClientRecord, expectedRevision: number, audit: AuditEvent[]): Promise<ClientRecord>;
  delete(id: string, expectedRevision: number, audit: AuditEvent[]): Promise<void>;
  /** `audit` is called once per item with what happened to it, inside the transaction. */
  upsertMany(records: ClientRecord[], audit: (record: ClientRecord, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]>;
  upsertPrepared(rows: PreparedClient[], audit: (row: PreparedClient, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]>;
  setSegments(id: string, update: SegmentUpdate, audit: AuditEvent[]): Promise<ClientRecord>;
  /**
   * Many clients' segments at once (a scan batch), each compare-and-set on its own: an update whose client is gone
   * or whose revision moved is skipped (false), the others written (true), each with its history entry and audit
   * events. The embedded store writes them in one transaction.
   */
  setSegmentsMany(writes: SegmentWrite[]): Promise<boolean[]>;
  /** Newest first; the cursor is the last change id seen. */
  segmentHistory(clientId: string, page: PageRequest): Promise<Page<SegmentChange>>;
  list(filter: ClientFilter, page: PageRequest): Promise<Page<ClientSummary>>;
  /** Full records after `afterId` (null = from the start), at most `limit`: for walking the whole book in batches. */
  scan(afterId: string | null, limit: number): Promise<ClientRecord[]>;
  count(filter: ClientFilter): Promise<number>;
  aggregates(filter: ClientFilter): Promise<ClientAggregates>;
  /** Import jobs: the latest state of each (progress and report), written by the import as it goes. */
  saveImport(job: ImportJob): Promise<void>;
  getImport(id: string): Promise<ImportJob | null>;
  /** Imports still `receiving` or `committing` (at start-up, those a stopped process left behind), oldest first. */
  unfinishedImports(): Promise<ImportJob[]>;
}

export const MAX_SCAN = 5000;
