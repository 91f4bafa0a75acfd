import type { Worker } from 'node:worker_threads';
import type { Clock } from '../../shared/clock';
import type { AuditEvent } from '../audit/audit';
import { emptyAggregate, mergeInto, planOutputs, primaryOutput, type Aggregate, type OutputPlan } from './aggregate';
import type { PopulationSource } from './population/population-source';
import type { SkippedRecord } from './population/records';
import { buildResults } from './results';
import { tooLargeMessage } from './budget';
import type { ChangedRecord, Progress, Simulation, SimulationResults } from './simulation';
import type { SimulationStore } from './simulation-store';
import { spawnSimulationWorker } from './worker/spawn-worker';
import type { FromWorker, ToWorker, WorkerInit } from './worker/worker-protocol';

export interface RunOptions {
  workers: number;
  maxStoredChanges: number;
  /** Pause before handing out each batch. Only tests set it, to watch a run in progress. */
  throttleMs: number;
}

export interface RunJob {
  sim: Simulation;
  source: PopulationSource;
  total: number | null;
}

export type RunListener = (e: { type: 'progress'; progress: Progress } | { type: 'finished'; sim: Simulation }) => void;

type Ending = { status: 'failed' | 'cancelled'; error: { code: string; message: string }; audit: AuditEvent[] };

/** Batches each worker may hold: one it works on and one waiting, so it never idles while the next is fetched. */
const IN_FLIGHT_PER_WORKER = 2;
const PROGRESS_EVERY_MS = 200;
const HEARTBEAT_EVERY_MS = 1000;
const SKIPPED_SAMPLES = 20;

interface Slot {
  worker: Worker;
  inFlight: number;
  ready: boolean;
  terminated: boolean;
}

/**
 * One simulation run in this process: its workers, its batches, its merged counts. A run always ends in a stored
 * final status — completed, or failed/cancelled with the reason — whatever happens to its workers.
 */
export class SimulationRun {
  readonly slots: Slot[] = [];
  private ending: Ending | null = null;
  private terminating = false;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private readonly plans: OutputPlan[];
  private readonly aggregate: Aggregate;
  private readonly skippedSamples: SkippedRecord[] = [];
  private changesStored = 0;
  private writes: Promise<void> = Promise.resolve();
  private startedMs = 0;
  private lastEmit = 0;
  private lastBeat = 0;
  progress: Progress;

  constructor(
    private readonly job: RunJob,
    private readonly store: SimulationStore,
    private readonly o: RunOptions,
    private readonly clock: Clock,
    private readonly emit: RunListener,
  ) {
    this.plans = planOutputs(job.sim.documents.baseline, job.sim.documents.candidate);
    this.aggregate = emptyAggregate(this.plans);
    this.progress = { ...job.sim.progress };
  }

  get id(): string {
    return this.job.sim.id;
  }

  /** Runs to the end; never throws. Returns the stored final record (null if the run was no longer queued). */
  async execute(): Promise<Simulation | null> {
    const now = this.clock.now();
    const started = await this.store.update(this.id, { status: 'running', startedAt: now.toISOString(), heartbeatAt: now.toISOString() }, ['queued']);
    if (!started) return null;
    this.startedMs = now.getTime();
    try {
      await this.startWorkers();
      await this.pump();
      while (this.inFlight > 0 && !this.ending) await this.changed();
      await this.writes;
    } catch (e) {
      this.end({ status: 'failed', error: { code: 'run_failed', message: (e as Error).message }, audit: [] });
    }
    this.terminate();
    return this.ending ? this.finishAborted(this.ending) : this.finishCompleted();
  }

  /** Stops the run: workers are terminated at once and the run is stored with this ending. */
  end(ending: Ending): void {
    if (this.ending) return;
    this.ending = ending;
    this.terminate();
    this.notify();
  }

  private async startWorkers(): Promise<void> {
    const { sim } = this.job;
    const init: WorkerInit = {
      baseline: sim.documents.baseline,
      candidate: sim.documents.candidate,
      asOf: sim.asOf,
      today: this.clock.now().toISOString().slice(0, 10),
      exposureField: sim.exposureField,
    };
    for (let i = 0; i < this.o.workers && !this.ending; i++) {
      const slot: Slot = { worker: spawnSimulationWorker(init), inFlight: 0, ready: false, terminated: false };
      this.slots.push(slot);
      slot.worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
      slot.worker.on('error', (e) => this.fail(`a simulation worker failed: ${e.message}`));
      slot.worker.on('exit', (code) => {
        if (!this.terminating) this.fail(`a simulation worker stopped unexpectedly (exit code ${code})`);
      });
    }
    while (!this.ending && this.slots.some((s) => !s.ready)) await this.changed();
  }

