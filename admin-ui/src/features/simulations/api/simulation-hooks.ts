import { useCallback, useEffect, useRef, useState } from 'react';
import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import { useCursorPages } from '../../../api/use-cursor-pages';
import { UNFINISHED, type ChangedRecord, type DrillDown, type Progress, type Simulation, type SimulationCreate, type SimulationStatus } from './types';

/** Read and action hooks of the simulation pages. */

export const simulationPath = (id: string) => `/api/v1/simulations/${encodeURIComponent(id)}`;

export const useSimulationList = (ruleSetKey?: string) =>
  useCursorPages<Simulation>(`/api/v1/simulations?limit=50${ruleSetKey ? `&ruleSetKey=${encodeURIComponent(ruleSetKey)}` : ''}`);

export const useChanges = (id: string, enabled: boolean) => useCursorPages<ChangedRecord>(enabled ? `${simulationPath(id)}/changes?limit=50` : null);

export const useDrillDown = (id: string, recordId: string | null) => useApiResource<DrillDown>(recordId ? `${simulationPath(id)}/changes/${encodeURIComponent(recordId)}` : null);

export const startSimulation = (body: SimulationCreate) => http.post<Simulation>('/api/v1/simulations', body);

export const cancelSimulation = (id: string) => http.delete<Simulation>(simulationPath(id));

/** How the page learns about progress: server-sent events, or polling where EventSource is missing or fails. */
export type LiveMode = 'events' | 'polling' | null;

export type RunState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; sim: Simulation; live: LiveMode };

const POLL_MS = 1500;

/**
 * One simulation, kept current while it runs: progress arrives as server-sent events (`progress`, then `end`);
 * when EventSource is not available or the stream breaks (a proxy that buffers, a dropped connection), the hook
 * polls the run instead. When the run ends the whole record is read again, with its results.
 */
export function useSimulationRun(id: string) {
  const [state, setState] = useState<RunState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const stopped = useRef(false);

  useEffect(() => {
    stopped.current = false;
    const controller = new AbortController();
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const signal = controller.signal;
    const finish = () => {
      stopped.current = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
    const load = () => http.get<Simulation>(simulationPath(id), { signal });
    const poll = () => {
      timer = setTimeout(() => {
        load().then(
          (sim) => {
            setState({ status: 'ready', sim, live: UNFINISHED.includes(sim.status) ? 'polling' : null });
            if (UNFINISHED.includes(sim.status)) poll();
          },
          (error: unknown) => signal.aborted || setState({ status: 'error', error }),
        );
      }, POLL_MS);
    };
    const listen = (sim: Simulation) => {
      if (typeof EventSource === 'undefined') return poll();
      source = new EventSource(`${simulationPath(id)}/events`, { withCredentials: true });
      setState({ status: 'ready', sim, live: 'events' });
      const update = (e: MessageEvent) => {
        const data = JSON.parse(e.data as string) as { status: SimulationStatus; progress: Progress };
        setState((s) => (s.status === 'ready' ? { ...s, sim: { ...s.sim, status: data.status, progress: data.progress } } : s));
      };
      source.addEventListener('progress', update as EventListener);
      source.addEventListener('end', ((e: MessageEvent) => {
        update(e);
        source?.close();
        // The end event carries the status, not the results: read the run once more.
        load().then((done) => setState({ status: 'ready', sim: done, live: null }), (error: unknown) => signal.aborted || setState({ status: 'error', error }));
      }) as EventListener);
      source.onerror = () => {
        // EventSource would reconnect by itself; polling is simpler to reason about and survives buffering proxies.
        source?.close();
        if (!stopped.current) poll();
      };
    };
    setState({ status: 'loading' });
    load().then(
      (sim) => {
        if (UNFINISHED.includes(sim.status)) listen(sim);
        else setState({ status: 'ready', sim, live: null });
      },
      (error: unknown) => signal.aborted || setState({ status: 'error', error }),
    );
    return () => {
      finish();
      controller.abort();
    };
  }, [id, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
