import type { Connection, QueryFilter } from 'mongoose';
import type { AuditEvent, Page } from '../../modules/audit/audit';
import type { ChangedRecord, Simulation, SimulationStatus, SimulationSummary, Upload } from '../../modules/simulations/simulation';
import type { SimulationPatch, SimulationQuery, SimulationStore } from '../../modules/simulations/simulation-store';
import { ConflictError } from '../../shared/errors';
import { pageLimit } from '../memory/memory-util';
import type { MongoAuditStore } from './mongo-audit-store';
import { int, isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';
import type { SimulationChangeModel, SimulationModel, SimulationUploadModel } from './simulation-models';

/**
 * Simulations in `simulations`, changed records in `simulation_changes`, uploads in `simulation_uploads`.
 * Status changes are a filtered updateOne (`status ∈ expect`), which MongoDB applies atomically to one document, so
 * a cancel racing a completion has exactly one winner; the audit events of a change share its transaction.
 */
export class MongoSimulationStore implements SimulationStore {
  constructor(
    private readonly conn: Connection,
    private readonly sims: SimulationModel,
    private readonly changes: SimulationChangeModel,
    private readonly uploads: SimulationUploadModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async insert(sim: Simulation, audit: AuditEvent[]): Promise<Simulation> {
    try {
      await this.conn.transaction(async (session) => {
        await this.sims.create([plain(sim)], { session });
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('duplicate_id', `Simulation ${sim.id} already exists.`);
      throw e;
    }
    return plain(sim);
  }

  async update(id: string, patch: SimulationPatch, expect: SimulationStatus[], audit: AuditEvent[] = []): Promise<Simulation | null> {
    const filter: QueryFilter<Simulation> = { id: str(id, 'id'), status: { $in: expect.map((s) => str(s, 'status') as SimulationStatus) } };
    const run = async (session?: import('mongodb').ClientSession) => {
      const doc = await this.sims.findOneAndUpdate(filter, { $set: plain(patch) }, { returnDocument: 'after', session }).lean();
      if (doc && audit.length && session) await this.audit.appendIn(session, audit);
      return doc ? strip<Simulation>(doc) : null;
    };
    // Progress heartbeats (no audit) need no transaction; a change with audit events commits with them.
    return audit.length ? this.conn.transaction((session) => run(session), TRANSACTION_OPTIONS) : run();
  }

  async get(id: string): Promise<Simulation | null> {
    const doc = await this.sims.findOne({ id: str(id, 'id') }).lean();
    return doc ? strip<Simulation>(doc) : null;
  }

  async list(q: SimulationQuery): Promise<Page<SimulationSummary>> {
    const limit = pageLimit(q.limit);
    const and: QueryFilter<Simulation>[] = [];
    if (q.ruleSetKey) and.push({ ruleSetKey: str(q.ruleSetKey, 'ruleSetKey') });
    if (q.status) and.push({ status: str(q.status, 'status') as SimulationStatus });
    if (q.cursor) and.push({ id: { $lt: str(q.cursor, 'cursor') } });
    const docs = await this.sims
      .find(and.length ? { $and: and } : {}, { documents: 0, results: 0 })
      .sort({ id: -1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map((d) => strip<SimulationSummary>(d));
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }

  async latestCompleted(ruleSetKey: string, candidateHash: string, baselineHash: string): Promise<Simulation | null> {
    const doc = await this.sims
      .findOne({ ruleSetKey: str(ruleSetKey, 'ruleSetKey'), 'candidate.contentHash': str(candidateHash, 'candidateHash'), 'baseline.contentHash': str(baselineHash, 'baselineHash'), status: 'completed' })
      .sort({ id: -1 })
      .lean();
    return doc ? strip<Simulation>(doc) : null;
  }

  async failUnfinished(staleBefore: string, error: { code: string; message: string }, at: string): Promise<number> {
    const res = await this.sims.updateMany(
      { status: { $in: ['queued', 'running'] }, heartbeatAt: { $lt: str(staleBefore, 'staleBefore') } },
      { $set: { status: 'failed', error: plain(error), finishedAt: str(at, 'at'), heartbeatAt: at } },
    );
    return res.modifiedCount;
  }

  async appendChanges(simulationId: string, changes: ChangedRecord[]): Promise<void> {
    if (!changes.length) return;
    try {
      await this.changes.insertMany(changes.map((c) => ({ ...plain(c), simulationId: str(simulationId, 'simulationId') })), { ordered: false });
    } catch (e) {
      // ordered: false inserts every record it can; the only tolerated failures are seqs already stored.
      const errs = (e as { writeErrors?: { code?: number }[] }).writeErrors;
      if (!isDuplicateKey(e) || (errs && errs.some((w) => w.code !== 11000))) throw e;
    }
  }

  async listChanges(simulationId: string, q: { cursor?: string; limit?: number }): Promise<Page<ChangedRecord>> {
    const limit = pageLimit(q.limit);
    const after = q.cursor !== undefined && /^-?\d+$/.test(q.cursor) ? int(Number(q.cursor), 'cursor') : -1;
    const docs = await this.changes
      .find({ simulationId: str(simulationId, 'simulationId'), seq: { $gt: after } })
      .sort({ seq: 1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map((d) => strip<ChangedRecord>(d, ['simulationId']));
    return { items, nextCursor: docs.length > limit ? String(items[items.length - 1].seq) : null };
  }

  async getChange(simulationId: string, recordId: string): Promise<ChangedRecord | null> {
    const doc = await this.changes.findOne({ simulationId: str(simulationId, 'simulationId'), recordId: str(recordId, 'recordId') }).sort({ seq: 1 }).lean();
    return doc ? strip<ChangedRecord>(doc, ['simulationId']) : null;
  }

  async deleteChanges(simulationId: string): Promise<void> {
    await this.changes.deleteMany({ simulationId: str(simulationId, 'simulationId') });
  }

  async insertUpload(upload: Upload, audit: AuditEvent[]): Promise<Upload> {
    try {
      await this.conn.transaction(async (session) => {
        await this.uploads.create([plain(upload)], { session });
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e)) throw new ConflictError('duplicate_id', `Upload ${upload.id} already exists.`);
      throw e;
    }
    return plain(upload);
  }

  async getUpload(id: string): Promise<Upload | null> {
    const doc = await this.uploads.findOne({ id: str(id, 'id') }).lean();
    return doc ? strip<Upload>(doc) : null;
  }
}
