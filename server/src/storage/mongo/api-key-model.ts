import { Schema, type Connection, type Model } from 'mongoose';
import type { ApiKey } from '../../modules/auth/user';

export const API_KEYS = 'api_keys';
export const PREFIX_INDEX = 'prefix_unique';

const schema = new Schema(
  {
    id: { type: String, required: true },
    prefix: { type: String, required: true },
    createdAt: { type: String, required: true },
    revokedAt: { type: String, default: null },
    lastUsedAt: { type: String, default: null },
    scopes: { type: [String], default: undefined },
  },
  { collection: API_KEYS, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ id: 1 }, { unique: true, name: 'id_unique' });
// Requests find their key by prefix, so two keys with one prefix would make authentication ambiguous.
schema.index({ prefix: 1 }, { unique: true, name: PREFIX_INDEX });
schema.index({ createdAt: -1 }, { name: 'created_at' });

export type ApiKeyModel = Model<ApiKey>;

export function apiKeyModel(conn: Connection): ApiKeyModel {
  return conn.model<ApiKey>('ApiKey', schema as unknown as Schema<ApiKey>);
}
