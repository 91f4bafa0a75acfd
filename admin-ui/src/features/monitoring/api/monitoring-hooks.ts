import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { useCursorPages } from '../../../api/use-cursor-pages';
import { SCAN_UNFINISHED, type MonitoringStatus, type Scan } from './types';

/** Read and action hooks of the monitoring page. */

const S = '/api/v1/monitoring/scans';
const POLL_MS = 1000;

export const useMonitoringStatus = () => useApiResource<MonitoringStatus>('/api/v1/monitoring');

export const useScans = () => useCursorPages<Scan>(`${S}?limit=20`);

export const startScan = () => http.post<Scan>(S, { scope: 'portfolio' });

export const resumeScan = (id: string) => http.post<Scan>(`${S}/${encodeURIComponent(id)}/resume`);

export type ScanState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; scan: Scan };

/** One scan, read again every second while it is queued or running (scans have no event stream). */
export function useScan(id: string | null, onFinished?: (scan: Scan) => void) {
  const [state, setState] = useState<ScanState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // A notification: a new function identity must not restart the polling.
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (!id) return;
    const c = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let wasRunning = false;
    const read = () =>
      http.get<Scan>(`${S}/${encodeURIComponent(id)}`, { signal: c.signal }).then(
        (scan) => {
          setState({ status: 'ready', scan });
          if (SCAN_UNFINISHED.includes(scan.status)) {
            wasRunning = true;
            timer = setTimeout(read, POLL_MS);
          } else if (wasRunning) finished.current?.(scan);
        },
        (error: unknown) => c.signal.aborted || setState({ status: 'error', error }),
      );
    setState({ status: 'loading' });
    void read();
    return () => {
      c.abort();
      if (timer) clearTimeout(timer);
    };
  }, [id, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
