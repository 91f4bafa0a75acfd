import type { ClientSession } from 'mongodb';
import type { Connection, PipelineStage, QueryFilter } from 'mongoose';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import { type ClientRecord, type ClientSegments, type ClientSummary, type PreparedClient, type SegmentChange, summarize } from '../../modules/clients/client';
import { assertDistinctKeys, exists, idPrefix, sortBuckets, upsertPreparedVia } from '../../modules/clients/client-store-support';
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
import { CLIENT_KEY_INDEX, type ClientDoc, type ClientModel, type ImportModel, type SegmentHistoryModel } from './client-models';
import type { MongoAuditStore } from './mongo-audit-store';
import { int, isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';

const GROUPS: { name: keyof ClientAggregates; field: unknown }[] = [
  { name: 'byClass5', field: '$segments.class5' },
  { name: 'byBookedClass5', field: '$ix.bookedClass5' },
  { name: 'byIfrs9Stage', field: '$segments.ifrs9Stage' },
  { name: 'byTier', field: '$segments.tier' },
  { name: 'byRiskLevel', field: '$segments.riskLevel' },
  { name: 'byIndustry', field: '$ix.industrySection' },
  // regionOf (client.ts): the province for Chinese clients that have one, else the country.
  {
    name: 'byRegion',
    field: { $cond: [{ $and: [{ $eq: ['$ix.country', 'CN'] }, { $ne: [{ $ifNull: ['$ix.provinceCode', null] }, null] }] }, '$ix.provinceCode', '$ix.country'] },
  },
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The client register in `clients`, one document per client with `ix` (summary copies) for the list filters.
 * Mutations run in a transaction with their audit events; compare-and-set puts the expected revision in the
 * write's filter, so a concurrent writer makes one side fail and `withTransaction` retries it against the new state.
 */
export class MongoClientStore implements ClientStore {
  constructor(
    private readonly conn: Connection,
    private readonly clients: ClientModel,
    private readonly history: SegmentHistoryModel,
    private readonly imports: ImportModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async create(record: ClientRecord, audit: AuditEvent[]): Promise<ClientRecord> {
    try {
      return await this.conn.transaction(async (session) => {
        const holder = await this.clients.findOne({ key: str(record.key, 'key') }, { id: 1 }, { session }).lean();
        if (holder) throw exists(record.key, holder.id);
        await this.clients.create([docOf(record)], { session });
        await this.audit.appendIn(session, audit);
        return plain(record);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      // A concurrent create of the same key (or id) won the race; report the winner like the in-transaction check does.
      if (isDuplicateKey(e)) throw exists(record.key, (await this.clients.findOne({ key: str(record.key, 'key') }, { id: 1 }).lean())?.id ?? record.id);
      throw e;
    }
  }

  async get(id: string): Promise<ClientRecord | null> {
    const d = await this.clients.findOne({ id: str(id, 'id') }).lean();
    return d ? recordOf(d) : null;
  }

  async getByKey(key: string): Promise<ClientRecord | null> {
    const d = await this.clients.findOne({ key: str(key, 'key') }).lean();
    return d ? recordOf(d) : null;
  }

  async replace(next: ClientRecord, expectedRevision: number, audit: AuditEvent[]): Promise<ClientRecord> {
    try {
      return await this.conn.transaction(async (session) => {
        const cur = await this.check(next.id, expectedRevision, session);
        const holder = await this.clients.findOne({ key: str(next.key, 'key') }, { id: 1 }, { session }).lean();
        if (holder && holder.id !== next.id) throw exists(next.key, holder.id);
        const stored: ClientRecord = { ...plain(next), segments: cur.segments, createdAt: cur.createdAt, createdBy: cur.createdBy };
        await this.write(stored, expectedRevision, session);
        await this.audit.appendIn(session, audit);
        return stored;
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e, CLIENT_KEY_INDEX)) throw exists(next.key, (await this.clients.findOne({ key: str(next.key, 'key') }, { id: 1 }).lean())?.id ?? '?');
      throw e;
    }
  }

  async delete(id: string, expectedRevision: number, audit: AuditEvent[]): Promise<void> {
    await this.conn.transaction(async (session) => {
      await this.check(id, expectedRevision, session);
      await this.clients.deleteOne({ id: str(id, 'id'), revision: int(expectedRevision, 'revision') }, { session });
      await this.history.deleteMany({ clientId: str(id, 'id') }, { session });
      await this.audit.appendIn(session, audit);
    }, TRANSACTION_OPTIONS);
  }

  async upsertMany(records: ClientRecord[], audit: (record: ClientRecord, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]> {
    assertDistinctKeys(records);
    return this.conn.transaction(async (session) => {
      const keys = records.map((r) => str(r.key, 'key'));
      const existing = await this.clients.find({ key: { $in: keys } }, { id: 1, key: 1, revision: 1, segments: 1, createdAt: 1, createdBy: 1 }, { session }).lean();
      const byKey = new Map(existing.map((d) => [d.key, d]));
      const results: UpsertResult[] = [];
      const events: AuditEvent[] = [];
      const inserts: ClientDoc[] = [];
      for (const r of records) {
        const cur = byKey.get(r.key);
        const stored: ClientRecord = cur
          ? { ...plain(r), id: cur.id, revision: cur.revision + 1, segments: cur.segments, createdAt: cur.createdAt, createdBy: cur.createdBy }
          : plain(r);
        if (cur) await this.write(stored, cur.revision, session);
        else inserts.push(docOf(stored));
        const result: UpsertResult = { id: stored.id, created: !cur, revision: stored.revision, previousRevision: cur ? cur.revision : null };
        events.push(...audit(stored, result));
        results.push(result);
      }
      if (inserts.length) await this.clients.insertMany(inserts, { session, ordered: true });
      await this.audit.appendIn(session, events);
      return results;
    }, TRANSACTION_OPTIONS);
  }

  async upsertPrepared(rows: PreparedClient[], audit: (row: PreparedClient, result: UpsertResult) => AuditEvent[]): Promise<UpsertResult[]> {
    return upsertPreparedVia((r, a) => this.upsertMany(r, a), rows, audit);
  }

  async setSegments(id: string, u: SegmentUpdate, audit: AuditEvent[]): Promise<ClientRecord> {
    return this.conn.transaction(async (session) => {
      const cur = await this.clients.findOne({ id: str(id, 'id') }, { revision: 1 }, { session }).lean();
      if (!cur) throw new NotFoundError('Client', id);
      if (u.expectedRevision !== undefined && u.expectedRevision !== cur.revision) throw new RevisionConflictError(`Client ${id}`, u.expectedRevision, cur.revision);
      const segments: ClientSegments = { ...plain(u.values), updatedAt: u.at, updatedBy: plain(u.by) };
      await this.clients.updateOne({ id: str(id, 'id') }, { $set: { segments } }, { session });
      if (u.change) await this.history.create([plain(u.change)], { session });
      await this.audit.appendIn(session, audit);
      const d = await this.clients.findOne({ id: str(id, 'id') }, null, { session }).lean();
      return recordOf(d as ClientDoc);
    }, TRANSACTION_OPTIONS);
  }

  /** One transaction per client here: a multi-document transaction of a whole batch would hold its locks too long. */
  async setSegmentsMany(writes: SegmentWrite[]): Promise<boolean[]> {
    const out: boolean[] = [];
    for (const w of writes) {
      try {
        await this.setSegments(w.id, w.update, w.audit);
        out.push(true);
      } catch (e) {
        if (!(e instanceof NotFoundError || e instanceof RevisionConflictError)) throw e;
        out.push(false);
      }
    }
    return out;
  }

  async segmentHistory(clientId: string, page: PageRequest): Promise<Page<SegmentChange>> {
    const limit = pageLimit(page.limit);
    const filter: QueryFilter<SegmentChange> = { clientId: str(clientId, 'clientId') };
    if (page.cursor) filter.id = { $lt: str(page.cursor, 'cursor') };
    const docs = await this.history.find(filter).sort({ id: -1 }).limit(limit + 1).lean();
    const items = docs.slice(0, limit).map((d) => strip<SegmentChange>(d));
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async list(filter: ClientFilter, page: PageRequest): Promise<Page<ClientSummary>> {
    const limit = pageLimit(page.limit);
    const and = conditions(filter);
    if (page.cursor) and.push({ id: { $gt: str(page.cursor, 'cursor') } });
    const docs = await this.clients
      .find(and.length ? { $and: and } : {}, { id: 1, revision: 1, key: 1, ix: 1, segments: 1, updatedAt: 1 })
      .sort({ id: 1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map((d) => ({ id: d.id, revision: d.revision, key: d.key, ...d.ix, segments: d.segments, updatedAt: d.updatedAt }) as ClientSummary);
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async scan(afterId: string | null, limit: number): Promise<ClientRecord[]> {
    const n = Math.max(1, Math.min(MAX_SCAN, Math.floor(limit)));
    const docs = await this.clients.find(afterId === null ? {} : { id: { $gt: str(afterId, 'afterId') } }).sort({ id: 1 }).limit(n).lean();
    return docs.map((d) => recordOf(d));
  }

  async count(filter: ClientFilter): Promise<number> {
    const and = conditions(filter);
    return this.clients.countDocuments(and.length ? { $and: and } : {});
  }

  async aggregates(filter: ClientFilter): Promise<ClientAggregates> {
    const and = conditions(filter);
    const facet: Record<string, PipelineStage.FacetPipelineStage[]> = { total: [{ $group: { _id: null, count: { $sum: 1 }, exposure: { $sum: '$ix.exposure' } } }] };
    for (const g of GROUPS) facet[g.name] = [{ $group: { _id: { $ifNull: [g.field, null] }, count: { $sum: 1 }, exposure: { $sum: '$ix.exposure' } } }];
    const [res] = await this.clients.aggregate<Record<string, { _id: string | number | null; count: number; exposure: number }[]>>([
      ...(and.length ? [{ $match: { $and: and } }] : []),
      { $facet: facet },
    ]);
    const total = res.total[0] ?? { count: 0, exposure: 0 };
    const out = { count: total.count, exposure: total.exposure } as ClientAggregates;
    for (const g of GROUPS) {
      const buckets: Bucket<string | number>[] = res[g.name].map((b) => ({ key: b._id, count: b.count, exposure: b.exposure }));
      (out as unknown as Record<string, unknown>)[g.name] = sortBuckets(g.name, buckets);
    }
    return out;
  }

  async saveImport(job: ImportJob): Promise<void> {
    await this.imports.replaceOne({ id: str(job.id, 'id') }, plain(job), { upsert: true });
  }

  async getImport(id: string): Promise<ImportJob | null> {
    const d = await this.imports.findOne({ id: str(id, 'id') }).lean();
    return d ? strip<ImportJob>(d) : null;
  }

  async unfinishedImports(): Promise<ImportJob[]> {
    const docs = await this.imports.find({ status: { $in: ['receiving', 'committing'] } }).sort({ createdAt: 1, id: 1 }).lean();
    return docs.map((d) => strip<ImportJob>(d));
  }

  /** The stored head (everything but the profile), if its revision is the expected one. */
  private async check(id: string, expectedRevision: number, session: ClientSession): Promise<Omit<ClientDoc, 'profile'>> {
    const cur = await this.clients.findOne({ id: str(id, 'id') }, { profile: 0 }, { session }).lean();
    if (!cur) throw new NotFoundError('Client', id);
    if (cur.revision !== expectedRevision) throw new RevisionConflictError(`Client ${id}`, expectedRevision, cur.revision);
    return cur;
  }

  private async write(r: ClientRecord, expectedRevision: number, session: ClientSession): Promise<void> {
    const res = await this.clients.replaceOne({ id: str(r.id, 'id'), revision: int(expectedRevision, 'revision') }, docOf(r), { session });
    if (res.matchedCount !== 1) throw new RevisionConflictError(`Client ${r.id}`, expectedRevision, undefined);
  }
}

function docOf(r: ClientRecord): ClientDoc {
  const { id: _i, revision: _r, key: _k, segments: _s, updatedAt: _u, ...ix } = summarize(r);
  return { ...plain(r), ix };
}

function recordOf(d: unknown): ClientRecord {
  return strip<ClientRecord>(d, ['ix']);
}

/** Filters built only from checked strings and numbers, so a caller's object can never become an operator. */
function conditions(f: ClientFilter): QueryFilter<ClientDoc>[] {
  const and: QueryFilter<ClientDoc>[] = [];
  const eq = (path: string, v: string | number | undefined) => {
    if (v !== undefined) and.push({ [path]: typeof v === 'number' ? int(v, path) : str(v, path) } as QueryFilter<ClientDoc>);
  };
  eq('ix.industrySection', f.industrySection);
  eq('ix.provinceCode', f.provinceCode);
  eq('ix.country', f.country);
  eq('segments.tier', f.tier);
  eq('segments.class5', f.class5);
  eq('ix.bookedClass5', f.bookedClass5);
  eq('segments.ifrs9Stage', f.ifrs9Stage);
  eq('segments.riskLevel', f.riskLevel);
  eq('ix.relationshipManager', f.relationshipManager);
  eq('segments.tags', f.tag);
  if (f.q) {
    const q = escapeRegex(str(f.q, 'q'));
    const p = escapeRegex(idPrefix(f.q));
    and.push({ $or: [{ 'ix.name': { $regex: q, $options: 'i' } }, { 'ix.nameEn': { $regex: q, $options: 'i' } }, { 'ix.uscc': { $regex: `^${p}` } }, { 'ix.lei': { $regex: `^${p}` } }] } as QueryFilter<ClientDoc>);
  }
  return and;
}
