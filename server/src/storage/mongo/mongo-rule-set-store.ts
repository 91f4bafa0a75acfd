import type { ClientSession } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AuditEvent } from '../../modules/audit/audit';
import type { RuleSetVersion, Status } from '../../modules/rule-sets/rule-set';
import type { Expectation, RuleSetStore } from '../../modules/rule-sets/rule-set-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import { ACTIVATION_COUNTER, type CounterModel } from './counter-model';
import type { MongoAuditStore } from './mongo-audit-store';
import { delay, int, isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';
import { KEY_VERSION_INDEX, ONE_ACTIVE_INDEX, type RuleSetVersionModel } from './rule-set-version-model';

/** How often insertVersion retries after losing a (key, version) race to a concurrent insert that committed first. */
const INSERT_ATTEMPTS = 25;

/**
 * Rule-set versions in `rule_set_versions`. Every mutation runs in one transaction with its audit events (a replica
 * set is required). Compare-and-set reads the current revision inside the transaction and writes with the expected
 * revision in the filter; a concurrent writer makes one of the two transactions fail with a WriteConflict, which
 * `withTransaction` retries, and the retry then sees the new revision and reports RevisionConflictError.
 */
export class MongoRuleSetStore implements RuleSetStore {
  constructor(
    private readonly conn: Connection,
    private readonly versions: RuleSetVersionModel,
    private readonly counters: CounterModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async insertVersion(record: Omit<RuleSetVersion, 'version'>, audit: (version: number) => AuditEvent[]): Promise<RuleSetVersion> {
    const key = str(record.key, 'key');
    // "Highest existing + 1" is what the port promises (a deleted top draft frees its number), so no counter: two
    // racing inserts pick the same number and the unique (key, version) index makes the later one try again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.conn.transaction(async (session) => {
          const top = await this.versions.findOne({ key }, { version: 1 }, { session }).sort({ version: -1 }).lean();
          const version = (top?.version ?? 0) + 1;
          const full = { ...plain(record), version } as RuleSetVersion;
          await this.assertNoOtherActive(full, session);
          await this.versions.create([plain(full)], { session });
          await this.audit.appendIn(session, audit(version));
          return full;
        }, TRANSACTION_OPTIONS);
      } catch (e) {
        if (isDuplicateKey(e, KEY_VERSION_INDEX) && attempt < INSERT_ATTEMPTS) {
          await delay(Math.random() * 5 * attempt);
          continue;
        }
        if (isDuplicateKey(e, ONE_ACTIVE_INDEX)) throw new ConflictError('invalid_state', `${key} already has an active version.`);
        throw e;
      }
    }
  }

  async replaceVersion(next: RuleSetVersion, expect: Expectation, audit: AuditEvent[]): Promise<RuleSetVersion> {
    try {
      return await this.conn.transaction(async (session) => {
        const was = await this.check(next.key, next.version, expect, session);
        await this.assertNoOtherActive(next, session);
        await this.write(next, expect.revision, session);
        // Retiring the active version without a successor is a change of what decides: other instances must hear.
        if (was === 'active' && next.status !== 'active') await this.counters.updateOne({ _id: ACTIVATION_COUNTER }, { $inc: { seq: 1 } }, { upsert: true, session });
        await this.audit.appendIn(session, audit);
        return plain(next);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e, ONE_ACTIVE_INDEX)) throw new ConflictError('invalid_state', `${next.key} already has an active version.`);
      throw e;
    }
  }

  async activateVersion(
    next: RuleSetVersion,
    expect: Expectation,
    retire: { next: RuleSetVersion; expect: Expectation } | null,
    audit: AuditEvent[],
  ): Promise<RuleSetVersion> {
    try {
      return await this.conn.transaction(async (session) => {
        await this.check(next.key, next.version, expect, session);
        if (retire) await this.check(retire.next.key, retire.next.version, retire.expect, session);
        // The caller decided on "nothing else is active" (or "that one is"); another activation since makes it stale.
        const except = [next.version, ...(retire && retire.next.key === next.key ? [retire.next.version] : [])];
        const other = await this.activeOf(str(next.key, 'key'), except, session);
        if (other) throw new RevisionConflictError(`${next.key} active version`, 0, other.revision);
        // Retire first so the partial unique index never sees two active versions of the key.
        if (retire) await this.write(retire.next, retire.expect.revision, session);
        await this.write(next, expect.revision, session);
        await this.counters.updateOne({ _id: ACTIVATION_COUNTER }, { $inc: { seq: 1 } }, { upsert: true, session });
        await this.audit.appendIn(session, audit);
        return plain(next);
      }, TRANSACTION_OPTIONS);
    } catch (e) {
      if (isDuplicateKey(e, ONE_ACTIVE_INDEX)) throw new RevisionConflictError(`${next.key} active version`, 0, undefined);
      throw e;
    }
  }

  async deleteVersion(key: string, version: number, expect: Expectation, audit: AuditEvent[]): Promise<void> {
    await this.conn.transaction(async (session) => {
      await this.check(key, version, expect, session);
      await this.versions.deleteOne({ key: str(key, 'key'), version: int(version, 'version'), revision: int(expect.revision, 'revision') }, { session });
      await this.audit.appendIn(session, audit);
    }, TRANSACTION_OPTIONS);
  }

  async getVersion(key: string, version: number): Promise<RuleSetVersion | null> {
    const doc = await this.versions.findOne({ key: str(key, 'key'), version: int(version, 'version') }).lean();
    return doc ? strip<RuleSetVersion>(doc) : null;
  }

  async listVersions(key: string): Promise<RuleSetVersion[]> {
    const docs = await this.versions.find({ key: str(key, 'key') }).sort({ version: -1 }).lean();
    return docs.map((d) => strip<RuleSetVersion>(d));
  }

  async listCurrent(): Promise<RuleSetVersion[]> {
    // Two indexed reads and a merge in memory: the number of keys is small (tens), the number of versions modest.
    const [open, latest] = await Promise.all([
      this.versions.find({ status: { $ne: 'retired' } }).lean(),
      this.versions.aggregate<{ _id: string; version: number }>([{ $group: { _id: '$key', version: { $max: '$version' } } }]),
    ]);
    const out = open.map((d) => strip<RuleSetVersion>(d));
    const have = new Set(out.map((v) => `${v.key}@${v.version}`));
    const missing = latest.filter((l) => !have.has(`${l._id}@${l.version}`));
    for (const l of missing) {
      const v = await this.getVersion(l._id, l.version);
      if (v) out.push(v);
    }
    return out.sort((a, b) => (a.key === b.key ? b.version - a.version : a.key < b.key ? -1 : 1));
  }

  async getActive(key: string): Promise<RuleSetVersion | null> {
    const doc = await this.versions.findOne({ key: str(key, 'key'), status: 'active' }).lean();
    return doc ? strip<RuleSetVersion>(doc) : null;
  }

  async listActive(): Promise<RuleSetVersion[]> {
    const docs = await this.versions.find({ status: 'active' }).sort({ key: 1 }).lean();
    return docs.map((d) => strip<RuleSetVersion>(d));
  }

  async activationSequence(): Promise<number> {
    const doc = await this.counters.findOne({ _id: ACTIVATION_COUNTER }).lean();
    return doc?.seq ?? 0;
  }

  /** Compare-and-set precondition; returns the stored status. */
  private async check(key: string, version: number, expect: Expectation, session: ClientSession): Promise<Status> {
    const cur = await this.versions
      .findOne({ key: str(key, 'key'), version: int(version, 'version') }, { status: 1, revision: 1 }, { session })
      .lean();
    if (!cur) throw new NotFoundError('Rule-set version', `${key}@${version}`);
    if (cur.revision !== expect.revision) throw new RevisionConflictError(`${key} version ${version}`, expect.revision, cur.revision);
    if (!expect.statuses.includes(cur.status))
      throw new ConflictError('invalid_state', `${key} version ${version} is ${cur.status}.`, { status: cur.status });
    return cur.status;
  }

  /** Replaces the version if it still has `expectedRevision` (already checked; the filter makes the write safe too). */
  private async write(v: RuleSetVersion, expectedRevision: number, session: ClientSession): Promise<void> {
    const filter = { key: str(v.key, 'key'), version: int(v.version, 'version'), revision: int(expectedRevision, 'revision') };
    const res = await this.versions.replaceOne(filter, plain(v), { session });
    if (res.matchedCount !== 1) throw new RevisionConflictError(`${v.key} version ${v.version}`, expectedRevision, undefined);
  }

  /** Writing an active record outside activateVersion must not make a second active version of the key. */
  private async assertNoOtherActive(v: RuleSetVersion, session: ClientSession): Promise<void> {
    if (v.status !== 'active') return;
    const active = await this.activeOf(str(v.key, 'key'), [v.version], session);
    if (active) throw new ConflictError('invalid_state', `${v.key} already has an active version (${active.version}).`, { activeVersion: active.version });
  }

  private async activeOf(key: string, except: number[], session: ClientSession) {
    return this.versions
      .findOne({ key, status: 'active', version: { $nin: except.map((n) => int(n, 'version')) } }, { version: 1, revision: 1 }, { session })
      .lean();
  }
}
