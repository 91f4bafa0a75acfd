import type { Statement } from 'better-sqlite3';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import type { Scan, ScanStatus } from '../../modules/monitoring/scan';
import { slotTaken, type ScanPatch, type ScanQuery, type ScanStore } from '../../modules/monitoring/scan-store';
import { ConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

const INTERRUPTED = { code: 'interrupted', message: 'interrupted by a restart; resume it to continue from its checkpoint' };

/** Scans in `monitoring_scans`: the scan as JSON, its status, heartbeat and schedule slot as columns. */
export class SqliteScanStore implements ScanStore {
  private readonly insertRow: Statement;
  private readonly byId: Statement;
  private readonly updateRow: Statement;
  private readonly listStatements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.insertRow = db.prepare('INSERT INTO monitoring_scans (id, status, slot, heartbeat_at, doc) VALUES (?, ?, ?, ?, ?)');
    this.byId = db.prepare('SELECT doc FROM monitoring_scans WHERE id = ?').pluck();
    this.updateRow = db.prepare('UPDATE monitoring_scans SET status = ?, heartbeat_at = ?, doc = ? WHERE id = ?');
  }

  async insert(scan: Scan, audit: AuditEvent[]): Promise<Scan> {
    try {
      immediate(this.db, () => {
        if (this.byId.get(scan.id)) throw new ConflictError('duplicate_id', `Scan ${scan.id} already exists.`);
        this.insertRow.run(scan.id, scan.status, scan.slot, scan.heartbeatAt, JSON.stringify(scan));
        this.audit.appendSync(audit);
      });
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new ConflictError('duplicate_id', `Scan ${scan.id} already exists.`);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' && scan.slot !== null) throw slotTaken(scan.slot);
      throw e;
    }
    return structuredClone(scan);
  }

  async update(id: string, patch: ScanPatch, expect: ScanStatus[], audit: AuditEvent[] = []): Promise<Scan | null> {
    return immediate(this.db, () => {
      const doc = this.byId.get(id) as string | undefined;
      if (!doc) return null;
      const cur = JSON.parse(doc) as Scan;
      if (!expect.includes(cur.status)) return null;
      const next: Scan = { ...cur, ...structuredClone(patch) };
      this.updateRow.run(next.status, next.heartbeatAt, JSON.stringify(next), id);
      this.audit.appendSync(audit);
      return next;
    });
  }

  async get(id: string): Promise<Scan | null> {
    const doc = this.byId.get(id) as string | undefined;
    return doc ? (JSON.parse(doc) as Scan) : null;
  }

  async list(q: ScanQuery): Promise<Page<Scan>> {
    const limit = pageLimit(q.limit);
    const clauses: { sql: string; value: string }[] = [];
    if (q.status) clauses.push({ sql: 'status = ?', value: q.status });
    if (q.cursor) clauses.push({ sql: 'id < ?', value: q.cursor });
    const where = clauses.length ? `WHERE ${clauses.map((c) => c.sql).join(' AND ')}` : '';
    let stmt = this.listStatements.get(where);
    if (!stmt) this.listStatements.set(where, (stmt = this.db.prepare(`SELECT doc FROM monitoring_scans ${where} ORDER BY id DESC LIMIT ?`).pluck()));
    const rows = stmt.all(...clauses.map((c) => c.value), limit + 1) as string[];
    const items = rows.slice(0, limit).map((d) => JSON.parse(d) as Scan);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async markInterrupted(staleBefore: string, at: string): Promise<number> {
    return immediate(this.db, () => {
      const docs = this.db.prepare("SELECT doc FROM monitoring_scans WHERE status IN ('queued', 'running') AND heartbeat_at < ?").pluck().all(staleBefore) as string[];
      for (const doc of docs) {
        const s = JSON.parse(doc) as Scan;
        this.updateRow.run('interrupted', at, JSON.stringify({ ...s, status: 'interrupted', heartbeatAt: at, error: INTERRUPTED }), s.id);
      }
      return docs.length;
    });
  }
}
