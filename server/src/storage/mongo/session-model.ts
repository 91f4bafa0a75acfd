import { Schema, type Connection, type Model } from 'mongoose';
import type { Session } from '../../modules/auth/user';

export const SESSIONS = 'sessions';

/**
 * `expiresAt` is an ISO string (the port's type), so no TTL index: `deleteExpired` is the sweeper, as on SQLite.
 */
const schema = new Schema(
  {
    tokenHash: { type: String, required: true },
    id: { type: String, required: true },
    userId: { type: String, required: true },
    expiresAt: { type: String, required: true },
  },
  { collection: SESSIONS, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ tokenHash: 1 }, { unique: true, name: 'token_hash_unique' });
schema.index({ userId: 1 }, { name: 'user_id' });
schema.index({ expiresAt: 1 }, { name: 'expires_at' });

export type SessionModel = Model<Session>;

export function sessionModel(conn: Connection): SessionModel {
  return conn.model<Session>('Session', schema as unknown as Schema<Session>);
}
