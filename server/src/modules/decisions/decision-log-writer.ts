import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { ServiceUnavailableError } from '../../shared/errors';
import type { DecisionRecord } from './decision';
import type { AppendOutcome, DecisionLogStore } from './decision-log-store';
import type { DecisionMetrics } from './decision-metrics';
import { DecisionSpool, type SealedSegment } from './decision-spool';

export interface LogWriterSettings {
  /** A record waits at most this long for others to share its commit (0: the next turn of the event loop). */
  flushIntervalMs: number;
  /** A commit holds at most this many records (a batch request's records always share one commit, however many). */
  maxBatchRecords: number;
  /** A store write slower than this counts as failed and the records go to the spool (replay is idempotent on id). */
  storeTimeoutMs: number;
  /** How often, while spooling, the store is tried again. */
  retryIntervalMs: number;
}

interface Pending {
  records: DecisionRecord[];
  resolve: (o: AppendOutcome[]) => void;
  reject: (e: unknown) => void;
}

/** Spooled records are acknowledged as inserted: the spool holds them until the store takes them. */
const INSERTED: AppendOutcome = Object.freeze({ status: 'inserted' });
const REPLAY_CHUNK = 500;

/**
 * Group commit for the decision log, with the fail-static spool behind it.
 *
 * `write` queues records and resolves when they are durable. Every few milliseconds (or at `maxBatchRecords`) the
 * queue is committed in one store transaction; one commit is in flight at a time and whatever arrives meanwhile
 * goes into the next. A request therefore waits for its group's commit, never for a commit per record.
 *
 * When a store write fails (or times out) the writer switches to spooling: the same group, and every one after it,
 * is appended to the local spool and fsync'd before its requests are answered. A retry loop replays sealed spool
 * segments into the store (idempotent on decision id) and switches back once the store takes writes again. Past the
 * spool's limits, `write` rejects with 503 `spool_full`: a decision that cannot be kept is refused, not acknowledged.
 */
export class DecisionLogWriter {
  private queue: Pending[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private flushing: Promise<void> | null = null;
  private mode: 'store' | 'spool' = 'store';
  private retryTimer: NodeJS.Timeout | null = null;
  private replaying: Promise<void> | null = null;
  private closed = false;
  lastError: string | null = null;

  constructor(
    private readonly store: DecisionLogStore,
    private readonly spool: DecisionSpool,
    private readonly settings: LogWriterSettings,
    private readonly metrics: DecisionMetrics,
    private readonly log: Logger,
  ) {}

  /** Opens the spool; records a previous run left there are replayed in the background. */
  start(): void {
    this.spool.open();
    if (this.spool.depth > 0) this.scheduleRetry(0);
  }

  get degraded(): boolean {
    return this.mode === 'spool';
  }

  status() {
    return { mode: this.mode, spoolRecords: this.spool.depth, spoolBytes: this.spool.bytes, spoolLimits: this.spool.limits, lastError: this.lastError };
  }

  /** Resolves, one outcome per record, once the records are committed to the store or fsync'd to the spool. */
  write(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    if (this.closed) return Promise.reject(new ServiceUnavailableError('shutting_down', 'The service is shutting down; send the decision again.', { retryAfterSeconds: 1 }));
    if (!records.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      this.queued += records.length;
      if (this.queued >= this.settings.maxBatchRecords) this.kick();
      else if (!this.timer && !this.immediate) {
        if (this.settings.flushIntervalMs <= 0) this.immediate = setImmediate(() => this.kick());
        else this.timer = setTimeout(() => this.kick(), this.settings.flushIntervalMs);
      }
    });
  }

