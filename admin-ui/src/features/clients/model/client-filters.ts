/**
 * The client list's filters live in the address (`/clients?industry=C&class5=关注&q=绵阳`), so a reload, the back
 * button or a link from the dashboard shows the same list. Pure conversions between the address, the form and the
 * API query.
 */

export interface ClientFilters {
  q: string;
  industry: string;
  region: string;
  tier: string;
  class5: string;
  riskLevel: string;
  rm: string;
}

export const CLIENT_FILTER_NAMES = ['q', 'industry', 'region', 'tier', 'class5', 'riskLevel', 'rm'] as const satisfies readonly (keyof ClientFilters)[];

export const EMPTY_CLIENT_FILTERS: ClientFilters = { q: '', industry: '', region: '', tier: '', class5: '', riskLevel: '', rm: '' };

/** The list API's parameter for each filter of the address. */
const API_NAMES: Record<keyof ClientFilters, string> = {
  q: 'q',
  industry: 'industrySection',
  region: 'provinceCode',
  tier: 'tier',
  class5: 'class5',
  riskLevel: 'riskLevel',
  rm: 'relationshipManager',
};

const VALID: Partial<Record<keyof ClientFilters, RegExp>> = {
  industry: /^[A-T]$/,
  region: /^\d{2}$/,
  class5: /^(正常|关注|次级|可疑|损失)$/,
  riskLevel: /^(red|orange|yellow|blue)$/,
};

/** Reads the filters from a query string; unknown parameters are ignored and values the API would refuse dropped. */
export function clientFiltersFromSearch(search: URLSearchParams): ClientFilters {
  const f = { ...EMPTY_CLIENT_FILTERS };
  for (const name of CLIENT_FILTER_NAMES) {
    const value = (search.get(name) ?? '').trim().slice(0, 100);
    f[name] = VALID[name] && !VALID[name].test(value) ? '' : value;
  }
  return f;
}

/** Only the filters set, in a fixed order, so equal filters give equal addresses. */
export function searchFromClientFilters(filters: ClientFilters): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of CLIENT_FILTER_NAMES) if (filters[name].trim()) out.set(name, filters[name].trim());
  return out;
}

export function activeClientFilterCount(filters: ClientFilters): number {
  return CLIENT_FILTER_NAMES.filter((name) => filters[name].trim() !== '').length;
}

/** The API's filter parameters for these filters, e.g. for the list or a simulation's population. */
export function apiClientFilter(filters: ClientFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of CLIENT_FILTER_NAMES) if (filters[name].trim()) out[API_NAMES[name]] = filters[name].trim();
  return out;
}

/** GET /api/v1/clients for these filters (the first page). */
export function clientListPath(filters: ClientFilters, limit = 100): string {
  const q = new URLSearchParams(apiClientFilter(filters));
  q.set('limit', String(limit));
  return `/api/v1/clients?${q.toString()}`;
}
