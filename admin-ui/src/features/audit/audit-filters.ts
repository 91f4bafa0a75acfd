import { dayBoundary } from '../decisions/model/decision-filters';

/** The audit page's filters, kept in the address like the decision log's (see decision-filters.ts). */
export interface AuditFilters {
  entity: string;
  actor: string;
  action: string;
  /** Local calendar days, inclusive. */
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['entity', 'actor', 'action', 'from', 'to'] as const satisfies readonly (keyof AuditFilters)[];
export const EMPTY_AUDIT_FILTERS: AuditFilters = { entity: '', actor: '', action: '', from: '', to: '' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function auditFiltersFromSearch(search: URLSearchParams): AuditFilters {
  const f = { ...EMPTY_AUDIT_FILTERS };
  for (const name of AUDIT_FILTER_NAMES) f[name] = (search.get(name) ?? '').trim();
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  return f;
}

export function searchFromAuditFilters(filters: AuditFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) if (filters[name].trim()) out.set(name, filters[name].trim());
  return out;
}

export function auditListPath(filters: AuditFilters, limit = 50): string {
  const q = new URLSearchParams();
  if (filters.entity) q.set('entity', filters.entity);
  if (filters.actor) q.set('actor', filters.actor);
  if (filters.action) q.set('action', filters.action);
  if (filters.from) q.set('from', dayBoundary(filters.from));
  if (filters.to) q.set('to', dayBoundary(filters.to, true));
  q.set('limit', String(limit));
  return `/api/v1/audit?${q.toString()}`;
}
