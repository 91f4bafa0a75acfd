import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../shared/clock';
import type { Logger } from '../../logger';
import { auditEvent } from '../audit/audit';
import type { ClientStore } from '../clients/client-store';
import type { ClientMonitor } from './client-monitor';
import { MONITORING_ACTOR } from './client-monitor';
import type { BatchInFlight, ScanBatchSource } from './scan-source';
import { addCounts, type Scan } from './scan';
import type { ScanStore } from './scan-store';

export interface ScanRunDeps {
  store: ScanStore;
  clients: Pick<ClientStore, 'count'>;
  monitor: ClientMonitor;
  clock: Clock;
  log: Logger;
  /** Pause before each batch; only tests set it, to watch a scan in progress. */
  throttleMs: number;
}

/**
 * One attempt at a scan: walks the book from the checkpoint in `scan(afterId, batchSize)` batches (never the whole
 * book in memory — at most `source.depth` batches in flight), evaluates each batch, writes its alerts and segments in
 * id order, then stores the checkpoint with the running counts. A batch whose writes committed but
 * whose checkpoint did not is evaluated again on resume; that is harmless (alerts are per signal, segments only
 * change when they differ), only its clients' signals are counted twice.
 */
export class ScanRun {
  private stopping = false;
  readonly done: Promise<Scan | null>;

  constructor(
    private scan: Scan,
    private readonly source: ScanBatchSource,
    private readonly d: ScanRunDeps,
  ) {
    this.done = this.run();
  }

  get id(): string {
    return this.scan.id;
  }

  /** Asks the run to stop after the batch in flight (on shutdown); it is then marked interrupted, resumable. */
  stop(): void {
    this.stopping = true;
    // Workers end at once (the batch in flight is dropped and redone on resume); the main thread finishes its slice.
    void this.source.close().catch(() => {});
  }

  private async run(): Promise<Scan | null> {
    const { store, clients, monitor, log } = this.d;
    const s = this.scan;
    const started = Date.now();
    const baseDuration = s.durationMs;
    const baseProcessed = s.progress.processed;
    let { counts, checkpoint } = s;
    let processed = baseProcessed;
    try {
      const total = await clients.count({});
      const now = this.now();
      const running = await store.update(s.id, { status: 'running', startedAt: s.startedAt ?? now, heartbeatAt: now, progress: { processed, total, ratePerSecond: 0, etaSeconds: null } }, ['queued']);
      if (!running) return null;
      this.scan = running;
      const trigger = { kind: 'scan' as const, scanId: s.id };
      // Batches in flight: each is started once the one before it has been read (its last id is the next cursor).
      const inFlight: BatchInFlight[] = [];
      let cursor = checkpoint;
      let exhausted = false;
      const fill = async () => {
        while (!exhausted && !this.stopping && inFlight.length < this.source.depth) {
          if (this.d.throttleMs > 0) await sleep(this.d.throttleMs);
          const b = this.source.start(cursor, s.batchSize, s.asOf);
          b.result.catch(() => {}); // a batch dropped on stop fails unobserved; one awaited below still throws there
          inFlight.push(b);
          const { lastId, count } = await b.read;
          if (lastId !== null) cursor = lastId;
          if (count < s.batchSize) exhausted = true;
        }
      };
      await fill();
      while (inFlight.length && !this.stopping) {
        const t0 = performance.now();
        const batch = await (inFlight.shift() as BatchInFlight).result;
        const t1 = performance.now();
        if (!batch.clients.length) break;
        const c = await monitor.apply(batch.clients.map((client, i) => ({ client, findings: batch.findings[i], trigger })));
        counts = addCounts(counts, c);
        processed += batch.clients.length;
        checkpoint = batch.clients[batch.clients.length - 1].id;
        const seconds = (Date.now() - started) / 1000;
        const rate = (processed - baseProcessed) / Math.max(seconds, 0.001);
        const progress = { processed, total: Math.max(total, processed), ratePerSecond: Math.round(rate * 10) / 10, etaSeconds: Math.max(0, Math.round((total - processed) / Math.max(rate, 0.001))) };
        const saved = await store.update(s.id, { checkpoint, counts, progress, heartbeatAt: this.now(), durationMs: baseDuration + Date.now() - started }, ['running']);
        log.debug({ scanId: s.id, clients: batch.clients.length, waitMs: Math.round(t1 - t0), writeMs: Math.round(performance.now() - t1) }, 'monitoring scan batch');
        if (!saved) return store.get(s.id); // marked interrupted or failed elsewhere: stop here
        this.scan = saved;
        await fill();
      }
      if (this.stopping) return this.interrupt(baseDuration + Date.now() - started);
      const end = this.now();
      const final = await store.update(
        s.id,
        { status: 'completed', finishedAt: end, heartbeatAt: end, checkpoint, counts, progress: { ...this.scan.progress, processed, total: processed, etaSeconds: 0 }, durationMs: baseDuration + Date.now() - started },
        ['running'],
        [auditEvent(MONITORING_ACTOR, 'monitoring.scan-completed', { type: 'scan', id: s.id }, { after: { processed, counts } }, end)],
      );
      log.info({ scanId: s.id, processed, seconds: (Date.now() - started) / 1000, counts }, 'monitoring scan completed');
      return final;
    } catch (e) {
      if (this.stopping) return this.interrupt(baseDuration + Date.now() - started);
      log.error({ err: e, scanId: s.id }, 'monitoring scan failed');
      const end = this.now();
      const error = { code: 'scan_failed', message: e instanceof Error ? e.message : String(e) };
      return store.update(s.id, { status: 'failed', finishedAt: end, heartbeatAt: end, error, durationMs: baseDuration + Date.now() - started }, ['running', 'queued'], [
        auditEvent(MONITORING_ACTOR, 'monitoring.scan-failed', { type: 'scan', id: s.id }, { after: { processed, error } }, end),
      ]);
    } finally {
      await this.source.close().catch(() => {});
    }
  }

  private async interrupt(durationMs: number): Promise<Scan | null> {
    const now = this.now();
    const error = { code: 'interrupted', message: 'the server stopped during the scan; resume it to continue from its checkpoint' };
    return this.d.store.update(this.scan.id, { status: 'interrupted', heartbeatAt: now, error, durationMs }, ['running', 'queued']);
  }

  private now(): string {
    return this.d.clock.now().toISOString();
  }
}
