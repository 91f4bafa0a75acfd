import type { ActorRef } from '../../../api/actor';
import type { Severity } from '../../clients/api/types';

/** Wire types of the alerts API (schemas/alert-record, alert-page, alert-bulk-result, alert-summary). */

export const ALERT_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export const ACTIVE_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'in_progress'];
/** Dismissing an alert of these severities needs a second person (domain.md §4.3). */
export const FOUR_EYES_SEVERITIES: readonly Severity[] = ['red', 'orange'];

export interface Text {
  zh: string;
  en: string;
}

export interface AlertNote {
  seq: number;
  at: string;
  by: ActorRef;
  text: string;
}

export interface Alert {
  id: string;
  clientId: string;
  clientName: string;
  ruleId: string;
  rule: string;
  ruleSet: { key: string; version: number };
  severity: Severity;
  title: Text;
  actions: (Text & { code: string })[];
  status: AlertStatus;
  owner: string | null;
  openedAt: string;
  /** Business day (YYYY-MM-DD, UTC) by which it must be handled. */
  dueAt: string;
  lastSeenAt: string;
  stillFiring: boolean;
  source: { scanId?: string; change?: string };
  acknowledgedAt: string | null;
  acknowledgedBy: ActorRef | null;
  startedAt: string | null;
  startedBy: ActorRef | null;
  closedAt: string | null;
  closedBy: ActorRef | null;
  closingComment: string | null;
  dismissal: { requestedAt: string; requestedBy: ActorRef; reason: string } | null;
  revision: number;
  updatedAt: string;
  updatedBy: ActorRef;
  notes?: AlertNote[];
  noteCount?: number;
}

export interface BulkResult {
  acknowledged: string[];
  skipped: { id: string; code: string; message: string }[];
}

/** GET /api/v1/alerts/summary: active alerts by severity (all four, worst first) with the overdue ones. */
export interface AlertSummary {
  asOf: string;
  owner: string | null;
  total: number;
  overdue: number;
  bySeverity: { severity: Severity; count: number; overdue: number }[];
}

export type AlertStep = 'acknowledge' | 'start' | 'resolve' | 'dismiss' | 'confirm-dismissal' | 'refuse-dismissal';

export const isActive = (s: AlertStatus) => ACTIVE_STATUSES.includes(s);
export const text = (x: Text, language: string) => (language.startsWith('zh') ? x.zh : x.en) || x.zh || x.en;
