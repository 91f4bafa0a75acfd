import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { ConflictError, NotFoundError, ServiceUnavailableError } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { Logger } from '../../logger';
import { auditEvent, type Page } from '../audit/audit';
import type { ClientStore } from '../clients/client-store';
import type { ClientMonitor } from './client-monitor';
import type { ScanBatchSource } from './scan-source';
import type { CompiledMonitoringRuleSet, MonitoringRules } from './monitoring-rules';
import { emptyCounts, UNFINISHED_SCAN, type Scan, type ScanTrigger } from './scan';
import { ScanRun } from './scan-run';
import type { ScanQuery, ScanStore } from './scan-store';

export interface ScanSettings {
  /** Clients per `scan(afterId, n)` batch (2,000; tests use fewer). */
  batchSize: number;
  throttleMs: number;
  /** A running scan without a heartbeat for this long, and not run by this process, counts as interrupted. */
  staleAfterMs: number;
}

export interface ScanServiceDeps {
  store: ScanStore;
  clients: Pick<ClientStore, 'count'>;
  monitor: ClientMonitor;
  rules: MonitoringRules;
  /** Where a scan's batches are read and evaluated (worker threads, or this thread when workers are off). */
  source: (sets: CompiledMonitoringRuleSet[]) => ScanBatchSource;
  clock: Clock;
  log: Logger;
  settings: ScanSettings;
}

/**
 * Monitoring scans (DESIGN §1): on demand, on the schedule and once on a new demo store. One scan runs at a time
 * in a process (it already uses every core through its workers); starting another meanwhile is a 409 naming the
 * running one. A scan fixes its rule-set versions when it starts, and keeps them when resumed.
 */
export class ScanService {
  private current: ScanRun | null = null;
  private closed = false;

  constructor(private readonly d: ScanServiceDeps) {}

  /** The id of the scan this process is running, if any. */
  running(): string | null {
    return this.current?.id ?? null;
  }

  async start(input: { trigger: ScanTrigger; actor: Actor; slot?: string }): Promise<Scan> {
    this.assertIdle();
    const sets = this.d.rules.active();
    if (!sets.length) throw new ConflictError('no_monitoring_rule_sets', 'No segmentation or warning rule set is active, so a scan would evaluate nothing. Activate one first.');
    const now = this.d.clock.now().toISOString();
    const scan: Scan = {
      id: newId('scn'),
      status: 'queued',
      trigger: input.trigger,
      slot: input.slot ?? null,
      requestedBy: actorRef(input.actor),
      asOf: now.slice(0, 10),
      ruleSets: sets.map((r) => ({ key: r.key, version: r.version, contentHash: r.contentHash, family: r.family })),
      batchSize: this.d.settings.batchSize,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      heartbeatAt: now,
      checkpoint: null,
      progress: { processed: 0, total: 0, ratePerSecond: 0, etaSeconds: null },
      counts: emptyCounts(),
      durationMs: 0,
      attempts: 1,
      error: null,
    };
    const saved = await this.d.store.insert(scan, [auditEvent(input.actor, 'monitoring.scan-started', { type: 'scan', id: scan.id }, { after: { trigger: scan.trigger, slot: scan.slot, asOf: scan.asOf, ruleSets: scan.ruleSets } }, now)]);
    this.launch(saved, sets);
    return saved;
  }

  /** Continues an interrupted scan from its checkpoint, with the versions it started with. */
  async resume(id: string, actor: Actor): Promise<Scan> {
    const cur = await this.get(id);
    if (cur.status !== 'interrupted') throw new ConflictError('scan_not_interrupted', `Scan ${id} is ${cur.status}; only an interrupted scan can be resumed.`, { status: cur.status });
    this.assertIdle();
    const sets: CompiledMonitoringRuleSet[] = [];
    for (const r of cur.ruleSets) {
      const v = await this.d.rules.version(r.key, r.version);
      if (!v) throw new ConflictError('rule_set_gone', `Version ${r.version} of '${r.key}', which this scan started with, no longer exists; start a new scan instead.`, { key: r.key, version: r.version });
      sets.push(v);
    }
    const now = this.d.clock.now().toISOString();
    const queued = await this.d.store.update(id, { status: 'queued', heartbeatAt: now, error: null, attempts: cur.attempts + 1, finishedAt: null }, ['interrupted'], [
      auditEvent(actor, 'monitoring.scan-resumed', { type: 'scan', id }, { before: { status: cur.status, checkpoint: cur.checkpoint, processed: cur.progress.processed }, after: { status: 'queued' } }, now),
    ]);
    if (!queued) throw new ConflictError('scan_not_interrupted', `Scan ${id} was changed meanwhile; reload it.`);
    this.launch(queued, sets);
    return queued;
  }

  async get(id: string): Promise<Scan> {
    const s = await this.d.store.get(id);
    if (!s) throw new NotFoundError('Scan', id);
    return this.markIfDead(s);
  }

  async list(q: ScanQuery): Promise<Page<Scan>> {
    return this.d.store.list(q);
  }

  /** At start-up: scans left running by a stopped process become `interrupted` (resumable). */
  async recoverInterrupted(allUnfinished: boolean): Promise<number> {
    const now = this.d.clock.now();
    const before = allUnfinished ? new Date(now.getTime() + 1).toISOString() : new Date(now.getTime() - this.d.settings.staleAfterMs).toISOString();
    return this.d.store.markInterrupted(before, now.toISOString());
  }

  /** Resolves when the scan this process runs (if it is `id`) has ended; for tests and the start-up scan. */
  async finished(id: string): Promise<Scan | null> {
    return this.current?.id === id ? this.current.done : this.d.store.get(id);
  }

  /** On shutdown: the running scan stops after its batch in flight and is stored as interrupted. */
  async close(): Promise<void> {
    this.closed = true;
    const run = this.current;
    if (!run) return;
    run.stop();
    await run.done;
  }

  private launch(scan: Scan, sets: CompiledMonitoringRuleSet[]): void {
    const run = new ScanRun(scan, this.d.source(sets), { store: this.d.store, clients: this.d.clients, monitor: this.d.monitor, clock: this.d.clock, log: this.d.log, throttleMs: this.d.settings.throttleMs });
    this.current = run;
    void run.done.finally(() => {
      if (this.current === run) this.current = null;
    });
  }

  private assertIdle(): void {
    if (this.closed) throw new ServiceUnavailableError('shutting_down', 'The server is stopping; start the scan again once it is back.');
    if (this.current) throw new ConflictError('scan_running', `Scan ${this.current.id} is running; wait for it to finish.`, { id: this.current.id });
  }

  private async markIfDead(s: Scan): Promise<Scan> {
    if (!UNFINISHED_SCAN.includes(s.status) || this.current?.id === s.id) return s;
    const now = this.d.clock.now();
    if (now.getTime() - Date.parse(s.heartbeatAt) < this.d.settings.staleAfterMs) return s;
    const error = { code: 'interrupted', message: `no sign of progress for ${Math.round(this.d.settings.staleAfterMs / 1000)} s: the process running it stopped; resume it to continue` };
    return (await this.d.store.update(s.id, { status: 'interrupted', heartbeatAt: now.toISOString(), error }, UNFINISHED_SCAN)) ?? ((await this.d.store.get(s.id)) as Scan);
  }
}
