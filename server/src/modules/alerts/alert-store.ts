import type { ActorRef, AuditEvent, Page } from '../audit/audit';
import type { Alert, AlertNote, AlertStatus, Severity, SeverityCount } from './alert';

/** List filters; every given field must match. */
export interface AlertFilter {
  owner?: string;
  severity?: Severity;
  /** A status, or `active` for open, acknowledged and in progress together. */
  status?: AlertStatus | 'active';
  clientId?: string;
  /** The signal id (F01 …). */
  ruleId?: string;
  /** Active alerts whose due day is before this day (YYYY-MM-DD): the overdue ones on that day. */
  overdueOn?: string;
}

export interface PageRequest {
  /** The last id of the previous page. */
  cursor?: string;
  /** Default 50, at most 500. */
  limit?: number;
}

/** One client's evaluation by the warning rule sets, as the store records it. */
export interface SignalRun {
  clientId: string;
  /**
   * The warning rule sets that were evaluated. An active alert of one of these whose rule id is not among `firing`
   * is marked `stillFiring: false`; alerts of other rule sets are left alone.
   */
  ruleSetKeys: string[];
  /** A complete new alert per signal that fired (one per rule id), stored only if no alert of that rule id is active. */
  firing: Alert[];
  /**
   * The client's relationship manager now, when the caller knows it: active alerts of the client owned by anyone
   * else are handed to them (the alert's owner follows the client's RM), `by` recorded as who changed them.
   */
  owner?: { id: string | null; by: ActorRef };
}

export type AlertChange =
  | { kind: 'opened'; alert: Alert }
  | { kind: 'escalated'; alert: Alert; before: Alert }
  | { kind: 'stopped-firing'; alert: Alert }
  | { kind: 'firing-again'; alert: Alert }
  | { kind: 'reassigned'; alert: Alert; before: Alert };

/** What `recordSignals` did for one client. */
export interface SignalOutcome {
  clientId: string;
  opened: number;
  escalated: number;
  /** Signals that fired again while their alert was already active (escalated ones included). */
  stillOpen: number;
  stoppedFiring: number;
  /** Active alerts handed to the client's current relationship manager. */
  reassigned: number;
  /** The worst severity among the client's active alerts after the run (null: none active): its risk level. */
  worstActive: Severity | null;
}

/**
 * Alerts and their notes. Promises, checked by test/contract/alert-store.contract.ts on every adapter:
 * - at most one **active** (open, acknowledged, in progress) alert per (clientId, ruleId), whatever the callers do
 *   concurrently: the database enforces it (a unique partial index), not only the code;
 * - `recordSignals` handles every run in one transaction (all or nothing). For each fired signal: with no active
 *   alert of that rule id, the given alert is inserted (`opened`); otherwise the active one gets `lastSeenAt = at`
 *   and `stillFiring = true` (revision unchanged), and if the new severity is worse it is escalated — severity,
 *   rule, title, actions and rule set taken from the new alert, the due day moved earlier if the new one is earlier,
 *   revision + 1. Active alerts of the evaluated rule sets that did not fire get `stillFiring = false` (nothing else
 *   changes: alerts are closed by people, never by a run). With `owner` given, every active alert of the client
 *   whose owner differs gets that owner (`reassigned`, revision + 1). `audit` is called for each change inside the
 *   transaction;
 * - `update` is compare-and-set on `revision`: a stale `expectedRevision` throws RevisionConflictError, an unknown id
 *   NotFoundError; `lastSeenAt` and `stillFiring` are kept as stored (runs own them); making an alert active while
 *   another of the same (client, rule id) is active throws ConflictError `alert_active_exists`. Nothing changes on
 *   any error, and the audit events commit with the change;
 * - notes are append-only: `addNote` numbers them 1, 2, 3 … per alert, never changes or removes one, and throws
 *   NotFoundError for an unknown alert;
 * - `get` returns the alert with `notes` (oldest first), or null; `list` returns alerts with `noteCount` and without
 *   notes, newest first by id, paged by the last id seen (alerts opened meanwhile never shift a page); `limit`
 *   defaults to 50, capped at 500;
 * - `countActive` counts the active alerts (of `owner` only, when given) by severity, and among them those whose due
 *   day is before `today` (YYYY-MM-DD), exactly as `list` with `status: 'active'` / `overdueOn: today` would find
 *   them; it returns one entry per severity, worst first (red, orange, yellow, blue), zeros included;
 * - reads return copies.
 */
export interface AlertStore {
  recordSignals(runs: SignalRun[], at: string, audit: (change: AlertChange) => AuditEvent[]): Promise<SignalOutcome[]>;
  get(id: string): Promise<Alert | null>;
  list(filter: AlertFilter, page: PageRequest): Promise<Page<Alert>>;
  update(next: Alert, expectedRevision: number, audit: AuditEvent[]): Promise<Alert>;
  addNote(alertId: string, note: Omit<AlertNote, 'seq'>, audit: (note: AlertNote) => AuditEvent[]): Promise<AlertNote>;
  countActive(today: string, owner?: string): Promise<SeverityCount[]>;
  /** The worst severity among the client's active alerts, or null. */
  worstActive(clientId: string): Promise<Severity | null>;
}
