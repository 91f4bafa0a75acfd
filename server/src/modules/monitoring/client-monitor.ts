import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Actor } from '../../shared/actor';
import { actorRef } from '../../shared/actor';
import type { Clock } from '../../shared/clock';
import { newId } from '../../shared/ids';
import type { BusinessCalendar, SlaDays } from '../alerts/alert';
import type { AlertService } from '../alerts/alert-service';
import type { SignalRun } from '../alerts/alert-store';
import { alertFromSignal } from '../alerts/signal';
import { auditEvent, type ActorRef } from '../audit/audit';
import { segmentValues, type ClientRecord, type SegmentChange, type SegmentValues } from '../clients/client';
import type { ClientStore, SegmentWrite } from '../clients/client-store';
import type { ClientFindings, RuleSetRun } from './client-findings';
import { emptyCounts, type ScanCounts } from './scan';

/**
 * Clients per alert transaction. A scan batch is written in several transactions, with the event loop served in
 * between: one transaction for 2,000 clients (some 6,000 alerts and their audit events) would hold the main thread
 * for seconds, and SQLite's writes are synchronous.
 */
const ALERT_CHUNK = 100;
/**
 * Segment changes per store call (one transaction on the embedded store). A first scan changes every client's
 * segments: one transaction each cost about half a millisecond of commit per client.
 */
const SEGMENT_CHUNK = 200;

/** The system actor monitoring acts as: it opens alerts and sets segments; people are named in the trigger. */
export const MONITORING_ACTOR: Actor = { kind: 'system', id: 'monitoring', name: 'monitoring', roles: ['system'], permissions: new Set() };

/** What made monitoring look at a client: a scan, or a change to its data (who changed what). */
export type Trigger = { kind: 'scan'; scanId: string } | { kind: 'change'; action: string; by: ActorRef; importId?: string } | { kind: 'alert-closed'; by: ActorRef };

/**
 * A classification history entry as monitoring writes it: the register's SegmentChange plus where it came from —
 * which rule sets fired which rules, what triggered the run, and which revision of the profile (changed by whom,
 * when) the facts were derived from. The extra fields are stored with the entry as they are.
 */
export interface MonitoringSegmentChange extends SegmentChange {
  ruleSets: RuleSetRun[];
  trigger: Trigger;
  data: { revision: number; updatedAt: string; updatedBy: ActorRef };
}

/** What writing a client's results needs of its record (a scan worker sends only this back, not the profile). */
export interface MonitoredClient {
  id: string;
  revision: number;
  name: string;
  relationshipManager: string | null;
  segments: ClientRecord['segments'];
  updatedAt: string;
  updatedBy: ActorRef;
}

