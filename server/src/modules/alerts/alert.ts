/**
 * Alerts: the early-warning signals of domain.md §4 turned into work items with an owner, a due date and a status.
 * One alert stands for one signal (F01, B01 …) of one client for as long as it is being dealt with; a signal that
 * fires again after its alert was closed opens a new one.
 */
import type { ActorRef } from '../audit/audit';
import { SEVERITIES, type Severity } from '../facts/client-event';

export type { Severity } from '../facts/client-event';
export { SEVERITIES } from '../facts/client-event';

export const ALERT_STATUSES = ['open', 'acknowledged', 'in_progress', 'resolved', 'dismissed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** Statuses in which an alert is still being dealt with: at most one such alert per (client, rule id). */
export const ACTIVE_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'in_progress'];
export const isActive = (s: AlertStatus) => ACTIVE_STATUSES.includes(s);

/** Dismissing an alert of these severities needs a second person (domain.md §4.3: clearing needs four eyes). */
export const FOUR_EYES_SEVERITIES: readonly Severity[] = ['red', 'orange'];

export interface Text {
  zh: string;
  en: string;
}

export interface RecommendedAction extends Text {
  code: string;
}

/** A request to dismiss a red or orange alert, waiting for a second person. */
export interface DismissalRequest {
  requestedAt: string;
  requestedBy: ActorRef;
  reason: string;
}

export interface AlertNote {
  /** 1, 2, 3 … per alert, in the order the notes were added. */
  seq: number;
  at: string;
  by: ActorRef;
  text: string;
}

export interface Alert {
  /** `alr_…` */
  id: string;
  clientId: string;
  clientName: string;
  /** The signal id (domain.md §4.2: F01 … I02) as the warning rule set emits it. */
  ruleId: string;
  /** The rule that emitted the signal at its current severity, e.g. `F01-losses-4q-or-negative-equity`. */
  rule: string;
  /** The warning rule-set version that first opened the alert (or last escalated it). */
  ruleSet: { key: string; version: number };
  /** The worst severity seen while the alert has been active: an escalation raises it, a de-escalation does not lower it. */
  severity: Severity;
  title: Text;
  actions: RecommendedAction[];
  status: AlertStatus;
  /** The client's relationship manager when the alert opened (null when the profile names none). */
  owner: string | null;
  openedAt: string;
  /** Business day (YYYY-MM-DD, UTC) by which the alert must be handled: the SLA of its severity (domain.md §4.3). */
  dueAt: string;
  /** The last monitoring run that saw the signal fire. */
  lastSeenAt: string;
  /** Whether the signal fired in the latest run that evaluated this client; an alert stays active either way. */
  stillFiring: boolean;
  /** What opened it: a scan (`scn_…`), or a change to the client's data (the audit action). */
  source: { scanId?: string; change?: string };
  acknowledgedAt: string | null;
  acknowledgedBy: ActorRef | null;
  startedAt: string | null;
  startedBy: ActorRef | null;
  /** When it was resolved or dismissed, by whom, and the comment given. */
  closedAt: string | null;
  closedBy: ActorRef | null;
  closingComment: string | null;
  /** A pending (or, once dismissed, the granted) four-eyes dismissal. */
  dismissal: DismissalRequest | null;
  /** Grows by one with every change a person makes (and with escalations): compare-and-set for updates. */
  revision: number;
  updatedAt: string;
  updatedBy: ActorRef;
  /** Only on a single alert read: its notes, oldest first. Lists carry `noteCount` instead. */
  notes?: AlertNote[];
  noteCount?: number;
}

export const SEVERITY_RANK: Record<Severity, number> = { blue: 1, yellow: 2, orange: 3, red: 4 };

/** The severities worst first: the order of counts and summaries. */
export const SEVERITIES_WORST_FIRST: readonly Severity[] = [...SEVERITIES].sort((a, b) => SEVERITY_RANK[b] - SEVERITY_RANK[a]);

/** Active alerts of one severity, and how many of them are overdue. */
export interface SeverityCount {
  severity: Severity;
  count: number;
  overdue: number;
}

/** One entry per severity, worst first, zeros included, from the groups a store counted (absent ones count zero). */
export function severityCounts(groups: Iterable<SeverityCount>): SeverityCount[] {
  const by = new Map<string, SeverityCount>();
  for (const g of groups) by.set(g.severity, g);
  return SEVERITIES_WORST_FIRST.map((severity) => ({ severity, count: Number(by.get(severity)?.count ?? 0), overdue: Number(by.get(severity)?.overdue ?? 0) }));
}

/** Active alerts counted for the dashboard: by severity and in total, with the overdue ones, at the server's clock. */
export interface AlertSummary {
  asOf: string;
  owner: string | null;
  total: number;
  overdue: number;
  bySeverity: SeverityCount[];
}

/** The worse of two severities (null counts as none). */
export function worse(a: Severity | null, b: Severity | null): Severity | null {
  if (a === null) return b;
  if (b === null) return a;
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}

