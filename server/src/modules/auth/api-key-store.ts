import type { AuditEvent } from '../audit/audit';
import type { ApiKey } from './user';

/**
 * API keys. Promises: the prefix is unique (`create` of a taken prefix throws ConflictError `prefix_taken`);
 * `revoke` sets `revokedAt` once (a second revoke is a no-op returning the key) and NotFoundError for a missing id;
 * `touch` only moves `lastUsedAt` forward; audit events are appended in the same transaction.
 */
export interface ApiKeyStore {
  create(key: ApiKey, audit: AuditEvent[]): Promise<ApiKey>;
  getByPrefix(prefix: string): Promise<ApiKey | null>;
  getById(id: string): Promise<ApiKey | null>;
  list(): Promise<ApiKey[]>;
  revoke(id: string, at: string, audit: AuditEvent[]): Promise<ApiKey>;
  touch(id: string, at: string): Promise<void>;
}
