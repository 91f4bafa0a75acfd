import { ConflictError } from '../../shared/errors';
import type { AuditEvent, Page } from '../audit/audit';
import type { Scan, ScanStatus } from './scan';

/** Fields a scan's progress or status change may set; the rest stays as stored. */
export type ScanPatch = Partial<Pick<Scan, 'status' | 'ruleSets' | 'startedAt' | 'finishedAt' | 'heartbeatAt' | 'checkpoint' | 'progress' | 'counts' | 'durationMs' | 'attempts' | 'error'>>;

export interface ScanQuery {
  status?: ScanStatus;
  cursor?: string;
  limit?: number;
}

/**
 * Monitoring scans. Promises, checked by test/contract/alert-store.contract.ts on every adapter:
 * - `insert` stores a new scan with its audit events in one transaction; a taken id throws ConflictError
 *   `duplicate_id`, a taken non-null `slot` ConflictError `scan_slot_taken` (so two instances firing the same
 *   schedule start one scan); nothing is written then;
 * - `update` is compare-and-set on status: it applies the patch only when the stored status is one of `expect` and
 *   returns the scan as stored, otherwise (or for an unknown id) changes nothing and returns null;
 * - `markInterrupted` sets every queued or running scan whose heartbeat is before `staleBefore` to `interrupted`
 *   (checkpoint and counts kept, so it can resume) and returns how many it marked;
 * - `get` returns null for an unknown id; `list` is newest first by id, paged by the last id seen; `limit` defaults
 *   to 50, capped at 500; reads return copies.
 */
export interface ScanStore {
  insert(scan: Scan, audit: AuditEvent[]): Promise<Scan>;
  update(id: string, patch: ScanPatch, expect: ScanStatus[], audit?: AuditEvent[]): Promise<Scan | null>;
  get(id: string): Promise<Scan | null>;
  list(query: ScanQuery): Promise<Page<Scan>>;
  markInterrupted(staleBefore: string, at: string): Promise<number>;
}

/** The error `insert` throws for a schedule slot that already has its scan. */
export function slotTaken(slot: string): ConflictError {
  return new ConflictError('scan_slot_taken', `A scan for the scheduled slot ${slot} already exists.`, { slot });
}
