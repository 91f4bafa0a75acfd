import type { Statement } from 'better-sqlite3';
import { escalate, reassign, SEVERITY_RANK, severityCounts, worse, type Alert, type AlertNote, type Severity, type SeverityCount } from '../../modules/alerts/alert';
import type { AlertChange, AlertFilter, AlertStore, PageRequest, SignalOutcome, SignalRun } from '../../modules/alerts/alert-store';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

/** Must read exactly as in the partial index `alerts_one_active` (migration 5) for SQLite to use that index. */
const ACTIVE = "status IN ('open', 'acknowledged', 'in_progress')";

type Row = { doc: string; last_seen_at: string; still_firing: number; note_count?: number };

/** What a run needs to know of an active alert. */
type Held = { id: string; rule_id: string; rule_set_key: string; severity: Severity; owner: string | null; still_firing: number };

/** An alert with its sighting (when its signal last fired, whether it still does). */
const SELECT = 'SELECT a.doc, s.last_seen_at, s.still_firing FROM alerts a JOIN alert_sightings s ON s.alert_id = a.id';

/**
 * Alerts in `alerts` (the alert as JSON in `doc`, the filtered fields copied into columns), their sightings in
 * `alert_sightings` (rewritten by every monitoring run, kept out of the alert's row so a run rewrites small rows)
 * and their notes in `alert_notes` (append-only, enforced by triggers). The unique partial index
 * `alerts_one_active` guarantees one active alert per (client, rule id), even for two processes on one file.
 */
