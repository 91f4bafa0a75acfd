import type { Connection } from 'mongoose';
import type { AuditEvent } from '../../modules/audit/audit';
import type { ApiKeyStore } from '../../modules/auth/api-key-store';
import type { ApiKey } from '../../modules/auth/user';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { PREFIX_INDEX, type ApiKeyModel } from './api-key-model';
import type { MongoAuditStore } from './mongo-audit-store';
import { isDuplicateKey, plain, str, strip, TRANSACTION_OPTIONS } from './mongo-util';

/** API keys in `api_keys`; creation and revocation commit with their audit events in one transaction. */
export class MongoApiKeyStore implements ApiKeyStore {
  constructor(
    private readonly conn: Connection,
    private readonly keys: ApiKeyModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async create(key: ApiKey, audit: AuditEvent[]): Promise<ApiKey> {
    try {
      await this.conn.transaction(async (session) => {
        await this.keys.create([plain(key)], { session });
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
      return plain(key);
    } catch (e) {
      if (isDuplicateKey(e, PREFIX_INDEX)) throw new ConflictError('prefix_taken', 'API key prefix collision; try again.');
      throw e;
    }
  }

  async getByPrefix(prefix: string): Promise<ApiKey | null> {
    const doc = await this.keys.findOne({ prefix: str(prefix, 'prefix') }).lean();
    return doc ? strip<ApiKey>(doc) : null;
  }

  async getById(id: string): Promise<ApiKey | null> {
    const doc = await this.keys.findOne({ id: str(id, 'id') }).lean();
    return doc ? strip<ApiKey>(doc) : null;
  }

  async list(): Promise<ApiKey[]> {
    const docs = await this.keys.find({}).sort({ createdAt: -1 }).lean();
    return docs.map((d) => strip<ApiKey>(d));
  }

  async revoke(id: string, at: string, audit: AuditEvent[]): Promise<ApiKey> {
    const keyId = str(id, 'id');
    return this.conn.transaction(async (session) => {
      // Only the first revocation matches `revokedAt: null`; a second one changes nothing and is not audited.
      const res = await this.keys.updateOne({ id: keyId, revokedAt: null }, { $set: { revokedAt: str(at, 'at') } }, { session });
      if (res.modifiedCount === 1) await this.audit.appendIn(session, audit);
      const doc = await this.keys.findOne({ id: keyId }, null, { session }).lean();
      if (!doc) throw new NotFoundError('API key', keyId);
      return strip<ApiKey>(doc);
    }, TRANSACTION_OPTIONS);
  }

  async touch(id: string, at: string): Promise<void> {
    const when = str(at, 'at');
    // Forward only, in the filter: a late-arriving touch with an older time cannot move lastUsedAt back.
    await this.keys.updateOne({ id: str(id, 'id'), $or: [{ lastUsedAt: null }, { lastUsedAt: { $lt: when } }] }, { $set: { lastUsedAt: when } });
  }
}