  /** Commits everything queued, stops retrying, closes the spool. */
  async close(): Promise<void> {
    this.kick();
    while (this.flushing) await this.flushing;
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.replaying) await this.replaying.catch(() => {});
    await this.spool.close();
  }

  private kick(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.timer = null;
    this.immediate = null;
    if (this.flushing) return;
    this.flushing = this.drainQueue().finally(() => {
      this.flushing = null;
      // Records that arrived during the last commit already waited: commit them at once.
      if (this.queue.length) this.kick();
    });
  }

  private async drainQueue(): Promise<void> {
    while (this.queue.length) {
      const group: Pending[] = [];
      let n = 0;
      while (this.queue.length && (n === 0 || n + this.queue[0].records.length <= this.settings.maxBatchRecords)) {
        const p = this.queue.shift()!;
        group.push(p);
        n += p.records.length;
      }
      this.queued -= n;
      await this.commit(group, n);
    }
  }

  private async commit(group: Pending[], n: number): Promise<void> {
    if (this.mode === 'store') {
      const records = group.length === 1 ? group[0].records : group.flatMap((p) => p.records);
      const t0 = performance.now();
      try {
        const outcomes = await withTimeout(this.store.append(records), this.settings.storeTimeoutMs);
        this.metrics.observeLogWrite('store', (performance.now() - t0) / 1000, n);
        let i = 0;
        for (const p of group) {
          p.resolve(outcomes.slice(i, i + p.records.length));
          i += p.records.length;
        }
        return;
      } catch (e) {
        this.enterSpoolMode(e);
      }
    }
    await this.spoolGroup(group);
  }

  private async spoolGroup(group: Pending[]): Promise<void> {
    // Each request is all-or-nothing: a batch request that does not fit is refused whole, the others still go in.
    const t0 = performance.now();
    const accepted: Pending[] = [];
    const buffers: Buffer[] = [];
    let count = 0;
    let bytes = 0;
    for (const p of group) {
      const encoded = DecisionSpool.encode(p.records);
      if (this.spool.wouldOverflow(count + p.records.length, bytes + encoded.length)) {
        p.reject(
          new ServiceUnavailableError('spool_full', 'The decision log is unreachable and the local spool is full, so this decision cannot be recorded and was not made. Try again later.', {
            spoolRecords: this.spool.depth,
            spoolBytes: this.spool.bytes,
            retryAfterSeconds: Math.max(1, Math.ceil(this.settings.retryIntervalMs / 1000)),
          }),
        );
        continue;
      }
      accepted.push(p);
      buffers.push(encoded);
      count += p.records.length;
      bytes += encoded.length;
    }
    if (!accepted.length) return;
    try {
      await this.spool.append(Buffer.concat(buffers), count);
      this.metrics.observeLogWrite('spool', (performance.now() - t0) / 1000, count);
      for (const p of accepted) p.resolve(p.records.map(() => INSERTED));
    } catch (e) {
      this.log.error({ err: e }, 'decision spool: append failed; the decisions are refused');
      for (const p of accepted) p.reject(new ServiceUnavailableError('decision_log_unavailable', 'The decision could not be recorded (store and local spool both failed), so it was not made. Try again later.'));
    }
  }

  private enterSpoolMode(e: unknown): void {
    this.lastError = e instanceof Error ? e.message : String(e);
    if (this.mode !== 'spool') this.log.error({ err: e }, 'decision log: the store cannot be written; spooling decisions locally (fail-static)');
    this.mode = 'spool';
    this.scheduleRetry(this.settings.retryIntervalMs);
  }

  private scheduleRetry(ms: number): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.replaying = this.replay()
        .catch((e) => {
          this.lastError = e instanceof Error ? e.message : String(e);
          this.log.warn({ err: e, spoolRecords: this.spool.depth }, 'decision log: the store still cannot be written; staying on the spool');
          this.scheduleRetry(this.settings.retryIntervalMs);
        })
        .finally(() => {
          this.replaying = null;
        });
    }, ms);
    this.retryTimer.unref();
  }

  /**
   * Replays sealed segments into the store. Once everything sealed is in, new groups go to the store again; then
   * whatever was spooled meanwhile is sealed and replayed too. Throws (leaving the rest spooled) if the store fails.
   */
  private async replay(): Promise<void> {
    for (let round = 0; ; round++) {
      const segments = await this.spool.seal();
      if (!segments.length) break;
      for (const seg of segments) await this.replaySegment(seg);
      if (this.mode === 'spool') {
        this.mode = 'store';
        this.lastError = null;
        this.log.info('decision log: the store takes writes again; replayed the spool and left fail-static mode');
      }
      if (round > 100) throw new Error('the spool keeps refilling during replay');
    }
    if (this.mode === 'spool') {
      // Nothing was spooled (every group was refused, say): make sure the store answers before trusting it again.
      await withTimeout(this.store.list({ limit: 1 }), this.settings.storeTimeoutMs);
      this.mode = 'store';
      this.lastError = null;
    }
  }

  private async replaySegment(seg: SealedSegment): Promise<void> {
    const records = this.spool.read(seg);
    const refused: DecisionRecord[] = [];
    for (let i = 0; i < records.length; i += REPLAY_CHUNK) {
      const chunk = records.slice(i, i + REPLAY_CHUNK);
      let outcomes: AppendOutcome[];
      try {
        outcomes = await withTimeout(this.store.append(chunk), this.settings.storeTimeoutMs);
      } catch (e) {
        // The store may still be down (the probe throws and the segment stays), or one record may be unwritable:
        // then go one by one and set aside only the records it refuses while it takes the others. If it takes
        // none, writes are what is down (a full disk, a read-only replica): keep everything spooled.
        await withTimeout(this.store.list({ limit: 1 }), this.settings.storeTimeoutMs);
        outcomes = [];
        const refusedHere: DecisionRecord[] = [];
        for (const r of chunk) {
          try {
            outcomes.push(...(await withTimeout(this.store.append([r]), this.settings.storeTimeoutMs)));
          } catch {
            refusedHere.push(r);
            outcomes.push({ status: 'duplicate_id' });
          }
        }
        if (refusedHere.length === chunk.length) throw e;
        refused.push(...refusedHere);
      }
      // A spooled decision whose idempotency key another instance used meanwhile was still answered: keep it, with the
      // clash written down instead of the key, rather than lose an acknowledged decision.
      const clashes: DecisionRecord[] = [];
      outcomes.forEach((o, j) => {
        if (o.status === 'duplicate_idempotency_key') clashes.push({ ...chunk[j], idempotencyKey: null, idempotencyClash: { key: chunk[j].idempotencyKey!, existingId: o.existingId } });
      });
      if (clashes.length) {
        await withTimeout(this.store.append(clashes), this.settings.storeTimeoutMs);
        this.log.warn({ decisions: clashes.map((r) => r.id) }, 'decision spool: idempotency keys were taken by another instance meanwhile; the records are kept without their keys');
      }
    }
    if (refused.length) {
      const path = await this.spool.quarantine(refused);
      this.log.error({ path, records: refused.length }, 'decision spool: the store refused some records one by one; they were moved to a quarantine file');
    }
    await this.spool.remove(seg);
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return p;
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the store did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
