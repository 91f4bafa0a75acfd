import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import { evaluateClient, type ClientFindings, type ClientInput, type EvaluableRuleSet } from './client-findings';
import type { CompiledMonitoringRuleSet } from './monitoring-rules';
import type { ClientStore } from '../clients/client-store';
import { StoreScanSource, type ScanBatchSource, type ScannedBatch } from './scan-source';
import { MonitorWorkers } from './worker/monitor-workers';

/** Evaluates clients with a fixed set of rule-set versions: in this thread, or in worker threads for scans. */
export interface ClientEvaluator {
  evaluate(clients: ClientInput[], asOf: string): Promise<ClientFindings[]>;
  /** Where the evaluator can read the store itself (worker threads on the embedded store): by id, records and findings. */
  evaluateIds?: (ids: string[], asOf: string) => Promise<ScannedBatch>;
  close(): Promise<void>;
}

/** Slice of main-thread work between two turns of the event loop, so requests are served during long batches. */
const SLICE_MS = 15;

/**
 * In the main thread, yielding to the event loop every few milliseconds (derive() costs about a millisecond per
 * client). Used for data changes — a few clients at a time — and where worker threads are switched off.
 */
export class InlineEvaluator implements ClientEvaluator {
  constructor(private readonly sets: readonly EvaluableRuleSet[]) {}

  async evaluate(clients: ClientInput[], asOf: string): Promise<ClientFindings[]> {
    const out: ClientFindings[] = [];
    let slice = performance.now();
    for (const c of clients) {
      out.push(evaluateClient(c, this.sets, asOf));
      if (performance.now() - slice > SLICE_MS) {
        await yieldToLoop();
        slice = performance.now();
      }
    }
    return out;
  }

  async close(): Promise<void> {}
}

/**
 * Worker threads for batches worth their start-up (a scan batch, an import's changes), the main thread for a
 * handful of changed clients. `workers` 0 keeps everything in the main thread.
 */
export function evaluatorFactory(workers: number, minClientsForWorkers = 200, sqliteFile: string | null = null) {
  return (sets: CompiledMonitoringRuleSet[], clients: number): ClientEvaluator =>
    workers > 0 && clients >= minClientsForWorkers ? new MonitorWorkers(sets, workers, sqliteFile ?? undefined) : new InlineEvaluator(sets);
}

/**
 * A scan's batch source. On the embedded store with workers, each worker reads its batches from the SQLite file
 * itself (the profiles are parsed once, in the worker, and the main thread only writes results); otherwise the
 * main thread reads through the ClientStore port and hands the profiles to the evaluator.
 */
export function scanSourceFactory(o: { workers: number; sqliteFile: string | null; clients: Pick<ClientStore, 'scan'>; evaluator: (sets: CompiledMonitoringRuleSet[], clients: number) => ClientEvaluator; batchSize: number }) {
  return (sets: CompiledMonitoringRuleSet[]): ScanBatchSource =>
    o.workers > 0 && o.sqliteFile ? new MonitorWorkers(sets, o.workers, o.sqliteFile) : new StoreScanSource(o.clients, o.evaluator(sets, o.batchSize));
}
