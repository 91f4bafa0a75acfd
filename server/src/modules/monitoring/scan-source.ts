import type { ClientStore } from '../clients/client-store';
import type { ClientFindings } from './client-findings';
import { monitoredClient, type MonitoredClient } from './client-monitor';
import type { ClientEvaluator } from './evaluator';

export interface ScannedBatch {
  clients: MonitoredClient[];
  findings: ClientFindings[];
}

export interface BatchInFlight {
  /** Resolves once the batch is read: its last id (null when empty) and size, so the next batch can start. */
  read: Promise<{ lastId: string | null; count: number }>;
  /** Resolves with the batch's clients and their findings, in id order. */
  result: Promise<ScannedBatch>;
}

/**
 * Where a scan's batches come from and where they are evaluated. `start` walks the register with
 * `scan(after, limit)`; several batches may be in flight (`depth`), each started once the previous one is read.
 */
export interface ScanBatchSource {
  readonly depth: number;
  start(after: string | null, limit: number, asOf: string): BatchInFlight;
  close(): Promise<void>;
}

/**
 * The register read in this thread through its port (any adapter), the batch evaluated by `evaluator` (workers or
 * this thread). Two batches in flight: the next is read while this one is evaluated.
 */
export class StoreScanSource implements ScanBatchSource {
  readonly depth = 2;

  constructor(
    private readonly clients: Pick<ClientStore, 'scan'>,
    private readonly evaluator: ClientEvaluator,
  ) {}

  start(after: string | null, limit: number, asOf: string): BatchInFlight {
    const records = this.clients.scan(after, limit);
    const read = records.then((r) => ({ lastId: r.length ? r[r.length - 1].id : null, count: r.length }));
    const result = records.then(async (r) => ({
      clients: r.map(monitoredClient),
      findings: await this.evaluator.evaluate(r.map((x) => ({ id: x.id, revision: x.revision, profile: x.profile })), asOf),
    }));
    // A failure is reported through `result`; `read` failing as well must not go unhandled.
    read.catch(() => {});
    return { read, result };
  }

  close(): Promise<void> {
    return this.evaluator.close();
  }
}
