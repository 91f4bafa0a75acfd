import type { AuditEvent, Page } from '../../modules/audit/audit';
import { type ClientRecord, type ClientSummary, type PreparedClient, type SegmentChange, summarize } from '../../modules/clients/client';
import { aggregateSummaries, assertDistinctKeys, exists, matchesFilter, upsertPreparedVia } from '../../modules/clients/client-store-support';
import {
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
import type { MemoryAuditStore } from './memory-audit-store';
import { clone, pageLimit } from './memory-util';

/** In-memory fake for service tests. Each method is synchronous inside, so it is atomic like a transaction. */
export class MemoryClientStore implements ClientStore {
  private readonly clients = new Map<string, ClientRecord>();
  private readonly byKey = new Map<string, string>();
  private readonly history: SegmentChange[] = [];
  private readonly imports = new Map<string, ImportJob>();

  constructor(private readonly audit: MemoryAuditStore) {}

  async create(record: ClientRecord, audit: AuditEvent[]) {
    this.assertFree(record);
    this.put(record);
    this.audit.appendSync(audit);
    return clone(record);
  }

  async get(id: string) {
    const r = this.clients.get(id);
    return r ? clone(r) : null;
  }

  async getByKey(key: string) {
    const id = this.byKey.get(key);
    return id ? this.get(id) : null;
  }

  async replace(next: ClientRecord, expectedRevision: number, audit: AuditEvent[]) {
    const cur = this.check(next.id, expectedRevision);
    const holder = this.byKey.get(next.key);
    if (holder && holder !== next.id) throw exists(next.key, holder);
    const stored = { ...clone(next), segments: cur.segments, createdAt: cur.createdAt, createdBy: cur.createdBy };
    this.byKey.delete(cur.key);
    this.put(stored);
    this.audit.appendSync(audit);
    return clone(stored);
  }

  async delete(id: string, expectedRevision: number, audit: AuditEvent[]) {
    const cur = this.check(id, expectedRevision);
    this.clients.delete(id);
    this.byKey.delete(cur.key);
    for (let i = this.history.length - 1; i >= 0; i--) if (this.history[i].clientId === id) this.history.splice(i, 1);
    this.audit.appendSync(audit);
  }

  async upsertMany(records: ClientRecord[], audit: (record: ClientRecord, result: UpsertResult) => AuditEvent[]) {
    assertDistinctKeys(records);
    // Plan everything first, write after: a throwing audit callback must leave the store untouched.
    const plan = records.map((r) => {
      const holder = this.byKey.get(r.key);
      const before = holder ? (this.clients.get(holder) as ClientRecord) : null;
      if (!before && this.clients.has(r.id)) throw exists(r.key, r.id);
      const stored: ClientRecord = before
        ? { ...clone(r), id: before.id, revision: before.revision + 1, segments: before.segments, createdAt: before.createdAt, createdBy: before.createdBy }
        : clone(r);
      const result: UpsertResult = { id: stored.id, created: !before, revision: stored.revision, previousRevision: before ? before.revision : null };
      return { stored, result, events: audit(clone(stored), result) };
    });
    for (const p of plan) {
      this.put(p.stored);
      this.audit.appendSync(p.events);
    }
    return plan.map((p) => p.result);
  }

  async upsertPrepared(rows: PreparedClient[], audit: (row: PreparedClient, result: UpsertResult) => AuditEvent[]) {
    return upsertPreparedVia((r, a) => this.upsertMany(r, a), rows, audit);
  }

  async setSegments(id: string, u: SegmentUpdate, audit: AuditEvent[]) {
    const cur = this.clients.get(id);
    if (!cur) throw new NotFoundError('Client', id);
    if (u.expectedRevision !== undefined && u.expectedRevision !== cur.revision) throw new RevisionConflictError(`Client ${id}`, u.expectedRevision, cur.revision);
    cur.segments = { ...clone(u.values), updatedAt: u.at, updatedBy: clone(u.by) };
    if (u.change) this.history.push(clone(u.change));
    this.audit.appendSync(audit);
    return clone(cur);
  }

  async setSegmentsMany(writes: SegmentWrite[]) {
    const out: boolean[] = [];
    for (const w of writes) {
      const cur = this.clients.get(w.id);
      const ok = !!cur && (w.update.expectedRevision === undefined || w.update.expectedRevision === cur.revision);
      if (ok) await this.setSegments(w.id, w.update, w.audit);
      out.push(ok);
    }
    return out;
  }

  async segmentHistory(clientId: string, page: PageRequest): Promise<Page<SegmentChange>> {
    const limit = pageLimit(page.limit);
    const all = this.history.filter((h) => h.clientId === clientId && (!page.cursor || h.id < page.cursor)).sort((a, b) => (a.id < b.id ? 1 : -1));
    const items = all.slice(0, limit).map(clone);
    return { items, nextCursor: all.length > limit ? items[items.length - 1].id : null };
  }

  async list(filter: ClientFilter, page: PageRequest): Promise<Page<ClientSummary>> {
    const limit = pageLimit(page.limit);
    const out: ClientSummary[] = [];
    for (const id of this.sortedIds()) {
      if (page.cursor && id <= page.cursor) continue;
      const s = summarize(this.clients.get(id) as ClientRecord);
      if (!matchesFilter(s, filter)) continue;
      out.push(clone(s));
      if (out.length > limit) break;
    }
    const items = out.slice(0, limit);
    return { items, nextCursor: out.length > limit ? items[items.length - 1].id : null };
  }

  async scan(afterId: string | null, limit: number) {
    const n = Math.max(1, Math.min(MAX_SCAN, Math.floor(limit)));
    return this.sortedIds()
      .filter((id) => afterId === null || id > afterId)
      .slice(0, n)
      .map((id) => clone(this.clients.get(id) as ClientRecord));
  }

  async count(filter: ClientFilter) {
    let n = 0;
    for (const r of this.clients.values()) if (matchesFilter(summarize(r), filter)) n++;
    return n;
  }

  async aggregates(filter: ClientFilter): Promise<ClientAggregates> {
    return aggregateSummaries([...this.clients.values()].map(summarize).filter((s) => matchesFilter(s, filter)));
  }

  async saveImport(job: ImportJob) {
    this.imports.set(job.id, clone(job));
  }

  async getImport(id: string) {
    const j = this.imports.get(id);
    return j ? clone(j) : null;
  }

  async unfinishedImports() {
    const open = [...this.imports.values()].filter((j) => j.status === 'receiving' || j.status === 'committing');
    return open.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map(clone);
  }

  private sortedIds(): string[] {
    return [...this.clients.keys()].sort();
  }

  private put(r: ClientRecord): void {
    this.clients.set(r.id, clone(r));
    this.byKey.set(r.key, r.id);
  }

  private assertFree(r: ClientRecord): void {
    const holder = this.byKey.get(r.key);
    if (holder) throw exists(r.key, holder);
    if (this.clients.has(r.id)) throw exists(r.key, r.id);
  }

  private check(id: string, expectedRevision: number): ClientRecord {
    const cur = this.clients.get(id);
    if (!cur) throw new NotFoundError('Client', id);
    if (cur.revision !== expectedRevision) throw new RevisionConflictError(`Client ${id}`, expectedRevision, cur.revision);
    return cur;
  }
}
