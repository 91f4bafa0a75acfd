/**
 * The inbox's view and filters live in the address (`/alerts?view=all&severity=red&overdue=true`). "Mine" means the
 * alerts whose owner is the user's relationship-manager code; the list shows the active ones unless asked otherwise.
 */

export type AlertView = 'mine' | 'all';

export interface AlertFilters {
  view: AlertView;
  severity: string;
  /** A status, `active` (the default: open, acknowledged, in progress) or `any`. */
  status: string;
  overdue: boolean;
  clientId: string;
  rule: string;
  /** Only in the "all" view: another owner's alerts. */
  owner: string;
}

export const DEFAULT_ALERT_FILTERS: AlertFilters = { view: 'mine', severity: '', status: 'active', overdue: false, clientId: '', rule: '', owner: '' };

const SEVERITY = /^(red|orange|yellow|blue)$/;
const STATUS = /^(active|any|open|acknowledged|in_progress|resolved|dismissed)$/;

export function alertFiltersFromSearch(search: URLSearchParams): AlertFilters {
  const get = (k: string) => (search.get(k) ?? '').trim().slice(0, 80);
  return {
    view: get('view') === 'all' ? 'all' : 'mine',
    severity: SEVERITY.test(get('severity')) ? get('severity') : '',
    status: STATUS.test(get('status')) ? get('status') : 'active',
    overdue: get('overdue') === 'true',
    clientId: get('clientId'),
    rule: /^[A-Za-z0-9_.-]{1,40}$/.test(get('rule')) ? get('rule') : '',
    owner: get('owner'),
  };
}

export function searchFromAlertFilters(f: AlertFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.view === 'all') out.set('view', 'all');
  if (f.severity) out.set('severity', f.severity);
  if (f.status && f.status !== 'active') out.set('status', f.status);
  if (f.overdue) out.set('overdue', 'true');
  if (f.clientId) out.set('clientId', f.clientId);
  if (f.rule) out.set('rule', f.rule);
  if (f.view === 'all' && f.owner) out.set('owner', f.owner);
  return out;
}

/** GET /api/v1/alerts for these filters; null when "mine" is asked but the user's code is not known yet. */
export function alertListPath(f: AlertFilters, myCode: string | null, limit = 100): string | null {
  const q = new URLSearchParams();
  if (f.view === 'mine') {
    if (!myCode) return null;
    q.set('owner', myCode);
  } else if (f.owner) q.set('owner', f.owner);
  if (f.severity) q.set('severity', f.severity);
  if (f.status !== 'any') q.set('status', f.status || 'active');
  if (f.overdue) q.set('overdue', 'true');
  if (f.clientId) q.set('clientId', f.clientId);
  if (f.rule) q.set('rule', f.rule);
  q.set('limit', String(limit));
  return `/api/v1/alerts?${q.toString()}`;
}

export function isFiltered(f: AlertFilters): boolean {
  return Boolean(f.severity || f.status !== 'active' || f.overdue || f.clientId || f.rule || (f.view === 'all' && f.owner));
}
