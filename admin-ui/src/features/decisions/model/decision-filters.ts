/**
 * The decision log's filters live in the address (`/decisions?ruleSet=…&outcome=…&from=2026-11-01`), so a reload,
 * the back button or a shared link shows the same list. This file converts between the address, the form and the
 * API query; it is pure so the round trips are easy to test.
 */

export interface DecisionFilters {
  ruleSet: string;
  outcome: string;
  caller: string;
  client: string;
  /** Calendar days (`YYYY-MM-DD`) in the user's time zone; inclusive. */
  from: string;
  to: string;
}

export const FILTER_NAMES = ['ruleSet', 'outcome', 'caller', 'client', 'from', 'to'] as const satisfies readonly (keyof DecisionFilters)[];

export const EMPTY_FILTERS: DecisionFilters = { ruleSet: '', outcome: '', caller: '', client: '', from: '', to: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query string; unknown parameters are ignored and a malformed day is dropped. */
export function filtersFromSearch(search: URLSearchParams): DecisionFilters {
  const f = { ...EMPTY_FILTERS };
  for (const name of FILTER_NAMES) f[name] = (search.get(name) ?? '').trim();
  if (!DAY.test(f.from)) f.from = '';
  if (!DAY.test(f.to)) f.to = '';
  return f;
}

/** The query string for these filters: only the ones set, in a fixed order, so equal filters give equal addresses. */
export function searchFromFilters(filters: DecisionFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) out.set(name, value);
  }
  return out;
}

export function activeFilterCount(filters: DecisionFilters): number {
  return FILTER_NAMES.filter((name) => filters[name].trim() !== '').length;
}

/** Start (or, with `end`, the last millisecond) of a local calendar day, as the ISO datetime the API expects. */
export function dayBoundary(day: string, end = false): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d, 0, 0, 0, 0);
  return date.toISOString();
}

/** A problem with the filters the form should show before asking the server, as an i18n key. */
export function filterProblem(filters: DecisionFilters): string | null {
  if (filters.from && filters.to && filters.from > filters.to) return 'decisions.filters.fromAfterTo';
  return null;
}

/** GET /api/v1/decisions for these filters (the first page). */
export function decisionListPath(filters: DecisionFilters, limit = 100): string {
  const q = new URLSearchParams();
  if (filters.ruleSet) q.set('ruleSet', filters.ruleSet);
  if (filters.outcome) q.set('outcome', filters.outcome);
  if (filters.caller) q.set('caller', filters.caller);
  if (filters.client) q.set('clientId', filters.client);
  if (filters.from) q.set('from', dayBoundary(filters.from));
  if (filters.to) q.set('to', dayBoundary(filters.to, true));
  q.set('limit', String(limit));
  return `/api/v1/decisions?${q.toString()}`;
}
