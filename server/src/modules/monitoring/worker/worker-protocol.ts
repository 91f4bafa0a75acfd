import type { ClientFindings, ClientInput } from '../client-findings';
import type { MonitoredClient } from '../client-monitor';
import type { MonitoringRuleSet } from '../monitoring-rules';

/** workerData: the versions to evaluate with (documents, compiled once in the worker). */
export interface MonitorWorkerInit {
  ruleSets: MonitoringRuleSet[];
  /** The embedded store's file: the worker then reads scan batches itself, on a read-only connection. */
  sqliteFile?: string;
}

export type ToMonitorWorker =
  | { type: 'evaluate'; seq: number; asOf: string; clients: ClientInput[] }
  | { type: 'scan'; seq: number; asOf: string; after: string | null; limit: number }
  | { type: 'read-ids'; seq: number; asOf: string; ids: string[] };

export type FromMonitorWorker =
  | { type: 'result'; seq: number; findings: ClientFindings[] }
  | { type: 'read'; seq: number; lastId: string | null; count: number }
  | { type: 'scanned'; seq: number; clients: MonitoredClient[]; findings: ClientFindings[] }
  | { type: 'error'; seq: number; message: string };
