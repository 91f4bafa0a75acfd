import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from './http';
import type { Page } from './page';

export type CursorPagesState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; items: T[]; nextCursor: string | null; loadingMore: boolean; moreError: unknown };

function withCursor(path: string, cursor: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * A server-paged list read page by page with `nextCursor` (decisions, audit, clients, alerts, scans, simulations):
 * the first page when `path` changes, the next one on `loadMore`. Pages are appended; a failed "more" keeps what was
 * loaded and says so. `null` as the path waits (nothing to ask yet).
 */
export function useCursorPages<T>(path: string | null) {
  const [state, setState] = useState<CursorPagesState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (path === null) return;
    const c = new AbortController();
    controller.current = c;
    setState({ status: 'loading' });
    http.get<Page<T>>(path, { signal: c.signal }).then(
      (page) => setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, moreError: null }),
      (error: unknown) => c.signal.aborted || setState({ status: 'error', error }),
    );
    return () => c.abort();
  }, [path, attempt]);

  const loadMore = useCallback(() => {
    if (path === null || state.status !== 'ready' || !state.nextCursor || state.loadingMore) return;
    const c = controller.current;
    setState({ ...state, loadingMore: true, moreError: null });
    http.get<Page<T>>(withCursor(path, state.nextCursor), { signal: c?.signal }).then(
      (page) =>
        setState((s) => (s.status === 'ready' ? { status: 'ready', items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false, moreError: null } : s)),
      (error: unknown) => c?.signal.aborted || setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false, moreError: error } : s)),
    );
  }, [path, state]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, reload };
}
