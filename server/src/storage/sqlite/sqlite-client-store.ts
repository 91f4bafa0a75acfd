import type { Statement } from 'better-sqlite3';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import { EMPTY_SEGMENTS, type ClientRecord, type ClientSegments, type ClientSummary, type PreparedClient, type ProfileSummary, profileSummary, type SegmentChange } from '../../modules/clients/client';
import { assertDistinctKeys, exists, idPrefix, sortBuckets } from '../../modules/clients/client-store-support';
import {
  type Bucket,
  type ClientAggregates,
  type ClientFilter,
  type ClientStore,
  MAX_SCAN,
  type PageRequest,
  type SegmentUpdate,
  type SegmentWrite,
  type UpsertResult,
} from '../../modules/clients/client-store';
import type { ImportJob } from '../../modules/clients/import-job';
import { NotFoundError, RevisionConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

type Head = { id: string; natural_key: string; revision: number; created_at: string; created_by: string };
type SummaryRow = {
  id: string; natural_key: string; revision: number; name: string; name_en: string | null; uscc: string | null; lei: string | null; country: string; province: string | null;
  section: string | null; rm: string | null; exposure: number; booked_class5: string | null; segments: string; updated_at: string;
};
type Clause = { sql: string; values: (string | number)[] };

const SUMMARY_COLUMNS = 'id, natural_key, revision, name, name_en, uscc, lei, country, province, section, rm, exposure, booked_class5, segments, updated_at';
const GROUPS: { name: keyof ClientAggregates; column: string }[] = [
  { name: 'byClass5', column: 'class5' },
  { name: 'byBookedClass5', column: 'booked_class5' },
  { name: 'byIfrs9Stage', column: 'ifrs9_stage' },
  { name: 'byTier', column: 'tier' },
  { name: 'byRiskLevel', column: 'risk_level' },
  { name: 'byIndustry', column: 'section' },
  // regionOf (client.ts): the province for Chinese clients that have one, else the country.
  { name: 'byRegion', column: "CASE WHEN country = 'CN' AND province IS NOT NULL THEN province ELSE country END" },
];

/**
 * The client register in `clients`. The record (without segments) is one JSON document in `doc`; segments live in
 * their own columns (plus `segments` JSON) so a monitoring run rewrites a few bytes, not the whole profile. The
 * fields lists filter on are copied into indexed columns on every write. Each mutation is one BEGIN IMMEDIATE
 * transaction holding the check, the write and the audit rows.
 */
export class SqliteClientStore implements ClientStore {
  private readonly q: Record<
    | 'head'
    | 'headByKey'
    | 'doc'
    | 'segments'
    | 'idByKey'
    | 'insert'
    | 'insertProfile'
    | 'insertProfileBytes'
    | 'update'
    | 'updateProfile'
    | 'updateProfileBytes'
    | 'remove'
    | 'removeProfile'
    | 'removeHistory'
    | 'setSegments'
    | 'addHistory'
    | 'scan'
    | 'saveImport'
    | 'getImport'
    | 'unfinishedImports',
    Statement
  >;
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    const cols = `natural_key = @natural_key, revision = @revision, name = @name, name_en = @name_en, uscc = @uscc, lei = @lei, country = @country, province = @province,
      section = @section, rm = @rm, exposure = @exposure, booked_class5 = @booked_class5, updated_at = @updated_at`;
    this.q = {
      head: db.prepare('SELECT id, natural_key, revision, created_at, created_by FROM clients WHERE id = ?'),
      headByKey: db.prepare('SELECT id, natural_key, revision, created_at, created_by FROM clients WHERE natural_key = ?'),
      // The profile document is in client_profiles (migration 6): segment updates leave it alone.
      doc: db.prepare('SELECT p.doc, c.segments FROM clients c JOIN client_profiles p ON p.id = c.id WHERE c.id = ?'),
      segments: db.prepare('SELECT segments FROM clients WHERE id = ?').pluck(),
      idByKey: db.prepare('SELECT id FROM clients WHERE natural_key = ?').pluck(),
      insert: db.prepare(
        `INSERT INTO clients (id, natural_key, revision, name, name_en, uscc, lei, country, province, section, rm, exposure, booked_class5,
           tier, class5, ifrs9_stage, risk_level, tags, segments, created_at, created_by, updated_at)
         VALUES (@id, @natural_key, @revision, @name, @name_en, @uscc, @lei, @country, @province, @section, @rm, @exposure, @booked_class5,
           @tier, @class5, @ifrs9_stage, @risk_level, @tags, @segments, @created_at, @created_by, @updated_at)`,
      ),
      insertProfile: db.prepare('INSERT INTO client_profiles (id, doc) VALUES (@id, @doc)'),
      // The profile as UTF-8 bytes (a BLOB parameter) between the envelope's two halves: CAST … AS TEXT takes the
      // bytes as text in the database's encoding (UTF-8), so the stored doc is the same TEXT as the string form.
      insertProfileBytes: db.prepare('INSERT INTO client_profiles (id, doc) VALUES (@id, @head || CAST(@bytes AS TEXT) || @tail)'),
      update: db.prepare(`UPDATE clients SET ${cols} WHERE id = @id`),
      updateProfile: db.prepare('UPDATE client_profiles SET doc = @doc WHERE id = @id'),
      updateProfileBytes: db.prepare('UPDATE client_profiles SET doc = @head || CAST(@bytes AS TEXT) || @tail WHERE id = @id'),
      remove: db.prepare('DELETE FROM clients WHERE id = ?'),
      removeProfile: db.prepare('DELETE FROM client_profiles WHERE id = ?'),
      removeHistory: db.prepare('DELETE FROM client_segment_history WHERE client_id = ?'),
      setSegments: db.prepare(
        'UPDATE clients SET tier = @tier, class5 = @class5, ifrs9_stage = @ifrs9_stage, risk_level = @risk_level, tags = @tags, segments = @segments WHERE id = @id',
      ),
      addHistory: db.prepare('INSERT INTO client_segment_history (id, client_id, at, doc) VALUES (@id, @client_id, @at, @doc)'),
      scan: db.prepare('SELECT p.doc, c.segments FROM clients c JOIN client_profiles p ON p.id = c.id WHERE c.id > ? ORDER BY c.id LIMIT ?'),
      saveImport: db.prepare('INSERT INTO client_imports (id, created_at, doc) VALUES (@id, @created_at, @doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
      getImport: db.prepare('SELECT doc FROM client_imports WHERE id = ?').pluck(),
      unfinishedImports: db.prepare("SELECT doc FROM client_imports WHERE json_extract(doc, '$.status') IN ('receiving', 'committing') ORDER BY created_at, id").pluck(),
    };
  }

  async create(record: ClientRecord, audit: AuditEvent[]): Promise<ClientRecord> {
    return immediate(this.db, () => {
      const holder = this.q.idByKey.get(record.key) as string | undefined;
      if (holder) throw exists(record.key, holder);
      if (this.q.head.get(record.id)) throw exists(record.key, record.id);
      this.insertRow(rowOf(record));
      this.audit.appendSync(audit);
      return structuredClone(record);
    });
  }

  async get(id: string): Promise<ClientRecord | null> {
    const row = this.q.doc.get(id) as { doc: string; segments: string } | undefined;
    return row ? recordOf(row) : null;
  }

  async getByKey(key: string): Promise<ClientRecord | null> {
    const id = this.q.idByKey.get(key) as string | undefined;
    return id ? this.get(id) : null;
  }

  async replace(next: ClientRecord, expectedRevision: number, audit: AuditEvent[]): Promise<ClientRecord> {
    return immediate(this.db, () => {
      const cur = this.check(next.id, expectedRevision);
      const holder = this.q.idByKey.get(next.key) as string | undefined;
      if (holder && holder !== next.id) throw exists(next.key, holder);
      const segments = this.segmentsOf(next.id);
      const stored: ClientRecord = { ...next, segments, createdAt: cur.created_at, createdBy: JSON.parse(cur.created_by) };
      this.updateRow(rowOf(stored));
      this.audit.appendSync(audit);
      return structuredClone(stored);
    });
  }

  async delete(id: string, expectedRevision: number, audit: AuditEvent[]): Promise<void> {
    immediate(this.db, () => {
      this.check(id, expectedRevision);
      this.q.removeHistory.run(id);
      this.q.removeProfile.run(id);
      this.q.remove.run(id);
      this.audit.appendSync(audit);
    });
  }

  async upsertMany(records: ClientRecord[], audit: (record: ClientRecord, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]> {
    assertDistinctKeys(records);
    return immediate(this.db, () =>
      records.map((r) =>
        this.upsertOne(r.key, r.id, (cur) => {
          // Only the profile and the update stamp come from the caller; identity, history and segments stay.
          const stored: ClientRecord = cur
            ? { ...r, id: cur.id, revision: cur.revision + 1, createdAt: cur.created_at, createdBy: JSON.parse(cur.created_by), segments: this.segmentsOf(cur.id) }
            : r;
          return { row: rowOf(stored), events: (result) => audit(stored, result) };
        }),
      ),
    );
  }

  /** Like upsertMany, the document assembled around the profile's JSON text instead of serialising a record. */
  async upsertPrepared(rows: PreparedClient[], audit: (row: PreparedClient, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]> {
    assertDistinctKeys(rows);
    return immediate(this.db, () =>
      rows.map((p) =>
        this.upsertOne(p.key, p.id, (cur) => {
          const id = cur ? cur.id : p.id;
          const revision = cur ? cur.revision + 1 : 1;
          const createdAt = cur ? cur.created_at : p.createdAt;
          const createdBy = cur ? cur.created_by : JSON.stringify(p.createdBy);
          const head = `{"id":${JSON.stringify(id)},"revision":${revision},"key":${JSON.stringify(p.key)},"profile":`;
          const tail = `,"createdAt":${JSON.stringify(createdAt)},"createdBy":${createdBy},"updatedAt":${JSON.stringify(p.updatedAt)},"updatedBy":${JSON.stringify(p.updatedBy)}}`;
          // Profile bytes are joined to the envelope by SQLite (docFromBytes), never made a 15 KB string here.
          const doc = typeof p.profileJson === 'string' ? head + p.profileJson + tail : { head, bytes: p.profileJson, tail };
          const segments = cur ? this.segmentsOf(cur.id) : { ...EMPTY_SEGMENTS };
          const row = { ...columnsOf(p.summary), id, natural_key: p.key, revision, created_at: createdAt, created_by: createdBy, updated_at: p.updatedAt, doc, ...segmentColumns(segments) };
          return { row, events: (result) => audit(cur ? { ...p, id } : p, result) };
        }),
      ),
    );
  }

  /** One upsert inside the caller's transaction: insert under `id`, or update the client holding `key`. */
  private upsertOne(key: string, id: string, build: (cur: Head | undefined) => { row: Row; events: (result: UpsertResult) => AuditEvent[] }): UpsertResult {
    const cur = this.q.headByKey.get(key) as Head | undefined;
    if (!cur && this.q.head.get(id)) throw exists(key, id);
    const { row, events } = build(cur);
    if (cur) this.updateRow(row);
    else this.insertRow(row);
    const result: UpsertResult = { id: row.id, created: !cur, revision: row.revision, previousRevision: cur ? cur.revision : null };
    this.audit.appendSync(events(result));
    return result;
  }

  async setSegments(id: string, u: SegmentUpdate, audit: AuditEvent[]): Promise<ClientRecord> {
    return immediate(this.db, () => {
      const cur = this.q.head.get(id) as Head | undefined;
      if (!cur) throw new NotFoundError('Client', id);
      if (u.expectedRevision !== undefined && u.expectedRevision !== cur.revision) throw new RevisionConflictError(`Client ${id}`, u.expectedRevision, cur.revision);
      this.writeSegments(id, u, audit);
      return recordOf(this.q.doc.get(id) as { doc: string; segments: string });
    });
  }

  async setSegmentsMany(writes: SegmentWrite[]): Promise<boolean[]> {
    return immediate(this.db, () =>
      writes.map(({ id, update: u, audit }) => {
        const cur = this.q.head.get(id) as Head | undefined;
        if (!cur || (u.expectedRevision !== undefined && u.expectedRevision !== cur.revision)) return false;
        this.writeSegments(id, u, audit);
        return true;
      }),
    );
  }

  private writeSegments(id: string, u: SegmentUpdate, audit: AuditEvent[]): void {
    const segments: ClientSegments = { ...u.values, updatedAt: u.at, updatedBy: u.by };
    this.q.setSegments.run({ id, ...segmentColumns(segments) });
    if (u.change) this.q.addHistory.run({ id: u.change.id, client_id: id, at: u.change.at, doc: JSON.stringify(u.change) });
    this.audit.appendSync(audit);
  }

  async segmentHistory(clientId: string, page: PageRequest): Promise<Page<SegmentChange>> {
    const limit = pageLimit(page.limit);
    const rows = (
      page.cursor
        ? this.stmt('SELECT doc FROM client_segment_history WHERE client_id = ? AND id < ? ORDER BY id DESC LIMIT ?').all(clientId, page.cursor, limit + 1)
        : this.stmt('SELECT doc FROM client_segment_history WHERE client_id = ? ORDER BY id DESC LIMIT ?').all(clientId, limit + 1)
    ) as { doc: string }[];
    const items = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as SegmentChange);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async list(filter: ClientFilter, page: PageRequest): Promise<Page<ClientSummary>> {
    const limit = pageLimit(page.limit);
    const clauses = whereClauses(filter);
    if (page.cursor) clauses.push({ sql: 'id > ?', values: [page.cursor] });
    const { where, values } = join(clauses);
    const rows = this.stmt(`SELECT ${SUMMARY_COLUMNS} FROM clients ${where} ORDER BY id LIMIT ?`).all(...values, limit + 1) as SummaryRow[];
    const items = rows.slice(0, limit).map(summaryOf);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  async scan(afterId: string | null, limit: number): Promise<ClientRecord[]> {
    const n = Math.max(1, Math.min(MAX_SCAN, Math.floor(limit)));
    return (this.q.scan.all(afterId ?? '', n) as { doc: string; segments: string }[]).map(recordOf);
  }

  async count(filter: ClientFilter): Promise<number> {
    const { where, values } = join(whereClauses(filter));
    return this.stmt(`SELECT COUNT(*) FROM clients ${where}`).pluck().get(...values) as number;
  }

  async aggregates(filter: ClientFilter): Promise<ClientAggregates> {
    const { where, values } = join(whereClauses(filter));
    // One read transaction: the totals and every breakdown see the same snapshot.
    return this.db.transaction(() => {
      const total = this.stmt(`SELECT COUNT(*) AS count, COALESCE(SUM(exposure), 0) AS exposure FROM clients ${where}`).get(...values) as { count: number; exposure: number };
      const out = { ...total } as ClientAggregates;
      for (const g of GROUPS) {
        const rows = this.stmt(`SELECT ${g.column} AS key, COUNT(*) AS count, COALESCE(SUM(exposure), 0) AS exposure FROM clients ${where} GROUP BY ${g.column}`).all(...values) as Bucket<string>[];
        (out as unknown as Record<string, unknown>)[g.name] = sortBuckets(g.name, rows);
      }
      return out;
    })();
  }

  async saveImport(job: ImportJob): Promise<void> {
    this.q.saveImport.run({ id: job.id, created_at: job.createdAt, doc: JSON.stringify(job) });
  }

  async getImport(id: string): Promise<ImportJob | null> {
    const doc = this.q.getImport.get(id) as string | undefined;
    return doc ? (JSON.parse(doc) as ImportJob) : null;
  }

  async unfinishedImports(): Promise<ImportJob[]> {
    return (this.q.unfinishedImports.all() as string[]).map((doc) => JSON.parse(doc) as ImportJob);
  }

  private check(id: string, expectedRevision: number): Head {
    const cur = this.q.head.get(id) as Head | undefined;
    if (!cur) throw new NotFoundError('Client', id);
    if (cur.revision !== expectedRevision) throw new RevisionConflictError(`Client ${id}`, expectedRevision, cur.revision);
    return cur;
  }

  private segmentsOf(id: string): ClientSegments {
    return JSON.parse((this.q.segments.get(id) as string | undefined) ?? 'null') as ClientSegments;
  }

  private insertRow(row: Row): void {
    this.q.insert.run(row);
    if (typeof row.doc === 'string') this.q.insertProfile.run(row);
    else this.q.insertProfileBytes.run({ id: row.id, ...row.doc });
  }

  private updateRow(row: Row): void {
    this.q.update.run(row);
    if (typeof row.doc === 'string') this.q.updateProfile.run(row);
    else this.q.updateProfileBytes.run({ id: row.id, ...row.doc });
  }

  /** Prepared statements by their text: the filter shapes are few (each optional clause is fixed text). */
  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
}

function segmentColumns(s: ClientSegments) {
  return { tier: s.tier, class5: s.class5, ifrs9_stage: s.ifrs9Stage, risk_level: s.riskLevel, tags: s.tags ? JSON.stringify(s.tags) : null, segments: JSON.stringify(s) };
}

/** The indexed columns of a summary. */
function columnsOf(s: ProfileSummary) {
  return {
    name: s.name,
    name_en: s.nameEn,
    uscc: s.uscc,
    lei: s.lei,
    country: s.country,
    province: s.provinceCode,
    section: s.industrySection,
    rm: s.relationshipManager,
    exposure: s.exposure,
    booked_class5: s.bookedClass5,
  };
}

/** A row to write: the doc as a string, or as the profile's bytes with the envelope around them (imports). */
type Row = Omit<ReturnType<typeof rowOf>, 'doc'> & { doc: string | { head: string; bytes: Buffer; tail: string } };

function rowOf(r: ClientRecord) {
  const { segments, ...rest } = r;
  return {
    ...columnsOf(profileSummary(r.profile)),
    id: r.id,
    natural_key: r.key,
    revision: r.revision,
    created_at: r.createdAt,
    created_by: JSON.stringify(r.createdBy),
    updated_at: r.updatedAt,
    doc: JSON.stringify(rest),
    ...segmentColumns(segments),
  };
}

function recordOf(row: { doc: string; segments: string }): ClientRecord {
  const r = JSON.parse(row.doc) as ClientRecord;
  r.segments = JSON.parse(row.segments) as ClientSegments;
  return r;
}

function summaryOf(row: SummaryRow): ClientSummary {
  return {
    id: row.id,
    revision: row.revision,
    key: row.natural_key,
    name: row.name,
    nameEn: row.name_en,
    uscc: row.uscc,
    lei: row.lei,
    country: row.country,
    provinceCode: row.province,
    industrySection: row.section as ClientSummary['industrySection'],
    relationshipManager: row.rm,
    exposure: row.exposure,
    bookedClass5: row.booked_class5 as ClientSummary['bookedClass5'],
    segments: JSON.parse(row.segments) as ClientSegments,
    updatedAt: row.updated_at,
  };
}

/** Each clause is fixed SQL text with `?` placeholders; values are bound, never spliced in. */
function whereClauses(f: ClientFilter): Clause[] {
  const c: Clause[] = [];
  const eq = (column: string, v: string | number | undefined) => {
    if (v !== undefined) c.push({ sql: `${column} = ?`, values: [v] });
  };
  eq('section', f.industrySection);
  eq('province', f.provinceCode);
  eq('country', f.country);
  eq('tier', f.tier);
  eq('class5', f.class5);
  eq('booked_class5', f.bookedClass5);
  eq('ifrs9_stage', f.ifrs9Stage);
  eq('risk_level', f.riskLevel);
  eq('rm', f.relationshipManager);
  if (f.tag !== undefined) c.push({ sql: 'EXISTS (SELECT 1 FROM json_each(clients.tags) WHERE json_each.value = ?)', values: [f.tag] });
  if (f.q) {
    const p = idPrefix(f.q);
    // instr(lower(…)) rather than LIKE: no wildcard characters to escape in the user's text. lower() folds ASCII only,
    // which is what case means for the Latin names; Chinese has no case.
    c.push({ sql: "(instr(lower(name), lower(?)) > 0 OR instr(lower(name_en), lower(?)) > 0 OR (uscc >= ? AND uscc < ? || char(1114111)) OR (lei >= ? AND lei < ? || char(1114111)))", values: [f.q, f.q, p, p, p, p] });
  }
  return c;
}

function join(clauses: Clause[]): { where: string; values: (string | number)[] } {
  return { where: clauses.length ? `WHERE ${clauses.map((x) => x.sql).join(' AND ')}` : '', values: clauses.flatMap((x) => x.values) };
}
