import type { Alert } from '../../alerts/api/types';
import { isOverdue } from '../../alerts/model/sla';

export interface SeverityCount {
  severity: 'red' | 'orange' | 'yellow' | 'blue';
  active: number;
  overdue: number;
}

const ORDER = ['red', 'orange', 'yellow', 'blue'] as const;

/** Active alerts by severity, worst first, with how many of them are past their due day (as the server counts it). */
export function countBySeverity(alerts: Pick<Alert, 'severity' | 'dueAt' | 'status'>[], now: Date): SeverityCount[] {
  const out = ORDER.map((severity) => ({ severity, active: 0, overdue: 0 }));
  for (const a of alerts) {
    if (!['open', 'acknowledged', 'in_progress'].includes(a.status)) continue;
    const row = out.find((r) => r.severity === a.severity);
    if (!row) continue;
    row.active++;
    if (isOverdue(a.dueAt, now)) row.overdue++;
  }
  return out;
}

/** Exposure by region: Chinese clients by province code, the others by country. */
export function exposureByRegion(clients: { country: string; provinceCode: string | null; exposure: number }[]): { key: string; count: number; exposure: number }[] {
  const m = new Map<string, { key: string; count: number; exposure: number }>();
  for (const c of clients) {
    const key = c.country === 'CN' ? (c.provinceCode ?? 'CN') : c.country;
    const row = m.get(key) ?? { key, count: 0, exposure: 0 };
    row.count++;
    row.exposure += c.exposure;
    m.set(key, row);
  }
  return [...m.values()].sort((a, b) => b.exposure - a.exposure);
}
