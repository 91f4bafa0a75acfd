import { escalate, isActive, reassign, SEVERITY_RANK, severityCounts, worse, type Alert, type AlertNote, type Severity, type SeverityCount } from '../../modules/alerts/alert';
import type { AlertChange, AlertFilter, AlertStore, PageRequest, SignalOutcome, SignalRun } from '../../modules/alerts/alert-store';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import type { MemoryAuditStore } from './memory-audit-store';
import { clone, pageLimit } from './memory-util';

/** In-memory fake for service tests. Each method runs without awaiting inside, so it is atomic like a transaction. */
export class MemoryAlertStore implements AlertStore {
  private readonly alerts = new Map<string, Alert>();
  /** `clientId ruleId` → id of the active alert: the one-active-alert promise. */
  private readonly active = new Map<string, string>();
  private readonly notes = new Map<string, AlertNote[]>();

  constructor(private readonly audit: MemoryAuditStore) {}

  async recordSignals(runs: SignalRun[], at: string, audit: (c: AlertChange) => AuditEvent[]): Promise<SignalOutcome[]> {
    // Work on copies and commit at the end, so a throwing audit callback leaves nothing half-applied.
    const writes = new Map<string, Alert>();
    const events: AuditEvent[] = [];
    const current = (id: string) => writes.get(id) ?? (this.alerts.get(id) as Alert);
    const outcomes = runs.map((run) => {
      const out: SignalOutcome = { clientId: run.clientId, opened: 0, escalated: 0, stillOpen: 0, stoppedFiring: 0, reassigned: 0, worstActive: null };
      const fired = new Set<string>();
      for (const fresh of run.firing) {
        fired.add(fresh.ruleId);
        const heldId = this.active.get(key(run.clientId, fresh.ruleId)) ?? [...writes.values()].find((w) => w.clientId === run.clientId && w.ruleId === fresh.ruleId && isActive(w.status))?.id;
        if (!heldId) {
          const a = clone(fresh);
          writes.set(a.id, a);
          events.push(...audit({ kind: 'opened', alert: clone(a) }));
          out.opened++;
          continue;
        }
        const before = current(heldId);
        let next: Alert = { ...before, lastSeenAt: at, stillFiring: true };
        if (!before.stillFiring) events.push(...audit({ kind: 'firing-again', alert: clone(next) }));
        if (SEVERITY_RANK[fresh.severity] > SEVERITY_RANK[before.severity]) {
          next = escalate(next, fresh, at);
          events.push(...audit({ kind: 'escalated', alert: clone(next), before: clone(before) }));
          out.escalated++;
        }
        writes.set(heldId, next);
        out.stillOpen++;
      }
      const keys = new Set(run.ruleSetKeys);
      for (const a of this.activeOf(run.clientId, writes)) {
        if (fired.has(a.ruleId) || !keys.has(a.ruleSet.key) || !a.stillFiring) continue;
        const next = { ...a, stillFiring: false };
        writes.set(a.id, next);
        events.push(...audit({ kind: 'stopped-firing', alert: clone(next) }));
        out.stoppedFiring++;
      }
      for (const a of this.activeOf(run.clientId, writes)) {
        if (!run.owner || a.owner === run.owner.id) continue;
        const next = reassign(a, run.owner.id, at, run.owner.by);
        writes.set(a.id, next);
        events.push(...audit({ kind: 'reassigned', alert: clone(next), before: clone(a) }));
        out.reassigned++;
      }
      for (const a of this.activeOf(run.clientId, writes)) out.worstActive = worse(out.worstActive, a.severity);
      return out;
    });
    for (const a of writes.values()) this.put(a);
    this.audit.appendSync(events);
    return outcomes;
  }

  async get(id: string): Promise<Alert | null> {
    const a = this.alerts.get(id);
    return a ? { ...clone(a), notes: clone(this.notes.get(id) ?? []) } : null;
  }

