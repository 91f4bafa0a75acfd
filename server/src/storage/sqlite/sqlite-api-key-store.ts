import type { Statement } from 'better-sqlite3';
import type { AuditEvent } from '../../modules/audit/audit';
import type { ApiKeyStore } from '../../modules/auth/api-key-store';
import type { ApiKey } from '../../modules/auth/user';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { immediate, type SqliteDatabase } from './database';
import type { SqliteAuditStore } from './sqlite-audit-store';

type Row = { doc: string };

/** API keys in `api_keys`; the prefix column is UNIQUE because requests find their key by it. */
export class SqliteApiKeyStore implements ApiKeyStore {
  private readonly q: Record<'insert' | 'byId' | 'byPrefix' | 'hasPrefix' | 'all' | 'revoke' | 'touch', Statement>;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly audit: SqliteAuditStore,
  ) {
    this.q = {
      insert: db.prepare('INSERT INTO api_keys (id, prefix, created_at, doc) VALUES (@id, @prefix, @createdAt, @doc)'),
      byId: db.prepare('SELECT doc FROM api_keys WHERE id = ?'),
      byPrefix: db.prepare('SELECT doc FROM api_keys WHERE prefix = ?'),
      hasPrefix: db.prepare('SELECT 1 FROM api_keys WHERE prefix = ?').pluck(),
      all: db.prepare('SELECT doc FROM api_keys ORDER BY created_at DESC'),
      revoke: db.prepare("UPDATE api_keys SET doc = json_set(doc, '$.revokedAt', ?) WHERE id = ? AND json_extract(doc, '$.revokedAt') IS NULL"),
      // Forward only: a late-arriving touch with an older timestamp must not move lastUsedAt back.
      touch: db.prepare(
        `UPDATE api_keys SET doc = json_set(doc, '$.lastUsedAt', @at)
         WHERE id = @id AND (json_extract(doc, '$.lastUsedAt') IS NULL OR json_extract(doc, '$.lastUsedAt') < @at)`,
      ),
    };
  }

  async create(key: ApiKey, audit: AuditEvent[]): Promise<ApiKey> {
    return immediate(this.db, () => {
      if (this.q.hasPrefix.get(key.prefix)) throw new ConflictError('prefix_taken', 'API key prefix collision; try again.');
      this.q.insert.run({ id: key.id, prefix: key.prefix, createdAt: key.createdAt, doc: JSON.stringify(key) });
      this.audit.appendSync(audit);
      return parse(JSON.stringify(key));
    });
  }

  async getByPrefix(prefix: string): Promise<ApiKey | null> {
    return this.one(this.q.byPrefix, prefix);
  }

  async getById(id: string): Promise<ApiKey | null> {
    return this.one(this.q.byId, id);
  }

  async list(): Promise<ApiKey[]> {
    return (this.q.all.all() as Row[]).map((r) => parse(r.doc));
  }

  async revoke(id: string, at: string, audit: AuditEvent[]): Promise<ApiKey> {
    return immediate(this.db, () => {
      // Revoking twice is a no-op: the first revocation time stands and only it is audited.
      if (this.q.revoke.run(at, id).changes === 1) this.audit.appendSync(audit);
      const key = this.one(this.q.byId, id);
      if (!key) throw new NotFoundError('API key', id);
      return key;
    });
  }

  async touch(id: string, at: string): Promise<void> {
    this.q.touch.run({ id, at });
  }

  private one(stmt: Statement, value: string): ApiKey | null {
    const row = stmt.get(value) as Row | undefined;
    return row ? parse(row.doc) : null;
  }
}

function parse(doc: string): ApiKey {
  return JSON.parse(doc) as ApiKey;
}
