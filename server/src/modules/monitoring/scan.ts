import type { ActorRef } from '../audit/audit';

/**
 * A monitoring scan: the segmentation and warning rule sets over the whole book, batch by batch in client id order.
 * `checkpoint` is the last client id whose results are written, so an interrupted scan resumes after it.
 */
export const SCAN_STATUSES = ['queued', 'running', 'completed', 'failed', 'interrupted'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];
export const UNFINISHED_SCAN: ScanStatus[] = ['queued', 'running'];

export type ScanTrigger = 'manual' | 'schedule' | 'startup';

export interface ScanCounts {
  /** Clients evaluated (a client whose facts could not be derived is counted under `skipped` instead). */
  clients: number;
  /** Signals fired, by severity. */
  signals: { red: number; orange: number; yellow: number; blue: number };
  clientsWithSignals: number;
  alerts: {
    opened: number;
    escalated: number;
    /** Signals that fired again while their alert was already active. */
    stillOpen: number;
    /** Active alerts whose signal no longer fires (they stay active until a person closes them). */
    stoppedFiring: number;
  };
  /** Clients whose tier, tags, class, stage or risk level changed (each with a history entry). */
  segmentsChanged: number;
  /** Clients left out: facts not derivable, or the profile changed meanwhile (its change is evaluated on its own). */
  skipped: number;
}

export interface ScanProgress {
  processed: number;
  /** Clients in the register when the scan (or its latest resumption) started. */
  total: number;
  /** Clients per second in the current attempt. */
  ratePerSecond: number;
  /** Seconds left at that rate; null before the first batch. */
  etaSeconds: number | null;
}

export interface Scan {
  /** `scn_…` */
  id: string;
  status: ScanStatus;
  trigger: ScanTrigger;
  /** For scheduled scans, the cron minute it fills (unique: one scan per slot across instances). */
  slot: string | null;
  requestedBy: ActorRef;
  /** The day facts are derived for (YYYY-MM-DD). */
  asOf: string;
  /** The versions evaluated, fixed when the scan starts: a resumed scan goes on with the same ones. */
  ruleSets: { key: string; version: number; contentHash: string; family: string }[];
  batchSize: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string;
  checkpoint: string | null;
  progress: ScanProgress;
  counts: ScanCounts;
  /** Running time over all attempts. */
  durationMs: number;
  /** 1 for the first run, +1 per resumption. */
  attempts: number;
  error: { code: string; message: string } | null;
}

export function emptyCounts(): ScanCounts {
  return { clients: 0, signals: { red: 0, orange: 0, yellow: 0, blue: 0 }, clientsWithSignals: 0, alerts: { opened: 0, escalated: 0, stillOpen: 0, stoppedFiring: 0 }, segmentsChanged: 0, skipped: 0 };
}

export function addCounts(a: ScanCounts, b: ScanCounts): ScanCounts {
  return {
    clients: a.clients + b.clients,
    signals: { red: a.signals.red + b.signals.red, orange: a.signals.orange + b.signals.orange, yellow: a.signals.yellow + b.signals.yellow, blue: a.signals.blue + b.signals.blue },
    clientsWithSignals: a.clientsWithSignals + b.clientsWithSignals,
    alerts: {
      opened: a.alerts.opened + b.alerts.opened,
      escalated: a.alerts.escalated + b.alerts.escalated,
      stillOpen: a.alerts.stillOpen + b.alerts.stillOpen,
      stoppedFiring: a.alerts.stoppedFiring + b.alerts.stoppedFiring,
    },
    segmentsChanged: a.segmentsChanged + b.segmentsChanged,
    skipped: a.skipped + b.skipped,
  };
}
