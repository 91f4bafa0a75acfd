import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * A list page's filters kept in the address, so a filtered list can be bookmarked, shared and reloaded, and Back
 * undoes a filter change. `fromSearch` reads (and tidies) the query string, `toSearch` writes it; both should be
 * module-level functions, because the filters are parsed again only when the query string itself changes — the
 * URLSearchParams object is new on every render, its text is what matters.
 */
export function useUrlFilters<F>(fromSearch: (search: URLSearchParams) => F, toSearch: (filters: F) => URLSearchParams) {
  const [search, setSearch] = useSearchParams();
  const query = search.toString();
  const filters = useMemo(() => fromSearch(new URLSearchParams(query)), [fromSearch, query]);
  const apply = useCallback((next: F) => setSearch(toSearch(next)), [setSearch, toSearch]);
  return { filters, apply, query };
}