  async list(f: AlertFilter, page: PageRequest): Promise<Page<Alert>> {
    const limit = pageLimit(page.limit);
    const matches = [...this.alerts.values()].filter((a) => matches_(a, f) && (!page.cursor || a.id < page.cursor)).sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = matches.slice(0, limit).map((a) => ({ ...clone(a), noteCount: this.notes.get(a.id)?.length ?? 0 }));
    return { items, nextCursor: matches.length > limit ? items[items.length - 1].id : null };
  }

  async update(next: Alert, expectedRevision: number, audit: AuditEvent[]): Promise<Alert> {
    const cur = this.alerts.get(next.id);
    if (!cur) throw new NotFoundError('Alert', next.id);
    if (cur.revision !== expectedRevision) throw new RevisionConflictError(`Alert ${next.id}`, expectedRevision, cur.revision);
    const { notes: _n, noteCount: _c, ...plain } = clone(next);
    const stored: Alert = { ...plain, lastSeenAt: cur.lastSeenAt, stillFiring: cur.stillFiring };
    if (isActive(stored.status)) {
      const holder = this.active.get(key(stored.clientId, stored.ruleId));
      if (holder && holder !== stored.id) throw new ConflictError('alert_active_exists', `Client ${stored.clientId} already has an active ${stored.ruleId} alert (${holder}).`, { id: holder });
    }
    this.put(stored);
    this.audit.appendSync(audit);
    return clone(stored);
  }

  async addNote(alertId: string, note: Omit<AlertNote, 'seq'>, audit: (n: AlertNote) => AuditEvent[]): Promise<AlertNote> {
    if (!this.alerts.has(alertId)) throw new NotFoundError('Alert', alertId);
    const list = this.notes.get(alertId) ?? [];
    const stored: AlertNote = { ...clone(note), seq: list.length + 1 };
    const events = audit(clone(stored));
    list.push(stored);
    this.notes.set(alertId, list);
    this.audit.appendSync(events);
    return clone(stored);
  }

  async countActive(today: string, owner?: string): Promise<SeverityCount[]> {
    const by = new Map<Severity, SeverityCount>();
    for (const a of this.alerts.values()) {
      if (!isActive(a.status) || (owner !== undefined && a.owner !== owner)) continue;
      const c = by.get(a.severity) ?? { severity: a.severity, count: 0, overdue: 0 };
      c.count++;
      if (a.dueAt < today) c.overdue++;
      by.set(a.severity, c);
    }
    return severityCounts(by.values());
  }

  async worstActive(clientId: string): Promise<Severity | null> {
    let w: Severity | null = null;
    for (const a of this.activeOf(clientId, new Map())) w = worse(w, a.severity);
    return w;
  }

  private activeOf(clientId: string, writes: Map<string, Alert>): Alert[] {
    const out = new Map<string, Alert>();
    for (const a of this.alerts.values()) if (a.clientId === clientId) out.set(a.id, a);
    for (const a of writes.values()) if (a.clientId === clientId) out.set(a.id, a);
    return [...out.values()].filter((a) => isActive(a.status));
  }

  private put(a: Alert): void {
    const k = key(a.clientId, a.ruleId);
    if (this.active.get(k) === a.id && !isActive(a.status)) this.active.delete(k);
    if (isActive(a.status)) this.active.set(k, a.id);
    this.alerts.set(a.id, a);
  }
}

const key = (clientId: string, ruleId: string) => `${clientId} ${ruleId}`;

function matches_(a: Alert, f: AlertFilter): boolean {
  if (f.owner !== undefined && a.owner !== f.owner) return false;
  if (f.severity !== undefined && a.severity !== f.severity) return false;
  if (f.status !== undefined && (f.status === 'active' ? !isActive(a.status) : a.status !== f.status)) return false;
  if (f.clientId !== undefined && a.clientId !== f.clientId) return false;
  if (f.ruleId !== undefined && a.ruleId !== f.ruleId) return false;
  if (f.overdueOn !== undefined && !(isActive(a.status) && a.dueAt < f.overdueOn)) return false;
  return true;
}
