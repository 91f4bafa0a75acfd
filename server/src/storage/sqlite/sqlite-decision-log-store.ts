import type { Statement } from 'better-sqlite3';
import type { Page } from '../../modules/audit/audit';
import type { DecisionQuery, DecisionRecord } from '../../modules/decisions/decision';
import type { AppendOutcome, DayOutcomeCount, DecisionCountQuery, DecisionLogStore } from '../../modules/decisions/decision-log-store';
import { pageLimit } from '../memory/memory-util';
import type { SqliteDatabase } from './database';
import { DecisionWriterThread, inThreadAppend, type DecisionRow } from './sqlite-decision-writer-thread';

type Clause = { sql: string; values: string[] };

/** SQLite caps bound parameters per statement (32766 in current builds); idempotency look-ups are chunked well below. */
const IN_CHUNK = 500;

/**
 * The decision log in `decision_log` (migration 2). Each `append` is one BEGIN IMMEDIATE transaction: the group
 * committer hands it a few milliseconds' worth of records, so one commit (and one sync) covers them all. Commits run
 * on a writer thread with its own connection at synchronous=FULL (a decision is acknowledged only once its commit
 * is on disk) so that waiting for the disk never blocks the event loop; reads use the shared connection.
 * `INSERT … ON CONFLICT DO NOTHING` skips a record whose id or (caller, idempotency key) is already taken without
 * aborting the others; the two look-ups after a skipped insert tell which one it was. The table's triggers refuse
 * UPDATE and DELETE, and there are none here.
 */
export class SqliteDecisionLogStore implements DecisionLogStore {
  private readonly byId: Statement;
  private readonly countAll: Statement;
  private readonly countOfRuleSet: Statement;
  private readonly listStatements = new Map<string, Statement>();
  private readonly thread: DecisionWriterThread | null;
  private readonly local: ((rows: DecisionRow[]) => AppendOutcome[]) | null;
  private closed = false;

  /** `file` is the database file the writer thread opens; for `:memory:` the transaction runs on `db` itself. */
  constructor(
    private readonly db: SqliteDatabase,
    file: string,
  ) {
    this.byId = db.prepare('SELECT doc FROM decision_log WHERE id = ?').pluck();
    // Both read only the index decision_log_evaluated_at_counts (evaluated_at, rule_set_key, outcome; migration 8).
    // The + keeps the planner off decision_log_rule_set, which would walk every record of the rule set ever logged.
    const count = (extra: string) =>
      db.prepare(`SELECT substr(evaluated_at, 1, 10) AS day, outcome, COUNT(*) AS count FROM decision_log WHERE evaluated_at >= ? AND evaluated_at < ?${extra} GROUP BY day, outcome`);
    this.countAll = count('');
    this.countOfRuleSet = count(' AND +rule_set_key = ?');
    this.thread = file === ':memory:' ? null : new DecisionWriterThread(file);
    this.local = this.thread ? null : inThreadAppend(db);
  }

  async append(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    if (this.closed) throw new TypeError('The database connection is not open');
    if (!records.length) return [];
    // Serialised here, so a record that cannot be written throws before anything is sent: all or nothing.
    const rows = records.map(
      (r): DecisionRow => [r.id, r.ruleSet.key, r.ruleSet.version, r.outcome, r.clientId, r.caller.id, r.caller.name, r.evaluatedAt, r.idempotencyKey, JSON.stringify(r)],
    );
    return this.thread ? this.thread.append(rows) : this.local!(rows);
  }

  /** Waits for the commits already sent, then stops the writer thread. */
  async close(): Promise<void> {
    this.closed = true;
    await this.thread?.close();
  }

  async get(id: string): Promise<DecisionRecord | null> {
    const doc = this.byId.get(id) as string | undefined;
    return doc === undefined ? null : (JSON.parse(doc) as DecisionRecord);
  }

  async findByIdempotencyKeys(callerId: string, keys: string[]): Promise<DecisionRecord[]> {
    const out: DecisionRecord[] = [];
    for (let i = 0; i < keys.length; i += IN_CHUNK) {
      const chunk = keys.slice(i, i + IN_CHUNK);
      const rows = this.db
        .prepare(`SELECT doc FROM decision_log WHERE caller_id = ? AND idempotency_key IN (${chunk.map(() => '?').join(',')})`)
        .pluck()
        .all(callerId, ...chunk) as string[];
      for (const doc of rows) out.push(JSON.parse(doc) as DecisionRecord);
    }
    return out;
  }

  async countByDay(q: DecisionCountQuery): Promise<DayOutcomeCount[]> {
    const rows = q.ruleSetKey === undefined ? this.countAll.all(q.from, q.to) : this.countOfRuleSet.all(q.from, q.to, q.ruleSetKey);
    return rows as DayOutcomeCount[];
  }

  async list(q: DecisionQuery): Promise<Page<DecisionRecord>> {
    const limit = pageLimit(q.limit);
    const clauses: Clause[] = [];
    if (q.ruleSet) clauses.push({ sql: 'rule_set_key = ?', values: [q.ruleSet] });
    if (q.outcome) clauses.push({ sql: 'outcome = ?', values: [q.outcome] });
    if (q.clientId) clauses.push({ sql: 'client_id = ?', values: [q.clientId] });
    if (q.caller) clauses.push({ sql: '(caller_id = ? OR caller_name = ?)', values: [q.caller, q.caller] });
    if (q.from) clauses.push({ sql: 'evaluated_at >= ?', values: [q.from] });
    if (q.to) clauses.push({ sql: 'evaluated_at <= ?', values: [q.to] });
    // Ids are time-ordered, so "older than the last id seen" is a cursor that records appended meanwhile cannot shift.
    if (q.cursor) clauses.push({ sql: 'id < ?', values: [q.cursor] });
    const where = clauses.length ? `WHERE ${clauses.map((c) => c.sql).join(' AND ')}` : '';
    let stmt = this.listStatements.get(where);
    if (!stmt) {
      stmt = this.db.prepare(`SELECT doc FROM decision_log ${where} ORDER BY id DESC LIMIT ?`).pluck();
      this.listStatements.set(where, stmt);
    }
    const rows = stmt.all(...clauses.flatMap((c) => c.values), limit + 1) as string[];
    const items = rows.slice(0, limit).map((doc) => JSON.parse(doc) as DecisionRecord);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