export class SqliteAlertStore implements AlertStore {
  private readonly q: Record<'activeOf' | 'insert' | 'insertSighting' | 'touch' | 'stop' | 'replace' | 'byId' | 'notes' | 'lastSeq' | 'addNote' | 'activeHolder' | 'countAll' | 'countOwner', Statement>;
  private readonly listStatements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.q = {
      activeOf: db.prepare(`SELECT a.id, a.rule_id, a.rule_set_key, a.severity, a.owner, s.still_firing FROM alerts a JOIN alert_sightings s ON s.alert_id = a.id WHERE a.client_id = ? AND a.${ACTIVE}`),
      activeHolder: db.prepare(`SELECT id FROM alerts WHERE client_id = ? AND rule_id = ? AND ${ACTIVE}`).pluck(),
      insert: db.prepare(
        'INSERT INTO alerts (id, client_id, rule_id, rule_set_key, severity, status, owner, due_at, revision, doc) VALUES (@id, @client_id, @rule_id, @rule_set_key, @severity, @status, @owner, @due_at, @revision, @doc)',
      ),
      insertSighting: db.prepare('INSERT INTO alert_sightings (alert_id, last_seen_at, still_firing) VALUES (@id, @last_seen_at, @still_firing)'),
      touch: db.prepare('UPDATE alert_sightings SET last_seen_at = ?, still_firing = 1 WHERE alert_id = ?'),
      stop: db.prepare('UPDATE alert_sightings SET still_firing = 0 WHERE alert_id = ?'),
      replace: db.prepare(
        'UPDATE alerts SET rule_set_key = @rule_set_key, severity = @severity, status = @status, owner = @owner, due_at = @due_at, revision = @revision, doc = @doc WHERE id = @id',
      ),
      byId: db.prepare(`${SELECT} WHERE a.id = ?`),
      notes: db.prepare('SELECT doc FROM alert_notes WHERE alert_id = ? ORDER BY seq').pluck(),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) FROM alert_notes WHERE alert_id = ?').pluck(),
      addNote: db.prepare('INSERT INTO alert_notes (alert_id, seq, at, doc) VALUES (?, ?, ?, ?)'),
      // The whole book: a scan of the small partial index alerts_active_counts (migration 7), never of the rows. The
      // planner, left alone, walks alerts_status and reads every active alert's row (~20× slower at 75,000 active
      // alerts), so the index is named. One owner's alerts are few: alerts_owner finds them.
      countAll: db.prepare(`SELECT severity, COUNT(*) AS count, SUM(due_at < ?) AS overdue FROM alerts INDEXED BY alerts_active_counts WHERE ${ACTIVE} GROUP BY severity`),
      countOwner: db.prepare(`SELECT severity, COUNT(*) AS count, SUM(due_at < ?) AS overdue FROM alerts WHERE ${ACTIVE} AND owner = ? GROUP BY severity`),
    };
  }

  async recordSignals(runs: SignalRun[], at: string, audit: (c: AlertChange) => AuditEvent[]): Promise<SignalOutcome[]> {
    return immediate(this.db, () => runs.map((run) => this.recordOne(run, at, audit)));
  }

  /**
   * One client's run. The active alerts are read as their indexed columns only; a document is parsed just for the
   * rare changes that need it (escalation, firing again, stopping), since a run mostly confirms what is stored.
   */
  private recordOne(run: SignalRun, at: string, audit: (c: AlertChange) => AuditEvent[]): SignalOutcome {
    const out: SignalOutcome = { clientId: run.clientId, opened: 0, escalated: 0, stillOpen: 0, stoppedFiring: 0, reassigned: 0, worstActive: null };
    const active = new Map<string, Held>();
    for (const h of this.q.activeOf.all(run.clientId) as Held[]) active.set(h.rule_id, h);
    const full = (h: Held): Alert => alertOf(this.q.byId.get(h.id) as Row);
    const fired = new Set<string>();
    for (const fresh of run.firing) {
      fired.add(fresh.ruleId);
      const held = active.get(fresh.ruleId);
      if (!held) {
        const row = rowOf(fresh);
        this.q.insert.run(row);
        this.q.insertSighting.run(row);
        this.audit.appendSync(audit({ kind: 'opened', alert: fresh }));
        active.set(fresh.ruleId, { id: fresh.id, rule_id: fresh.ruleId, rule_set_key: fresh.ruleSet.key, severity: fresh.severity, owner: fresh.owner, still_firing: 1 });
        out.opened++;
        continue;
      }
      const worse_ = SEVERITY_RANK[fresh.severity] > SEVERITY_RANK[held.severity];
      if (!held.still_firing || worse_) {
        const before = full(held);
        const again: Alert = { ...before, lastSeenAt: at, stillFiring: true };
        if (!held.still_firing) this.audit.appendSync(audit({ kind: 'firing-again', alert: again }));
        if (worse_) {
          const next = escalate(again, fresh, at);
          this.q.replace.run(rowOf(next));
          this.audit.appendSync(audit({ kind: 'escalated', alert: next, before }));
          held.severity = next.severity;
          held.rule_set_key = next.ruleSet.key;
          out.escalated++;
        }
      }
      this.q.touch.run(at, held.id);
      held.still_firing = 1;
      out.stillOpen++;
    }
    const keys = new Set(run.ruleSetKeys);
    for (const h of active.values()) {
      if (!fired.has(h.rule_id) && keys.has(h.rule_set_key) && h.still_firing) {
        this.q.stop.run(h.id);
        this.audit.appendSync(audit({ kind: 'stopped-firing', alert: { ...full(h), stillFiring: false } }));
        out.stoppedFiring++;
      }
      if (run.owner && h.owner !== run.owner.id) {
        const before = full(h);
        const next = reassign(before, run.owner.id, at, run.owner.by);
        this.q.replace.run(rowOf(next));
        this.audit.appendSync(audit({ kind: 'reassigned', alert: next, before }));
        out.reassigned++;
      }
      out.worstActive = worse(out.worstActive, h.severity);
    }
    return out;
  }

  async get(id: string): Promise<Alert | null> {
    const row = this.q.byId.get(id) as Row | undefined;
    if (!row) return null;
    return { ...alertOf(row), notes: (this.q.notes.all(id) as string[]).map((d) => JSON.parse(d) as AlertNote) };
  }

  async list(f: AlertFilter, page: PageRequest): Promise<Page<Alert>> {
    const limit = pageLimit(page.limit);
    const clauses: { sql: string; value?: string }[] = [];
    if (f.owner !== undefined) clauses.push({ sql: 'a.owner = ?', value: f.owner });
    if (f.severity !== undefined) clauses.push({ sql: 'a.severity = ?', value: f.severity });
    if (f.status === 'active') clauses.push({ sql: `a.${ACTIVE}` });
    else if (f.status !== undefined) clauses.push({ sql: 'a.status = ?', value: f.status });
    if (f.clientId !== undefined) clauses.push({ sql: 'a.client_id = ?', value: f.clientId });
    if (f.ruleId !== undefined) clauses.push({ sql: 'a.rule_id = ?', value: f.ruleId });
    if (f.overdueOn !== undefined) clauses.push({ sql: `a.${ACTIVE} AND a.due_at < ?`, value: f.overdueOn });
    if (page.cursor) clauses.push({ sql: 'a.id < ?', value: page.cursor });
    const where = clauses.length ? `WHERE ${clauses.map((c) => c.sql).join(' AND ')}` : '';
    let stmt = this.listStatements.get(where);
    if (!stmt) {
      stmt = this.db.prepare(
        `SELECT a.doc, s.last_seen_at, s.still_firing, (SELECT COUNT(*) FROM alert_notes n WHERE n.alert_id = a.id) AS note_count
         FROM alerts a JOIN alert_sightings s ON s.alert_id = a.id ${where} ORDER BY a.id DESC LIMIT ?`,
      );
      this.listStatements.set(where, stmt);
    }
    const values = clauses.filter((c) => c.value !== undefined).map((c) => c.value as string);
    const rows = stmt.all(...values, limit + 1) as Row[];
    const items = rows.slice(0, limit).map((r) => ({ ...alertOf(r), noteCount: r.note_count ?? 0 }));
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async update(next: Alert, expectedRevision: number, audit: AuditEvent[]): Promise<Alert> {
    return immediate(this.db, () => {
      const row = this.q.byId.get(next.id) as Row | undefined;
      if (!row) throw new NotFoundError('Alert', next.id);
      const cur = alertOf(row);
      if (cur.revision !== expectedRevision) throw new RevisionConflictError(`Alert ${next.id}`, expectedRevision, cur.revision);
      const { notes: _n, noteCount: _c, ...plain } = next;
      const stored: Alert = { ...plain, lastSeenAt: cur.lastSeenAt, stillFiring: cur.stillFiring };
      try {
        this.q.replace.run(rowOf(stored));
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
          const holder = this.q.activeHolder.get(stored.clientId, stored.ruleId) as string | undefined;
          throw new ConflictError('alert_active_exists', `Client ${stored.clientId} already has an active ${stored.ruleId} alert${holder ? ` (${holder})` : ''}.`, { id: holder });
        }
        throw e;
      }
      this.audit.appendSync(audit);
      return stored;
    });
  }

  async addNote(alertId: string, note: Omit<AlertNote, 'seq'>, audit: (n: AlertNote) => AuditEvent[]): Promise<AlertNote> {
    return immediate(this.db, () => {
      if (!this.q.byId.get(alertId)) throw new NotFoundError('Alert', alertId);
      const stored: AlertNote = { ...note, seq: (this.q.lastSeq.get(alertId) as number) + 1 };
      this.q.addNote.run(alertId, stored.seq, stored.at, JSON.stringify(stored));
      this.audit.appendSync(audit(stored));
      return stored;
    });
  }

  async countActive(today: string, owner?: string): Promise<SeverityCount[]> {
    const rows = (owner === undefined ? this.q.countAll.all(today) : this.q.countOwner.all(today, owner)) as SeverityCount[];
    return severityCounts(rows);
  }

  async worstActive(clientId: string): Promise<Severity | null> {
    let w: Severity | null = null;
    for (const h of this.q.activeOf.all(clientId) as Held[]) w = worse(w, h.severity);
    return w;
  }
}

function alertOf(row: Row): Alert {
  return { ...(JSON.parse(row.doc) as Alert), lastSeenAt: row.last_seen_at, stillFiring: row.still_firing === 1 };
}

function rowOf(a: Alert) {
  // The sighting lives in alert_sightings; the document holds the rest.
  const { notes: _n, noteCount: _c, lastSeenAt: _l, stillFiring: _s, ...doc } = a;
  return {
    id: a.id,
    client_id: a.clientId,
    rule_id: a.ruleId,
    rule_set_key: a.ruleSet.key,
    severity: a.severity,
    status: a.status,
    owner: a.owner,
    due_at: a.dueAt,
    revision: a.revision,
    last_seen_at: a.lastSeenAt,
    still_firing: a.stillFiring ? 1 : 0,
    doc: JSON.stringify(doc),
  };
}