export function monitoredClient(r: ClientRecord): MonitoredClient {
  return { id: r.id, revision: r.revision, name: r.profile.name, relationshipManager: r.profile.relationshipManager ?? null, segments: r.segments, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
}

export interface MonitorItem {
  client: MonitoredClient;
  findings: ClientFindings;
  trigger: Trigger;
}

export interface ClientMonitorDeps {
  clients: Pick<ClientStore, 'get' | 'setSegments' | 'setSegmentsMany'>;
  alerts: AlertService;
  clock: Clock;
  sla: SlaDays;
  calendar?: BusinessCalendar;
}

/**
 * Writes what the rule sets concluded: alerts first (one store call for the whole batch, in one transaction), then
 * each client's segments — tier, tags, class, stage from the segmentation sets and the risk level (the worst active
 * alert) — but only when one of them changed, with a history entry and an audit event in the same transaction.
 * Segments are compare-and-set on the profile revision the facts came from: a profile edited meanwhile is left to
 * the evaluation its own change triggers.
 */
export class ClientMonitor {
  constructor(private readonly d: ClientMonitorDeps) {}

  async apply(items: MonitorItem[]): Promise<ScanCounts> {
    const at = this.d.clock.now().toISOString();
    const counts = emptyCounts();
    const runs: SignalRun[] = [];
    const ok = items.filter((i) => i.findings.error === null);
    counts.skipped = items.length - ok.length;
    for (const { client, findings: f, trigger } of ok) {
      counts.clients++;
      for (const s of f.signals) counts.signals[s.severity]++;
      if (f.signals.length) counts.clientsWithSignals++;
      if (!f.warning.length) continue;
      const ctx = { clientId: client.id, clientName: client.name, owner: client.relationshipManager, at, by: actorRef(MONITORING_ACTOR), source: sourceOf(trigger), sla: this.d.sla, calendar: this.d.calendar };
      // The owner is the client's RM: active alerts follow a change of RM (and a scan mends any that drifted).
      runs.push({ clientId: client.id, ruleSetKeys: f.warning.map((w) => w.key), firing: f.signals.map((s) => alertFromSignal(s, ctx)), owner: { id: client.relationshipManager, by: ctx.by } });
    }
    const worst = new Map<string, SegmentValues['riskLevel']>();
    for (let i = 0; i < runs.length; i += ALERT_CHUNK) {
      if (i > 0) await yieldToLoop();
      for (const o of await this.d.alerts.recordSignals(runs.slice(i, i + ALERT_CHUNK), at, MONITORING_ACTOR)) {
        counts.alerts.opened += o.opened;
        counts.alerts.escalated += o.escalated;
        counts.alerts.stillOpen += o.stillOpen;
        counts.alerts.stoppedFiring += o.stoppedFiring;
        worst.set(o.clientId, o.worstActive);
      }
    }
    const writes: SegmentWrite[] = [];
    for (const item of ok) {
      const before = segmentValues(item.client.segments);
      const after: SegmentValues = { ...before, ...item.findings.segments };
      if (worst.has(item.client.id)) after.riskLevel = worst.get(item.client.id) ?? null;
      if (!same(before, after)) writes.push(this.segmentWrite(item.client, before, after, item.findings, item.trigger, at, item.findings.revision));
    }
    for (let i = 0; i < writes.length; i += SEGMENT_CHUNK) {
      if (i > 0) await yieldToLoop();
      // false: the profile changed meanwhile (its own change runs monitoring again) or the client is gone.
      for (const written of await this.d.clients.setSegmentsMany(writes.slice(i, i + SEGMENT_CHUNK))) {
        if (written) counts.segmentsChanged++;
        else counts.skipped++;
      }
    }
    return counts;
  }

  /** After a person closed an alert: the client's risk level is its worst remaining active alert. */
  async refreshRiskLevel(clientId: string, by: Actor): Promise<void> {
    const record = await this.d.clients.get(clientId);
    if (!record) return;
    const riskLevel = await this.d.alerts.worstActive(clientId);
    const before = segmentValues(record.segments);
    if (before.riskLevel === riskLevel) return;
    const at = this.d.clock.now().toISOString();
    const empty: ClientFindings = { clientId, revision: record.revision, segments: {}, segmentation: [], warning: [], signals: [], error: null };
    await this.d.clients.setSegmentsMany([this.segmentWrite(monitoredClient(record), before, { ...before, riskLevel }, empty, { kind: 'alert-closed', by: actorRef(by) }, at, undefined)]);
  }

  /** The segment change for one client, with its history entry (where it came from) and audit event. */
  private segmentWrite(record: MonitoredClient, before: SegmentValues, after: SegmentValues, f: ClientFindings, trigger: Trigger, at: string, expectedRevision: number | undefined): SegmentWrite {
    const by = actorRef(MONITORING_ACTOR);
    const runs = [...f.segmentation, ...f.warning];
    const reason = describe(runs, trigger, record, after.riskLevel !== before.riskLevel ? after.riskLevel : undefined);
    const change: MonitoringSegmentChange = {
      id: newId('cls'),
      clientId: record.id,
      at,
      by,
      before,
      after,
      reason,
      ...(f.segmentation[0] ? { ruleSet: { key: f.segmentation[0].key, version: f.segmentation[0].version } } : {}),
      ruleSets: runs,
      trigger,
      data: { revision: record.revision, updatedAt: record.updatedAt, updatedBy: record.updatedBy },
    };
    const audit = [auditEvent(MONITORING_ACTOR, 'client.segments-changed', { type: 'client', id: record.id }, { before, after, comment: reason }, at)];
    return { id: record.id, update: { values: after, at, by, change, expectedRevision }, audit };
  }
}

function sourceOf(t: Trigger) {
  return t.kind === 'scan' ? { scanId: t.scanId } : t.kind === 'change' ? { change: t.action } : {};
}

function same(a: SegmentValues, b: SegmentValues): boolean {
  return a.tier === b.tier && a.class5 === b.class5 && a.ifrs9Stage === b.ifrs9Stage && a.riskLevel === b.riskLevel && JSON.stringify(a.tags) === JSON.stringify(b.tags);
}

/** One line for people: which versions fired which rules, after what. */
function describe(runs: RuleSetRun[], t: Trigger, r: MonitoredClient, riskLevel: SegmentValues['riskLevel'] | undefined): string {
  const sets = runs.map((x) => `${x.key}@${x.version}: ${x.firedRules.length ? x.firedRules.slice(0, 12).join(', ') + (x.firedRules.length > 12 ? ` and ${x.firedRules.length - 12} more` : '') : 'no rule fired'}`);
  const why =
    t.kind === 'scan'
      ? `monitoring scan ${t.scanId}`
      : t.kind === 'change'
        ? `${t.action} by ${t.by.name}${t.importId ? ` (import ${t.importId})` : ''}`
        : `an alert closed by ${t.by.name}`;
  const risk = riskLevel !== undefined ? `; risk level ${riskLevel ?? 'none'} (worst active alert)` : '';
  return `${why}, profile revision ${r.revision} (changed by ${r.updatedBy.name} at ${r.updatedAt})${sets.length ? `: ${sets.join('; ')}` : ''}${risk}`;
}
