import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClientFindings, ClientInput } from '../client-findings';
import type { ClientEvaluator } from '../evaluator';
import type { MonitoringRuleSet } from '../monitoring-rules';
import type { BatchInFlight, ScanBatchSource, ScannedBatch } from '../scan-source';
import type { FromMonitorWorker, MonitorWorkerInit, ToMonitorWorker } from './worker-protocol';

/** A worker holds one or two batches at a time; running out of this much heap means something is wrong. */
const WORKER_HEAP_MB = 768;

type Waiter = { onRead?: (m: { lastId: string | null; count: number }) => void; onReadFail?: (e: Error) => void; resolve: (v: unknown) => void; reject: (e: Error) => void };

/**
 * Monitoring's worker threads (DESIGN §6: scans run in worker threads): each compiles the rule-set versions once.
 * As a ClientEvaluator it splits the clients it is given into one contiguous chunk per worker; as a ScanBatchSource
 * (embedded store only) each worker reads whole batches from the SQLite file itself. A worker that dies or throws
 * fails what is in flight, and the scan with it.
 */
export class MonitorWorkers implements ClientEvaluator, ScanBatchSource {
  private readonly workers: Worker[];
  private seq = 0;
  private next = 0;
  private readonly waiting = new Map<number, Waiter>();
  private failure: Error | null = null;

  constructor(ruleSets: MonitoringRuleSet[], count: number, sqliteFile?: string) {
    if (sqliteFile) this.evaluateIds = (ids, asOf) => this.readAndEvaluate(ids, asOf);
    const init: MonitorWorkerInit = { ruleSets: ruleSets.map(({ key, version, contentHash, family, document }) => ({ key, version, contentHash, family, document })), sqliteFile };
    this.workers = Array.from({ length: Math.max(1, count) }, () => this.spawn(init));
  }

  /** Batches in flight when scanning: one per worker. */
  get depth(): number {
    return this.workers.length;
  }

  async evaluate(clients: ClientInput[], asOf: string): Promise<ClientFindings[]> {
    const size = Math.ceil(clients.length / this.workers.length);
    const parts = await Promise.all(
      this.workers.map((w, i) => {
        const chunk = clients.slice(i * size, (i + 1) * size);
        return chunk.length ? (this.send(w, (seq) => ({ type: 'evaluate', seq, asOf, clients: chunk })).result as Promise<ClientFindings[]>) : Promise.resolve([]);
      }),
    );
    return parts.flat();
  }

  /**
   * Reads the clients `ids` from the store file and evaluates them, in the workers (embedded store only): the main
   * thread neither parses nor copies their profiles. Clients that no longer exist are left out.
   */
  readonly evaluateIds?: (ids: string[], asOf: string) => Promise<ScannedBatch>;

  private async readAndEvaluate(ids: string[], asOf: string): Promise<ScannedBatch> {
    const size = Math.ceil(ids.length / this.workers.length);
    const parts = (await Promise.all(
      this.workers.map((w, i) => {
        const chunk = ids.slice(i * size, (i + 1) * size);
        return chunk.length ? this.send(w, (seq) => ({ type: 'read-ids', seq, asOf, ids: chunk })).result : Promise.resolve({ clients: [], findings: [] });
      }),
    )) as ScannedBatch[];
    return { clients: parts.flatMap((p) => p.clients), findings: parts.flatMap((p) => p.findings) };
  }

  start(after: string | null, limit: number, asOf: string): BatchInFlight {
    const w = this.workers[this.next++ % this.workers.length];
    const { read, result } = this.send(w, (seq) => ({ type: 'scan', seq, asOf, after, limit }), true);
    return { read: read as BatchInFlight['read'], result: result as Promise<ScannedBatch> };
  }

  async close(): Promise<void> {
    this.fail(new Error('the monitoring workers were stopped'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(w: Worker, message: (seq: number) => ToMonitorWorker, withRead = false): { read: Promise<unknown>; result: Promise<unknown> } {
    if (this.failure) return { read: Promise.reject(this.failure), result: Promise.reject(this.failure) };
    const seq = ++this.seq;
    const waiter = {} as Waiter;
    const read = withRead ? new Promise<{ lastId: string | null; count: number }>((resolve, reject) => Object.assign(waiter, { onRead: resolve, onReadFail: reject })) : Promise.resolve({ lastId: null, count: 0 });
    read.catch(() => {}); // a failure is reported through `result` too
    const result = new Promise((resolve, reject) => Object.assign(waiter, { resolve, reject }));
    this.waiting.set(seq, waiter);
    w.postMessage(message(seq));
    return { read, result };
  }

  private spawn(init: MonitorWorkerInit): Worker {
    const ext = extname(__filename);
    const entry = join(__dirname, `monitor-worker${ext}`);
    const options = { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
    // From TypeScript sources (tests, tsx) the worker compiles on the fly through tsx, as the simulation workers do.
    const w =
      ext === '.ts'
        ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry)});`, { ...options, eval: true })
        : new Worker(entry, options);
    w.on('message', (m: FromMonitorWorker) => {
      const waiter = this.waiting.get(m.seq);
      if (!waiter) return;
      if (m.type === 'read') return waiter.onRead?.({ lastId: m.lastId, count: m.count });
      this.waiting.delete(m.seq);
      if (m.type === 'result') waiter.resolve(m.findings);
      else if (m.type === 'scanned') waiter.resolve({ clients: m.clients, findings: m.findings });
      else rejectWaiter(waiter, new Error(`a monitoring worker failed: ${m.message}`));
    });
    w.on('error', (e) => this.fail(e));
    w.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`a monitoring worker stopped (exit code ${code})`));
    });
    return w;
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const w of this.waiting.values()) rejectWaiter(w, e);
    this.waiting.clear();
  }
}

/** Fails a request: its `read` (if it was still waiting for one) and its result. */
function rejectWaiter(w: Waiter, e: Error): void {
  w.onReadFail?.(e);
  w.reject(e);
}