  private async pump(): Promise<void> {
    const batches = this.job.source.batches()[Symbol.asyncIterator]();
    let seq = 0;
    try {
      for (;;) {
        const slot = await this.freeSlot();
        if (!slot) return;
        const next = await batches.next();
        if (next.done || this.ending) return;
        if (this.o.throttleMs) await new Promise((r) => setTimeout(r, this.o.throttleMs));
        if (this.ending) return;
        slot.inFlight++;
        this.inFlight++;
        slot.worker.postMessage({ type: 'batch', seq: seq++, batch: next.value } satisfies ToWorker);
      }
    } finally {
      if (this.ending) await batches.return?.();
    }
  }

  private async freeSlot(): Promise<Slot | null> {
    for (;;) {
      if (this.ending) return null;
      const slot = this.slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      if (slot.inFlight < IN_FLIGHT_PER_WORKER) return slot;
      await this.changed();
    }
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    if (this.ending) return;
    if (m.type === 'ready') slot.ready = true;
    else if (m.type === 'error') return this.fail(m.message);
    else {
      slot.inFlight--;
      this.inFlight--;
      mergeInto(this.aggregate, m.aggregate);
      for (const s of m.skippedSamples) if (this.skippedSamples.length < SKIPPED_SAMPLES) this.skippedSamples.push(s);
      this.keepChanges(m.changes);
      this.advance(m.processed, m.skipped);
    }
    this.notify();
  }

  private keepChanges(changes: ChangedRecord[]): void {
    const room = this.o.maxStoredChanges - this.changesStored;
    if (room <= 0 || !changes.length) return;
    const keep = changes.length > room ? changes.slice(0, room) : changes;
    this.changesStored += keep.length;
    this.write(() => this.store.appendChanges(this.id, keep));
    if (this.changesStored >= this.o.maxStoredChanges) for (const s of this.slots) s.worker.postMessage({ type: 'stop-collecting-changes' } satisfies ToWorker);
  }

  private advance(processed: number, skipped: number): void {
    const p = this.progress;
    const nowMs = this.clock.now().getTime();
    p.processed += processed;
    p.skipped += skipped;
    p.changed = this.aggregate.changed;
    const { budget } = this.job.sim;
    if (budget.records === null && p.processed * budget.rulesPerRecord > budget.budget)
      return this.end({ status: 'failed', error: { code: 'simulation_too_large', message: tooLargeMessage(p.processed, budget.rulesPerRecord, budget.budget, true) }, audit: [] });
    const seconds = Math.max((nowMs - this.startedMs) / 1000, 0.001);
    p.rate = Math.round(p.processed / seconds);
    p.etaSeconds = p.total !== null && p.rate > 0 ? Math.max(0, Math.round((p.total - p.processed) / p.rate)) : null;
    p.updatedAt = new Date(nowMs).toISOString();
    if (nowMs - this.lastEmit >= PROGRESS_EVERY_MS) {
      this.lastEmit = nowMs;
      this.emit({ type: 'progress', progress: { ...p } });
    }
    if (nowMs - this.lastBeat >= HEARTBEAT_EVERY_MS) {
      this.lastBeat = nowMs;
      const progress = { ...p };
      this.write(() => this.store.update(this.id, { progress, heartbeatAt: progress.updatedAt }, ['running']).then(() => {}));
    }
  }

  /** Store writes run one after another, in order, off the message handler; a failing write fails the run. */
  private write(fn: () => Promise<void>): void {
    this.writes = this.writes.then(fn).catch((e) => this.fail(`could not store the simulation's progress: ${(e as Error).message}`));
  }

  private fail(message: string): void {
    this.end({ status: 'failed', error: { code: 'run_failed', message }, audit: [] });
  }

  private async finishCompleted(): Promise<Simulation | null> {
    const now = this.clock.now();
    const { sim } = this.job;
    const results: SimulationResults = buildResults(this.aggregate, this.plans, primaryOutput(this.plans), sim.documents, {
      skipped: this.progress.skipped,
      skippedSamples: this.skippedSamples.map(({ recordId, reason }) => ({ recordId, reason })),
      changesStored: this.changesStored,
      durationMs: now.getTime() - this.startedMs,
    });
    const progress: Progress = { ...this.progress, total: this.progress.processed, etaSeconds: 0, updatedAt: now.toISOString() };
    const done = await this.store
      .update(this.id, { status: 'completed', results, progress, finishedAt: now.toISOString(), heartbeatAt: now.toISOString() }, ['running'])
      .catch(() => null);
    return done ?? this.finishAborted({ status: 'failed', error: { code: 'run_failed', message: 'the results could not be stored' }, audit: [] });
  }

  private async finishAborted(ending: Ending): Promise<Simulation | null> {
    await this.writes.catch(() => {});
    const now = this.clock.now().toISOString();
    // Partial changed records would read like results; a run that did not complete keeps none.
    await this.store.deleteChanges(this.id).catch(() => {});
    const patch = { status: ending.status, error: ending.error, finishedAt: now, heartbeatAt: now, progress: { ...this.progress, etaSeconds: null, updatedAt: now } };
    return this.store.update(this.id, patch, ['running', 'queued'], ending.audit);
  }

  private terminate(): void {
    this.terminating = true;
    for (const s of this.slots) {
      if (s.terminated) continue;
      s.terminated = true;
      void s.worker.terminate();
    }
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
