import type { ActorRef } from '../../../api/actor';

/** Wire types of the monitoring API (schemas/scan-record, scan-page, scan-status). */

export type ScanStatus = 'queued' | 'running' | 'completed' | 'failed' | 'interrupted';
export const SCAN_UNFINISHED: readonly ScanStatus[] = ['queued', 'running'];

export interface Scan {
  id: string;
  status: ScanStatus;
  trigger: 'manual' | 'schedule' | 'startup';
  slot: string | null;
  requestedBy: ActorRef;
  asOf: string;
  ruleSets: { key: string; version: number; contentHash: string; family: string }[];
  batchSize: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string;
  checkpoint: string | null;
  progress: { processed: number; total: number; ratePerSecond: number; etaSeconds: number | null };
  counts: {
    clients: number;
    signals: { red: number; orange: number; yellow: number; blue: number };
    clientsWithSignals: number;
    alerts: { opened: number; escalated: number; stillOpen: number; stoppedFiring: number };
    segmentsChanged: number;
    skipped: number;
  };
  durationMs: number;
  attempts: number;
  error: { code: string; message: string } | null;
}

export interface MonitoringStatus {
  schedule: { cron: string; nextAt: string | null } | null;
  running: string | null;
  pendingChanges: number;
  ruleSets: { key: string; version: number; family: string }[];
  slaDays: { red: number; orange: number; yellow: number; blue: number };
}