/** Business days to handle an alert of each severity (domain.md §4.3, [PRACTICE]; configurable). */
export type SlaDays = Record<Severity, number>;
export const DEFAULT_SLA_DAYS: SlaDays = { red: 1, orange: 10, yellow: 30, blue: 90 };

/**
 * The bank's calendar for SLAs: public holidays (days off although Monday to Friday) and working weekend days (the
 * make-up days China moves around its holidays, 调休). Dates are YYYY-MM-DD.
 */
export interface BusinessCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const NO_CALENDAR: BusinessCalendar = { holidays: new Set(), workdays: new Set() };

/**
 * The day `n` business days after `day` (Monday to Friday, less the calendar's holidays, plus its working weekend
 * days); n = 0 gives `day` itself, moved forward off a day off. From a day off, the next business day is the first
 * one counted.
 */
export function addBusinessDays(day: string, n: number, calendar: BusinessCalendar = NO_CALENDAR): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${day}`);
  if (calendar.holidays.size || calendar.workdays.size) return withCalendar(d, n, calendar);
  const weekend = () => d.getUTCDay() === 0 || d.getUTCDay() === 6;
  if (n <= 0) {
    while (weekend()) d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  }
  // From a weekend, count from the Friday before: the next business day is then the first one counted.
  while (weekend()) d.setUTCDate(d.getUTCDate() - 1);
  // Whole weeks are seven calendar days; the rest is stepped (at most four business days).
  d.setUTCDate(d.getUTCDate() + 7 * Math.floor(n / 5));
  let left = n % 5;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (!weekend()) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Day by day: with holidays in play whole weeks no longer have five business days. */
function withCalendar(d: Date, n: number, calendar: BusinessCalendar): string {
  const iso = () => d.toISOString().slice(0, 10);
  const working = () => calendar.workdays.has(iso()) || (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !calendar.holidays.has(iso()));
  if (n <= 0) {
    while (!working()) d.setUTCDate(d.getUTCDate() + 1);
    return iso();
  }
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (working()) left--;
  }
  return iso();
}

/** The due day of an alert of `severity` opened at `openedAt` (an ISO datetime; its UTC date counts). */
export function dueDate(openedAt: string, severity: Severity, sla: SlaDays, calendar: BusinessCalendar = NO_CALENDAR): string {
  return addBusinessDays(openedAt.slice(0, 10), sla[severity], calendar);
}

/** Parses a comma-separated list of YYYY-MM-DD dates; the first entry that is not a real date is the problem. */
export function parseDateList(raw: string): { dates: Set<string>; problem?: string } {
  const dates = new Set<string>();
  for (const part of raw.split(',').map((x) => x.trim()).filter(Boolean)) {
    const d = new Date(`${part}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(part) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== part) return { dates, problem: `"${part}" is not a date (YYYY-MM-DD)` };
    dates.add(part);
  }
  return { dates };
}

/**
 * An active alert seen again at a worse severity: it takes the new severity, wording, actions and rule set, keeps
 * the earlier of the two due days, and counts as a change (revision + 1). A milder severity later never lowers it.
 */
export function escalate(a: Alert, fresh: Alert, at: string): Alert {
  return {
    ...a,
    severity: fresh.severity,
    rule: fresh.rule,
    title: fresh.title,
    actions: fresh.actions,
    ruleSet: fresh.ruleSet,
    dueAt: fresh.dueAt < a.dueAt ? fresh.dueAt : a.dueAt,
    revision: a.revision + 1,
    updatedAt: at,
    updatedBy: fresh.updatedBy,
  };
}

/** The alert handed to another owner (the client's relationship manager changed). */
export function reassign(a: Alert, owner: string | null, at: string, by: ActorRef): Alert {
  return { ...a, owner, revision: a.revision + 1, updatedAt: at, updatedBy: by };
}

/** True when the alert is active and its due day has passed (`today` is YYYY-MM-DD). */
export function isOverdue(a: Pick<Alert, 'status' | 'dueAt'>, today: string): boolean {
  return isActive(a.status) && a.dueAt < today;
}

/** Parses `red=1,orange=10,yellow=30,blue=90`; every severity must be given once, as a whole number 0…3650. */
export function parseSlaDays(text: string): { sla?: SlaDays; problem?: string } {
  const out: Partial<SlaDays> = {};
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z]+)\s*=\s*(\d{1,4})$/.exec(part);
    if (!m || !isSeverity(m[1])) return { problem: `"${part}" is not severity=days (severities: ${SEVERITIES.join(', ')})` };
    const days = Number(m[2]);
    if (days > 3650) return { problem: `${m[1]}=${days} is more than 3650 business days` };
    if (out[m[1]] !== undefined) return { problem: `${m[1]} is given twice` };
    out[m[1]] = days;
  }
  const missing = SEVERITIES.filter((s) => out[s] === undefined);
  if (missing.length) return { problem: `it lacks ${missing.join(', ')}` };
  return { sla: out as SlaDays };
}
