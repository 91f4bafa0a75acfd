import type { Statement } from 'better-sqlite3';
import type { AuditEvent } from '../../modules/audit/audit';
import type { RuleSetVersion, Status } from '../../modules/rule-sets/rule-set';
import type { Expectation, RuleSetStore } from '../../modules/rule-sets/rule-set-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

type Row = { doc: string };
type Head = { version: number; status: Status; revision: number };

/**
 * Rule-set versions in `rule_set_versions`. Every mutation is one BEGIN IMMEDIATE transaction holding the check,
 * the write, the activation counter and the audit rows, so a second connection (another process or worker) can only
 * see all of it or none of it, and its own check runs after our commit.
 */
export class SqliteRuleSetStore implements RuleSetStore {
  private readonly q: Record<
    'head' | 'get' | 'maxVersion' | 'insert' | 'update' | 'remove' | 'byKey' | 'current' | 'activeOf' | 'activeDoc' | 'allActive' | 'sequence' | 'bump',
    Statement
  >;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.q = {
      head: db.prepare('SELECT version, status, revision FROM rule_set_versions WHERE key = ? AND version = ?'),
      get: db.prepare('SELECT doc FROM rule_set_versions WHERE key = ? AND version = ?'),
      maxVersion: db.prepare('SELECT MAX(version) FROM rule_set_versions WHERE key = ?').pluck(),
      insert: db.prepare('INSERT INTO rule_set_versions (key, version, status, revision, doc) VALUES (@key, @version, @status, @revision, @doc)'),
      update: db.prepare('UPDATE rule_set_versions SET status = @status, revision = @revision, doc = @doc WHERE key = @key AND version = @version'),
      remove: db.prepare('DELETE FROM rule_set_versions WHERE key = ? AND version = ?'),
      byKey: db.prepare('SELECT doc FROM rule_set_versions WHERE key = ? ORDER BY version DESC'),
      current: db.prepare(
        `SELECT doc FROM rule_set_versions r
         WHERE r.status <> 'retired' OR r.version = (SELECT MAX(version) FROM rule_set_versions m WHERE m.key = r.key)
         ORDER BY r.key, r.version DESC`,
      ),
      activeOf: db.prepare("SELECT version, status, revision FROM rule_set_versions WHERE key = ? AND status = 'active'"),
      activeDoc: db.prepare("SELECT doc FROM rule_set_versions WHERE key = ? AND status = 'active'"),
      allActive: db.prepare("SELECT doc FROM rule_set_versions WHERE status = 'active' ORDER BY key"),
      sequence: db.prepare('SELECT activation_sequence FROM meta WHERE id = 1').pluck(),
      bump: db.prepare('UPDATE meta SET activation_sequence = activation_sequence + 1 WHERE id = 1'),
    };
  }

  async insertVersion(record: Omit<RuleSetVersion, 'version'>, audit: (version: number) => AuditEvent[]): Promise<RuleSetVersion> {
    return immediate(this.db, () => {
      const version = ((this.q.maxVersion.get(record.key) as number | null) ?? 0) + 1;
      const full = { ...record, version } as RuleSetVersion;
      this.assertNoOtherActive(full);
      this.q.insert.run(this.params(full));
      this.audit.appendSync(audit(version));
      return parse(JSON.stringify(full));
    });
  }

  async replaceVersion(next: RuleSetVersion, expect: Expectation, audit: AuditEvent[]): Promise<RuleSetVersion> {
    return immediate(this.db, () => {
      const cur = this.check(next.key, next.version, expect);
      this.assertNoOtherActive(next);
      this.write(next);
      // Retiring the active version without a successor is a change of what decides: other instances must hear.
      if (cur.status === 'active' && next.status !== 'active') this.q.bump.run();
      this.audit.appendSync(audit);
      return parse(JSON.stringify(next));
    });
  }

  async activateVersion(
    next: RuleSetVersion,
    expect: Expectation,
    retire: { next: RuleSetVersion; expect: Expectation } | null,
    audit: AuditEvent[],
  ): Promise<RuleSetVersion> {
    return immediate(this.db, () => {
      this.check(next.key, next.version, expect);
      if (retire) this.check(retire.next.key, retire.next.version, retire.expect);
      // The caller read "nothing else is active" (or "this one is") before deciding; if another activation committed
      // since, that premise is stale, which is exactly a revision conflict for the caller.
      const other = this.otherActive(next.key, [next.version, ...(retire && retire.next.key === next.key ? [retire.next.version] : [])]);
      if (other) throw new RevisionConflictError(`${next.key} active version`, 0, other.revision);
      // Retire first: the partial unique index would reject two active rows even for an instant inside the transaction.
      if (retire) this.write(retire.next);
      this.write(next);
      this.q.bump.run();
      this.audit.appendSync(audit);
      return parse(JSON.stringify(next));
    });
  }

  async deleteVersion(key: string, version: number, expect: Expectation, audit: AuditEvent[]): Promise<void> {
    immediate(this.db, () => {
      this.check(key, version, expect);
      this.q.remove.run(key, version);
      this.audit.appendSync(audit);
    });
  }

  async getVersion(key: string, version: number): Promise<RuleSetVersion | null> {
    const row = this.q.get.get(key, version) as Row | undefined;
    return row ? parse(row.doc) : null;
  }

  async listVersions(key: string): Promise<RuleSetVersion[]> {
    return (this.q.byKey.all(key) as Row[]).map((r) => parse(r.doc));
  }

  async listCurrent(): Promise<RuleSetVersion[]> {
    return (this.q.current.all() as Row[]).map((r) => parse(r.doc));
  }

  async getActive(key: string): Promise<RuleSetVersion | null> {
    const row = this.q.activeDoc.get(key) as Row | undefined;
    return row ? parse(row.doc) : null;
  }

  async listActive(): Promise<RuleSetVersion[]> {
    return (this.q.allActive.all() as Row[]).map((r) => parse(r.doc));
  }

  async activationSequence(): Promise<number> {
    return this.q.sequence.get() as number;
  }

  private check(key: string, version: number, expect: Expectation): Head {
    const cur = this.q.head.get(key, version) as Head | undefined;
    if (!cur) throw new NotFoundError('Rule-set version', `${key}@${version}`);
    if (cur.revision !== expect.revision) throw new RevisionConflictError(`${key} version ${version}`, expect.revision, cur.revision);
    if (!expect.statuses.includes(cur.status))
      throw new ConflictError('invalid_state', `${key} version ${version} is ${cur.status}.`, { status: cur.status });
    return cur;
  }

  /** Writing an active record outside activateVersion must not make a second active version of the key. */
  private assertNoOtherActive(v: RuleSetVersion): void {
    const active = v.status === 'active' ? this.otherActive(v.key, [v.version]) : undefined;
    if (active) throw new ConflictError('invalid_state', `${v.key} already has an active version (${active.version}).`, { activeVersion: active.version });
  }

  /** The active version of `key` unless it is one of `except` (the versions this very write is changing). */
  private otherActive(key: string, except: number[]): Head | undefined {
    const active = this.q.activeOf.get(key) as Head | undefined;
    return active && !except.includes(active.version) ? active : undefined;
  }

  private write(v: RuleSetVersion): void {
    const { changes } = this.q.update.run(this.params(v));
    if (changes !== 1) throw new NotFoundError('Rule-set version', `${v.key}@${v.version}`);
  }

  private params(v: RuleSetVersion) {
    return { key: v.key, version: v.version, status: v.status, revision: v.revision, doc: JSON.stringify(v) };
  }
}

function parse(doc: string): RuleSetVersion {
  return JSON.parse(doc) as RuleSetVersion;
}
