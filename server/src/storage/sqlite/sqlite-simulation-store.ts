import type { Statement } from 'better-sqlite3';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import type { ChangedRecord, Simulation, SimulationStatus, SimulationSummary, Upload } from '../../modules/simulations/simulation';
import type { SimulationPatch, SimulationQuery, SimulationStore } from '../../modules/simulations/simulation-store';
import { ConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

type Row = { doc: string; results: string | null; documents: string };

/**
 * Simulations in `simulations`, their changed records in `simulation_changes` and uploads in
 * `simulation_uploads` (see the simulations migration). A run's documents and results live in their own columns so
 * that listing runs never parses them; `doc` holds the rest.
 */
export class SqliteSimulationStore implements SimulationStore {
  private readonly insertSim: Statement;
  private readonly byId: Statement;
  private readonly updateSim: Statement;
  private readonly evidence: Statement;
  private readonly insertChange: Statement;
  private readonly changesAfter: Statement;
  private readonly changeByRecord: Statement;
  private readonly listStatements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.insertSim = db.prepare(
      `INSERT INTO simulations (id, rule_set_key, status, candidate_hash, baseline_hash, heartbeat_at, doc, results, documents)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byId = db.prepare('SELECT doc, results, documents FROM simulations WHERE id = ?');
    this.updateSim = db.prepare('UPDATE simulations SET status = ?, heartbeat_at = ?, doc = ?, results = ? WHERE id = ?');
    this.evidence = db.prepare(
      `SELECT doc, results, documents FROM simulations
       WHERE rule_set_key = ? AND candidate_hash = ? AND baseline_hash = ? AND status = 'completed' ORDER BY id DESC LIMIT 1`,
    );
    this.insertChange = db.prepare('INSERT INTO simulation_changes (simulation_id, seq, record_id, doc) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.changesAfter = db.prepare('SELECT doc FROM simulation_changes WHERE simulation_id = ? AND seq > ? ORDER BY seq LIMIT ?').pluck();
    this.changeByRecord = db.prepare('SELECT doc FROM simulation_changes WHERE simulation_id = ? AND record_id = ? ORDER BY seq LIMIT 1').pluck();
  }

  async insert(sim: Simulation, audit: AuditEvent[]): Promise<Simulation> {
    const { documents, results, ...rest } = sim;
    try {
      immediate(this.db, () => {
        this.insertSim.run(sim.id, sim.ruleSetKey, sim.status, sim.candidate.contentHash, sim.baseline.contentHash, sim.heartbeatAt, JSON.stringify(rest), results ? JSON.stringify(results) : null, JSON.stringify(documents));
        this.audit.appendSync(audit);
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ConflictError('duplicate_id', `Simulation ${sim.id} already exists.`);
      throw e;
    }
    return structuredClone(sim);
  }

  async update(id: string, patch: SimulationPatch, expect: SimulationStatus[], audit: AuditEvent[] = []): Promise<Simulation | null> {
    return immediate(this.db, () => {
      const row = this.byId.get(id) as Row | undefined;
      if (!row) return null;
      const cur = toSimulation(row);
      if (!expect.includes(cur.status)) return null;
      const next: Simulation = { ...cur, ...structuredClone(patch) };
      const { documents: _d, results, ...rest } = next;
      this.updateSim.run(next.status, next.heartbeatAt, JSON.stringify(rest), results ? JSON.stringify(results) : null, id);
      this.audit.appendSync(audit);
      return next;
    });
  }

  async get(id: string): Promise<Simulation | null> {
    const row = this.byId.get(id) as Row | undefined;
    return row ? toSimulation(row) : null;
  }

  async list(q: SimulationQuery): Promise<Page<SimulationSummary>> {
    const limit = pageLimit(q.limit);
    const clauses: { sql: string; value: string }[] = [];
    if (q.ruleSetKey) clauses.push({ sql: 'rule_set_key = ?', value: q.ruleSetKey });
    if (q.status) clauses.push({ sql: 'status = ?', value: q.status });
    if (q.cursor) clauses.push({ sql: 'id < ?', value: q.cursor });
    const where = clauses.length ? `WHERE ${clauses.map((c) => c.sql).join(' AND ')}` : '';
    let stmt = this.listStatements.get(where);
    if (!stmt) this.listStatements.set(where, (stmt = this.db.prepare(`SELECT doc FROM simulations ${where} ORDER BY id DESC LIMIT ?`).pluck()));
    const rows = stmt.all(...clauses.map((c) => c.value), limit + 1) as string[];
    const items = rows.slice(0, limit).map((doc) => JSON.parse(doc) as SimulationSummary);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async latestCompleted(ruleSetKey: string, candidateHash: string, baselineHash: string): Promise<Simulation | null> {
    const row = this.evidence.get(ruleSetKey, candidateHash, baselineHash) as Row | undefined;
    return row ? toSimulation(row) : null;
  }

  async failUnfinished(staleBefore: string, error: { code: string; message: string }, at: string): Promise<number> {
    return immediate(this.db, () => {
      const ids = this.db.prepare("SELECT id FROM simulations WHERE status IN ('queued', 'running') AND heartbeat_at < ?").pluck().all(staleBefore) as string[];
      for (const id of ids) {
        const cur = toSimulation(this.byId.get(id) as Row);
        const { documents: _d, results: _r, ...rest } = cur;
        const doc = { ...rest, status: 'failed', error, finishedAt: at, heartbeatAt: at };
        this.updateSim.run('failed', at, JSON.stringify(doc), null, id);
      }
      return ids.length;
    });
  }

  async appendChanges(simulationId: string, changes: ChangedRecord[]): Promise<void> {
    if (!changes.length) return;
    immediate(this.db, () => {
      for (const c of changes) this.insertChange.run(simulationId, c.seq, c.recordId, JSON.stringify(c));
    });
  }

  async listChanges(simulationId: string, q: { cursor?: string; limit?: number }): Promise<Page<ChangedRecord>> {
    const limit = pageLimit(q.limit);
    const after = q.cursor !== undefined && /^-?\d+$/.test(q.cursor) ? Number(q.cursor) : -1;
    const rows = this.changesAfter.all(simulationId, after, limit + 1) as string[];
    const items = rows.slice(0, limit).map((doc) => JSON.parse(doc) as ChangedRecord);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].seq) : null };
  }

  async getChange(simulationId: string, recordId: string): Promise<ChangedRecord | null> {
    const doc = this.changeByRecord.get(simulationId, recordId) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as ChangedRecord);
  }

  async deleteChanges(simulationId: string): Promise<void> {
    this.db.prepare('DELETE FROM simulation_changes WHERE simulation_id = ?').run(simulationId);
  }

  async insertUpload(upload: Upload, audit: AuditEvent[]): Promise<Upload> {
    try {
      immediate(this.db, () => {
        this.db.prepare('INSERT INTO simulation_uploads (id, created_at, doc) VALUES (?, ?, ?)').run(upload.id, upload.createdAt, JSON.stringify(upload));
        this.audit.appendSync(audit);
      });
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ConflictError('duplicate_id', `Upload ${upload.id} already exists.`);
      throw e;
    }
    return structuredClone(upload);
  }

  async getUpload(id: string): Promise<Upload | null> {
    const doc = this.db.prepare('SELECT doc FROM simulation_uploads WHERE id = ?').pluck().get(id) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as Upload);
  }
}

function toSimulation(row: Row): Simulation {
  return { ...JSON.parse(row.doc), results: row.results ? JSON.parse(row.results) : null, documents: JSON.parse(row.documents) } as Simulation;
}
