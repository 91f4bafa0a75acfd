import { useCallback, useEffect, useState } from 'react';
import { http } from './http';

export type ResourceState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T };

/**
 * Reads one resource with GET and tracks loading, error and data; `reload` fetches it again. Resource hooks
 * (`useRuleSets`, `useClient`, …) are thin wrappers that name the path and the type.
 */
export function useApiResource<T>(path: string | null): ResourceState<T> & { reload: () => void } {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    http.get<T>(path, { signal: controller.signal }).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => controller.signal.aborted || setState({ status: 'error', error }),
    );
    return () => controller.abort();
  }, [path, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
