import type { Connection, QueryFilter } from 'mongoose';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import type { Scan, ScanStatus } from '../../modules/monitoring/scan';
import { slotTaken, type ScanPatch, type ScanQuery, type ScanStore } from '../../modules/monitoring/scan-store';
import { ConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import type { MongoAuditStore } from './mongo-audit-store';
import { isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';
import { SCAN_SLOT_INDEX, type ScanModel } from './scan-models';

const INTERRUPTED = { code: 'interrupted', message: 'interrupted by a restart; resume it to continue from its checkpoint' };

/** Scans in `monitoring_scans`; status changes are a filtered update (status ∈ expect), atomic on one document. */
export class MongoScanStore implements ScanStore {
  constructor(
    private readonly conn: Connection,
    private readonly scans: ScanModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async insert(scan: Scan, audit: AuditEvent[]): Promise<Scan> {
    try {
      await this.conn.transaction(async (session) => {
        if (await this.scans.exists({ id: str(scan.id, 'id') }).session(session)) throw new ConflictError('duplicate_id', `Scan ${scan.id} already exists.`);
        await this.scans.create([plain(scan)], { session });
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e, SCAN_SLOT_INDEX) && scan.slot !== null) throw slotTaken(scan.slot);
      if (isDuplicateKey(e)) throw new ConflictError('duplicate_id', `Scan ${scan.id} already exists.`);
      throw e;
    }
    return plain(scan);
  }

  async update(id: string, patch: ScanPatch, expect: ScanStatus[], audit: AuditEvent[] = []): Promise<Scan | null> {
    const filter: QueryFilter<Scan> = { id: str(id, 'id'), status: { $in: expect.map((s) => str(s, 'status') as ScanStatus) } };
    const run = async (session?: import('mongodb').ClientSession) => {
      const doc = await this.scans.findOneAndUpdate(filter, { $set: plain(patch) }, { returnDocument: 'after', session }).lean();
      if (doc && audit.length && session) await this.audit.appendIn(session, audit);
      return doc ? strip<Scan>(doc) : null;
    };
    // Checkpoints (no audit) need no transaction; a status change with audit events commits with them.
    return audit.length ? this.conn.transaction((session) => run(session), TRANSACTION_OPTIONS) : run();
  }

  async get(id: string): Promise<Scan | null> {
    const doc = await this.scans.findOne({ id: str(id, 'id') }).lean();
    return doc ? strip<Scan>(doc) : null;
  }

  async list(q: ScanQuery): Promise<Page<Scan>> {
    const limit = pageLimit(q.limit);
    const and: QueryFilter<Scan>[] = [];
    if (q.status) and.push({ status: str(q.status, 'status') as ScanStatus });
    if (q.cursor) and.push({ id: { $lt: str(q.cursor, 'cursor') } });
    const docs = await this.scans.find(and.length ? { $and: and } : {}).sort({ id: -1 }).limit(limit + 1).lean();
    const items = docs.slice(0, limit).map((d) => strip<Scan>(d));
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async markInterrupted(staleBefore: string, at: string): Promise<number> {
    const res = await this.scans.updateMany(
      { status: { $in: ['queued', 'running'] }, heartbeatAt: { $lt: str(staleBefore, 'staleBefore') } },
      { $set: { status: 'interrupted', heartbeatAt: str(at, 'at'), error: INTERRUPTED } },
    );
    return res.modifiedCount;
  }
}
