/**
 * The SLA countdown of an alert. `dueAt` is a business day in UTC (the server's calendar): the alert is overdue once
 * that day has ended in UTC, exactly when the server's `overdue=true` filter starts listing it.
 */

export type SlaState =
  | { kind: 'closed' }
  | { kind: 'overdue'; days: number; since: string }
  | { kind: 'today'; hoursLeft: number }
  | { kind: 'due'; days: number };

const DAY_MS = 86_400_000;

function utcDay(d: Date): number {
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export function slaState(dueAt: string, now: Date, active = true): SlaState {
  if (!active) return { kind: 'closed' };
  const due = Date.parse(`${dueAt}T00:00:00Z`);
  if (Number.isNaN(due)) return { kind: 'closed' };
  const today = utcDay(now);
  const days = Math.round((due - today) / DAY_MS);
  if (days < 0) return { kind: 'overdue', days: -days, since: dueAt };
  if (days === 0) return { kind: 'today', hoursLeft: Math.max(0, Math.ceil((due + DAY_MS - now.getTime()) / 3_600_000)) };
  return { kind: 'due', days };
}

export function isOverdue(dueAt: string, now: Date, active = true): boolean {
  return slaState(dueAt, now, active).kind === 'overdue';
}
