import type { ClientSession } from 'mongodb';
import type { AnyBulkWriteOperation, Connection, QueryFilter } from 'mongoose';
import { ACTIVE_STATUSES, escalate, reassign, isActive, SEVERITY_RANK, severityCounts, worse, type Alert, type AlertNote, type Severity, type SeverityCount } from '../../modules/alerts/alert';
import type { AlertChange, AlertFilter, AlertStore, PageRequest, SignalOutcome, SignalRun } from '../../modules/alerts/alert-store';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import { ALERT_ONE_ACTIVE_INDEX, type AlertDoc, type AlertModel, type AlertNoteModel } from './alert-models';
import type { MongoAuditStore } from './mongo-audit-store';
import { int, isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';

const docOf = (a: Alert): AlertDoc => {
  const { notes: _n, noteCount: _c, ...rest } = plain(a);
  return { ...rest, active: isActive(a.status) };
};
const alertOf = (d: unknown): Alert => strip<Alert>(d, ['active']);

/**
 * Alerts in `alerts` (with `active`, the field of the partial unique index that keeps one active alert per
 * client and signal) and notes in `alert_notes`. A batch of monitoring results is one transaction: the active
 * alerts of its clients are read with one query, and the inserts and updates go out as one bulk write.
 */
export class MongoAlertStore implements AlertStore {
  constructor(
    private readonly conn: Connection,
    private readonly alerts: AlertModel,
    private readonly notes: AlertNoteModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async recordSignals(runs: SignalRun[], at: string, audit: (c: AlertChange) => AuditEvent[]): Promise<SignalOutcome[]> {
    // A concurrent scan on another instance may insert the same (client, signal) first: the unique index aborts
    // this transaction, and running it again reads that alert as active and updates it instead.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.conn.transaction((session) => this.recordIn(session, runs, at, audit), TRANSACTION_OPTIONS);
      } catch (e) {
        if (!isDuplicateKey(e, ALERT_ONE_ACTIVE_INDEX) || attempt >= 3) throw e;
      }
    }
  }

  private async recordIn(session: ClientSession, runs: SignalRun[], at: string, audit: (c: AlertChange) => AuditEvent[]): Promise<SignalOutcome[]> {
    const ids = runs.map((r) => str(r.clientId, 'clientId'));
    const found = await this.alerts.find({ clientId: { $in: ids }, active: true }, null, { session }).lean();
    const byClient = new Map<string, Map<string, Alert>>();
    for (const d of found) {
      const a = alertOf(d);
      if (!byClient.has(a.clientId)) byClient.set(a.clientId, new Map());
      byClient.get(a.clientId)!.set(a.ruleId, a);
    }
    const ops: AnyBulkWriteOperation<AlertDoc>[] = [];
    const events: AuditEvent[] = [];
    const outcomes = runs.map((run) => {
      const out: SignalOutcome = { clientId: run.clientId, opened: 0, escalated: 0, stillOpen: 0, stoppedFiring: 0, reassigned: 0, worstActive: null };
      const active = byClient.get(run.clientId) ?? new Map<string, Alert>();
      const fired = new Set<string>();
      for (const fresh of run.firing) {
        fired.add(fresh.ruleId);
        const held = active.get(fresh.ruleId);
        if (!held) {
          ops.push({ insertOne: { document: docOf(fresh) } });
          events.push(...audit({ kind: 'opened', alert: fresh }));
          active.set(fresh.ruleId, fresh);
          out.opened++;
          continue;
        }
        let next: Alert = { ...held, lastSeenAt: at, stillFiring: true };
        if (!held.stillFiring) events.push(...audit({ kind: 'firing-again', alert: next }));
        if (SEVERITY_RANK[fresh.severity] > SEVERITY_RANK[held.severity]) {
          next = escalate(next, fresh, at);
          ops.push({ replaceOne: { filter: { id: held.id }, replacement: docOf(next) } });
          events.push(...audit({ kind: 'escalated', alert: next, before: held }));
          out.escalated++;
        } else ops.push({ updateOne: { filter: { id: held.id }, update: { $set: { lastSeenAt: at, stillFiring: true } } } });
        active.set(fresh.ruleId, next);
        out.stillOpen++;
      }
      const keys = new Set(run.ruleSetKeys);
      for (const a of active.values()) {
        if (!fired.has(a.ruleId) && keys.has(a.ruleSet.key) && a.stillFiring) {
          ops.push({ updateOne: { filter: { id: a.id }, update: { $set: { stillFiring: false } } } });
          events.push(...audit({ kind: 'stopped-firing', alert: { ...a, stillFiring: false } }));
          out.stoppedFiring++;
        }
        if (run.owner && a.owner !== run.owner.id) {
          // Inserted in this run (not yet in the store) or already there: either way the owner and revision move.
          const next = reassign(a, run.owner.id, at, run.owner.by);
          ops.push({ updateOne: { filter: { id: a.id }, update: { $set: { owner: next.owner, revision: next.revision, updatedAt: next.updatedAt, updatedBy: next.updatedBy } } } });
          events.push(...audit({ kind: 'reassigned', alert: next, before: a }));
          out.reassigned++;
        }
        out.worstActive = worse(out.worstActive, a.severity);
      }
      return out;
    });
    if (ops.length) await this.alerts.bulkWrite(ops, { session, ordered: true });
    await this.audit.appendIn(session, events);
    return outcomes;
  }

  async get(id: string): Promise<Alert | null> {
    const d = await this.alerts.findOne({ id: str(id, 'id') }).lean();
    if (!d) return null;
    const notes = await this.notes.find({ alertId: id }).sort({ seq: 1 }).lean();
    return { ...alertOf(d), notes: notes.map((n) => strip<AlertNote>(n, ['alertId'])) };
  }

  async list(f: AlertFilter, page: PageRequest): Promise<Page<Alert>> {
    const limit = pageLimit(page.limit);
    const and: QueryFilter<AlertDoc>[] = [];
    if (f.owner !== undefined) and.push({ owner: str(f.owner, 'owner') });
    if (f.severity !== undefined) and.push({ severity: str(f.severity, 'severity') as Severity });
    if (f.status === 'active') and.push({ active: true });
    else if (f.status !== undefined) and.push({ status: str(f.status, 'status') as Alert['status'] });
    if (f.clientId !== undefined) and.push({ clientId: str(f.clientId, 'clientId') });
    if (f.ruleId !== undefined) and.push({ ruleId: str(f.ruleId, 'ruleId') });
    if (f.overdueOn !== undefined) and.push({ active: true, dueAt: { $lt: str(f.overdueOn, 'overdueOn') } });
    if (page.cursor) and.push({ id: { $lt: str(page.cursor, 'cursor') } });
    const docs = await this.alerts.find(and.length ? { $and: and } : {}).sort({ id: -1 }).limit(limit + 1).lean();
    const items = docs.slice(0, limit).map(alertOf);
    const counts = await this.notes.aggregate<{ _id: string; n: number }>([{ $match: { alertId: { $in: items.map((a) => a.id) } } }, { $group: { _id: '$alertId', n: { $sum: 1 } } }]);
    const n = new Map(counts.map((c) => [c._id, c.n]));
    return { items: items.map((a) => ({ ...a, noteCount: n.get(a.id) ?? 0 })), nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async update(next: Alert, expectedRevision: number, audit: AuditEvent[]): Promise<Alert> {
    try {
      return await this.conn.transaction(async (session) => {
        const cur = await this.alerts.findOne({ id: str(next.id, 'id') }, null, { session }).lean();
        if (!cur) throw new NotFoundError('Alert', next.id);
        if (cur.revision !== int(expectedRevision, 'expectedRevision')) throw new RevisionConflictError(`Alert ${next.id}`, expectedRevision, cur.revision);
        const stored: Alert = { ...alertOf(next), lastSeenAt: cur.lastSeenAt, stillFiring: cur.stillFiring };
        const res = await this.alerts.replaceOne({ id: next.id, revision: expectedRevision }, docOf(stored), { session });
        if (res.matchedCount !== 1) throw new RevisionConflictError(`Alert ${next.id}`, expectedRevision, undefined);
        await this.audit.appendIn(session, audit);
        return stored;
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e, ALERT_ONE_ACTIVE_INDEX)) throw new ConflictError('alert_active_exists', `Client ${next.clientId} already has an active ${next.ruleId} alert.`);
      throw e;
    }
  }

  async addNote(alertId: string, note: Omit<AlertNote, 'seq'>, audit: (n: AlertNote) => AuditEvent[]): Promise<AlertNote> {
    try {
      return await this.conn.transaction(async (session) => {
        if (!(await this.alerts.exists({ id: str(alertId, 'alertId') }).session(session))) throw new NotFoundError('Alert', alertId);
        const last = await this.notes.findOne({ alertId }, { seq: 1 }, { session }).sort({ seq: -1 }).lean();
        const stored: AlertNote = { ...plain(note), seq: (last?.seq ?? 0) + 1 };
        await this.notes.create([{ ...stored, alertId }], { session });
        await this.audit.appendIn(session, audit(stored));
        return stored;
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      // Two notes at the same instant took the same number; the unique (alertId, seq) index refused the second.
      if (isDuplicateKey(e)) throw new ConflictError('note_conflict', 'Another note was added to this alert at the same moment; send yours again.');
      throw e;
    }
  }

  /** One $group over the active alerts (the `active` flag the partial unique index keeps), optionally of one owner. */
  async countActive(today: string, owner?: string): Promise<SeverityCount[]> {
    const match: QueryFilter<AlertDoc> = { active: true };
    if (owner !== undefined) match.owner = str(owner, 'owner');
    const day = str(today, 'today');
    const groups = await this.alerts.aggregate<{ _id: Severity; count: number; overdue: number }>([
      { $match: match },
      { $group: { _id: '$severity', count: { $sum: 1 }, overdue: { $sum: { $cond: [{ $lt: ['$dueAt', day] }, 1, 0] } } } },
    ]);
    return severityCounts(groups.map((g) => ({ severity: g._id, count: g.count, overdue: g.overdue })));
  }

  async worstActive(clientId: string): Promise<Severity | null> {
    const docs = await this.alerts.find({ clientId: str(clientId, 'clientId'), status: { $in: [...ACTIVE_STATUSES] } }, { severity: 1 }).lean();
    return docs.reduce<Severity | null>((w, d) => worse(w, d.severity), null);
  }
}
