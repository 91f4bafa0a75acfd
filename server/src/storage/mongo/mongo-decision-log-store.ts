import type { Connection, QueryFilter } from 'mongoose';
import type { Page } from '../../modules/audit/audit';
import type { DecisionQuery, DecisionRecord } from '../../modules/decisions/decision';
import type { AppendOutcome, DayOutcomeCount, DecisionCountQuery, DecisionLogStore } from '../../modules/decisions/decision-log-store';
import { pageLimit } from '../memory/memory-util';
import type { DecisionRecordModel } from './decision-record-model';
import { delay, isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';

/** How often an append re-reads and retries after a concurrent writer took an id or idempotency key it was about to use. */
const APPEND_ATTEMPTS = 10;

/**
 * The decision log in `decision_log`. An append is one transaction: it reads which ids and (caller, idempotency
 * key) pairs are already taken, skips those records, and inserts the rest with one insertMany. A duplicate-key
 * error inside a transaction aborts it (MongoDB cannot skip one document of a transactional insertMany), so a
 * race with another instance is handled by re-reading and trying again; the retry then reports the winner's record.
 */
export class MongoDecisionLogStore implements DecisionLogStore {
  constructor(
    private readonly conn: Connection,
    private readonly records: DecisionRecordModel,
  ) {}

  async append(records: DecisionRecord[]): Promise<AppendOutcome[]> {
    if (!records.length) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.conn.transaction(async (session) => {
          const ids = records.map((r) => str(r.id, 'id'));
          const takenIds = new Set(
            (await this.records.find({ id: { $in: ids } }, { id: 1 }, { session }).lean()).map((d) => d.id),
          );
          const withKey = records.filter((r) => r.idempotencyKey !== null);
          const takenKeys = new Map<string, string>();
          if (withKey.length) {
            const found = await this.records
              .find({ $or: withKey.map((r) => ({ 'caller.id': str(r.caller.id, 'caller.id'), idempotencyKey: str(r.idempotencyKey, 'idempotencyKey') })) }, { id: 1, caller: 1, idempotencyKey: 1 }, { session })
              .lean();
            for (const d of found) takenKeys.set(`${d.caller.id}\n${d.idempotencyKey}`, d.id);
          }
          const out: AppendOutcome[] = [];
          const fresh: DecisionRecord[] = [];
          for (const r of records) {
            const k = r.idempotencyKey === null ? null : `${r.caller.id}\n${r.idempotencyKey}`;
            if (takenIds.has(r.id)) out.push({ status: 'duplicate_id' });
            else if (k !== null && takenKeys.has(k)) out.push({ status: 'duplicate_idempotency_key', existingId: takenKeys.get(k)! });
            else {
              takenIds.add(r.id);
              if (k !== null) takenKeys.set(k, r.id);
              fresh.push(r);
              out.push({ status: 'inserted' });
            }
          }
          if (fresh.length) await this.records.insertMany(fresh.map(plain), { session, ordered: true });
          return out;
        }, TRANSACTION_OPTIONS);
      } catch (e) {
        if (isDuplicateKey(e) && attempt < APPEND_ATTEMPTS) {
          await delay(Math.random() * 5 * attempt);
          continue;
        }
        throw e;
      }
    }
  }

  async get(id: string): Promise<DecisionRecord | null> {
    const doc = await this.records.findOne({ id: str(id, 'id') }).lean();
    return doc ? strip<DecisionRecord>(doc) : null;
  }

  async findByIdempotencyKeys(callerId: string, keys: string[]): Promise<DecisionRecord[]> {
    if (!keys.length) return [];
    const docs = await this.records.find({ 'caller.id': str(callerId, 'callerId'), idempotencyKey: { $in: keys.map((k) => str(k, 'key')) } }).lean();
    return docs.map((d) => strip<DecisionRecord>(d));
  }

  async countByDay(q: DecisionCountQuery): Promise<DayOutcomeCount[]> {
    const match: QueryFilter<DecisionRecord> = { evaluatedAt: { $gte: str(q.from, 'from'), $lt: str(q.to, 'to') } };
    if (q.ruleSetKey !== undefined) match['ruleSet.key'] = str(q.ruleSetKey, 'ruleSetKey');
    const groups = await this.records.aggregate<{ _id: { day: string; outcome: string | null }; count: number }>([
      { $match: match },
      // Only indexed fields are used, so the evaluated_at_counts index answers without fetching the records.
      { $project: { _id: 0, day: { $substrBytes: ['$evaluatedAt', 0, 10] }, outcome: { $ifNull: ['$outcome', null] } } },
      { $group: { _id: { day: '$day', outcome: '$outcome' }, count: { $sum: 1 } } },
    ]);
    return groups.map((g) => ({ day: g._id.day, outcome: g._id.outcome, count: g.count }));
  }

  async list(q: DecisionQuery): Promise<Page<DecisionRecord>> {
    const limit = pageLimit(q.limit);
    const and: QueryFilter<DecisionRecord>[] = [];
    if (q.ruleSet) and.push({ 'ruleSet.key': str(q.ruleSet, 'ruleSet') });
    if (q.outcome) and.push({ outcome: str(q.outcome, 'outcome') });
    if (q.clientId) and.push({ clientId: str(q.clientId, 'clientId') });
    if (q.caller) {
      const caller = str(q.caller, 'caller');
      and.push({ $or: [{ 'caller.id': caller }, { 'caller.name': caller }] });
    }
    if (q.from) and.push({ evaluatedAt: { $gte: str(q.from, 'from') } });
    if (q.to) and.push({ evaluatedAt: { $lte: str(q.to, 'to') } });
    if (q.cursor) and.push({ id: { $lt: str(q.cursor, 'cursor') } });
    const docs = await this.records
      .find(and.length ? { $and: and } : {})
      .sort({ id: -1 })
      .limit(limit + 1)
      .lean();
    const items = docs.slice(0, limit).map((d) => strip<DecisionRecord>(d));
    return { items, nextCursor: docs.length > limit ? items[items.length - 1].id : null };
  }
}
