import type { AuditEvent, AuditQuery, Page } from './audit';

/**
 * The audit trail. Promises:
 * - append-only: no method changes or removes an event once appended;
 * - other stores append their events in the same transaction as the change they describe;
 * - `list` returns newest first; its cursor is the last id seen, so a page never repeats or skips an event
 *   when new events are appended between page requests;
 * - `limit` defaults to 50 and is capped at 500.
 */
export interface AuditStore {
  append(events: AuditEvent[]): Promise<void>;
  list(query: AuditQuery): Promise<Page<AuditEvent>>;
}
