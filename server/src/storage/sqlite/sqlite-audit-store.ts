import type { Statement } from 'better-sqlite3';
import type { AuditEvent, AuditQuery, Page } from '../../modules/audit/audit';
import type { AuditStore } from '../../modules/audit/audit-store';
import { pageLimit } from '../memory/memory-util';
import { immediate, type SqliteDatabase } from './database';

/** One optional filter: the SQL fragment (fixed text, `?` placeholders only) and the values it binds. */
type Clause = { sql: string; values: string[] };

/**
 * The audit trail in `audit_events`. There is deliberately no UPDATE or DELETE statement in this file (and the
 * table's triggers refuse them): other stores call `appendSync` inside their own transactions, so an event and the
 * change it describes commit or roll back together.
 */
export class SqliteAuditStore implements AuditStore {
  private readonly insert: Statement;
  /** Prepared list statements by the shape of their WHERE clause (at most 2^7 shapes, usually a handful). */
  private readonly listStatements = new Map<string, Statement>();

  constructor(private readonly db: SqliteDatabase) {
    this.insert = db.prepare(
      `INSERT INTO audit_events (id, at, actor_id, actor_name, action, entity_type, entity_id, entity_key, doc)
       VALUES (@id, @at, @actorId, @actorName, @action, @entityType, @entityId, @entityKey, @doc)`,
    );
  }

  async append(events: AuditEvent[]): Promise<void> {
    immediate(this.db, () => this.appendSync(events));
  }

  /** Call only inside a transaction of the same connection. */
  appendSync(events: AuditEvent[]): void {
    for (const e of events) {
      this.insert.run({
        id: e.id,
        at: e.at,
        actorId: e.actor.id,
        actorName: e.actor.name,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        entityKey: e.entityKey,
        doc: JSON.stringify(e),
      });
    }
  }

  async list(q: AuditQuery): Promise<Page<AuditEvent>> {
    const limit = pageLimit(q.limit);
    const clauses: Clause[] = [];
    if (q.entity) clauses.push({ sql: '(entity_id = ? OR entity_key = ?)', values: [q.entity, q.entity] });
    if (q.entityType) clauses.push({ sql: 'entity_type = ?', values: [q.entityType] });
    if (q.actor) clauses.push({ sql: '(actor_id = ? OR actor_name = ?)', values: [q.actor, q.actor] });
    if (q.action) clauses.push({ sql: 'action = ?', values: [q.action] });
    if (q.from) clauses.push({ sql: 'at >= ?', values: [q.from] });
    if (q.to) clauses.push({ sql: 'at <= ?', values: [q.to] });
    // Ids are time-ordered, so "older than the last id seen" is a cursor that events appended meanwhile cannot shift.
    if (q.cursor) clauses.push({ sql: 'id < ?', values: [q.cursor] });
    const where = clauses.length ? `WHERE ${clauses.map((c) => c.sql).join(' AND ')}` : '';
    const rows = this.listStatement(where).all(...clauses.flatMap((c) => c.values.map(String)), limit + 1) as { doc: string }[];
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as AuditEvent);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  private listStatement(where: string): Statement {
    let stmt = this.listStatements.get(where);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT doc FROM audit_events ${where} ORDER BY id DESC LIMIT ?`);
      this.listStatements.set(where, stmt);
    }
    return stmt;
  }
}
