import type { Worker } from 'node:worker_threads';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../logger';
import type { AuditEvent } from '../audit/audit';
import type { Progress, Simulation } from './simulation';
import { SimulationRun, type RunJob, type RunListener, type RunOptions } from './simulation-run';
import type { SimulationStore } from './simulation-store';

/**
 * Runs simulations one at a time in this process (they already use every core through their workers), in the order
 * they were started, and tells listeners (the SSE endpoint) about progress and endings.
 */
export class SimulationRunner {
  private readonly queue: RunJob[] = [];
  private current: { run: SimulationRun; done: Promise<Simulation | null> } | null = null;
  private readonly listeners = new Map<string, Set<RunListener>>();
  private closed = false;

  constructor(
    private readonly store: SimulationStore,
    private readonly o: RunOptions,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  enqueue(job: RunJob): void {
    this.queue.push(job);
    this.next();
  }

  /** Progress of a run this process is executing or holding in its queue; null otherwise. */
  progressOf(id: string): Progress | null {
    if (this.current?.run.id === id) return { ...this.current.run.progress };
    const queued = this.queue.find((j) => j.sim.id === id);
    return queued ? queued.sim.progress : null;
  }

  owns(id: string): boolean {
    return this.current?.run.id === id || this.queue.some((j) => j.sim.id === id);
  }

  /** The worker threads of a running simulation (diagnostics, and tests that need to kill one). */
  workersOf(id: string): Worker[] {
    return this.current?.run.id === id ? this.current.run.slots.map((s) => s.worker) : [];
  }

  subscribe(id: string, l: RunListener): () => void {
    let set = this.listeners.get(id);
    if (!set) this.listeners.set(id, (set = new Set()));
    set.add(l);
    return () => {
      set.delete(l);
      if (!set.size) this.listeners.delete(id);
    };
  }

  /**
   * Cancels a run of this process: a queued one is dropped, a running one has its workers terminated. Returns the
   * stored cancelled record, or null when this process does not hold the run (or it ended meanwhile).
   */
  async cancel(id: string, by: string, audit: AuditEvent[]): Promise<Simulation | null> {
    const error = { code: 'cancelled', message: `cancelled by ${by}` };
    const i = this.queue.findIndex((j) => j.sim.id === id);
    if (i !== -1) {
      this.queue.splice(i, 1);
      const now = this.clock.now().toISOString();
      const sim = await this.store.update(id, { status: 'cancelled', error, finishedAt: now, heartbeatAt: now }, ['queued'], audit);
      if (sim) this.publish(id, { type: 'finished', sim });
      return sim;
    }
    if (this.current?.run.id !== id) return null;
    const { run, done } = this.current;
    run.end({ status: 'cancelled', error, audit });
    const sim = await done;
    return sim?.status === 'cancelled' ? sim : null;
  }

  /** On shutdown: the running simulation is stopped and stored as failed, the queued ones too. */
  async close(): Promise<void> {
    this.closed = true;
    const error = { code: 'interrupted', message: 'interrupted: the server shut down' };
    for (const job of this.queue.splice(0)) {
      const now = this.clock.now().toISOString();
      await this.store.update(job.sim.id, { status: 'failed', error, finishedAt: now, heartbeatAt: now }, ['queued']).catch(() => null);
    }
    if (this.current) {
      this.current.run.end({ status: 'failed', error, audit: [] });
      await this.current.done;
    }
  }

  private next(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    const run = new SimulationRun(job, this.store, this.o, this.clock, (e) => this.publish(job.sim.id, e));
    const done = run.execute().then(
      (sim) => {
        if (sim) {
          this.log.info({ simulationId: sim.id, status: sim.status, processed: sim.progress.processed, error: sim.error?.message }, 'simulation finished');
          this.publish(sim.id, { type: 'finished', sim });
        }
        return sim;
      },
      (e) => {
        // execute() stores its own failures; this is the store itself failing at the very end.
        this.log.error({ err: e, simulationId: job.sim.id }, 'simulation could not be finished');
        return null;
      },
    );
    this.current = { run, done };
    void done.finally(() => {
      this.current = null;
      this.next();
    });
  }

  private publish(id: string, e: Parameters<RunListener>[0]): void {
    for (const l of this.listeners.get(id) ?? []) l(e);
  }
}
