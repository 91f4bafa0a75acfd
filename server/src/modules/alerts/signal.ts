import type { ActorRef } from '../audit/audit';
import { newId } from '../../shared/ids';
import { dueDate, type Alert, type BusinessCalendar, type RecommendedAction, type Severity, type SlaDays, type Text } from './alert';

/** One signal as a warning rule set reported it for one client (the rule that emitted it, its recommended actions). */
export interface Signal {
  /** The signal id of domain.md §4.2 (F01 …). */
  id: string;
  severity: Severity;
  title: Text;
  rule: string;
  ruleSet: { key: string; version: number };
  actions: RecommendedAction[];
}

export interface AlertContext {
  clientId: string;
  clientName: string;
  owner: string | null;
  at: string;
  by: ActorRef;
  source: Alert['source'];
  sla: SlaDays;
  /** Holidays and working weekend days the due day counts with. */
  calendar?: BusinessCalendar;
}

/** The alert a signal opens when none of its rule id is active for the client. */
export function alertFromSignal(s: Signal, c: AlertContext): Alert {
  return {
    id: newId('alr'),
    clientId: c.clientId,
    clientName: c.clientName,
    ruleId: s.id,
    rule: s.rule,
    ruleSet: s.ruleSet,
    severity: s.severity,
    title: s.title,
    actions: s.actions,
    status: 'open',
    owner: c.owner,
    openedAt: c.at,
    dueAt: dueDate(c.at, s.severity, c.sla, c.calendar),
    lastSeenAt: c.at,
    stillFiring: true,
    source: c.source,
    acknowledgedAt: null,
    acknowledgedBy: null,
    startedAt: null,
    startedBy: null,
    closedAt: null,
    closedBy: null,
    closingComment: null,
    dismissal: null,
    revision: 1,
    updatedAt: c.at,
    updatedBy: c.by,
  };
}
