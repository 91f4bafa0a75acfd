import type { SessionStore } from '../../modules/auth/session-store';
import type { Session } from '../../modules/auth/user';
import { plain, str, strip } from './mongo-util';
import type { SessionModel } from './session-model';

/** Staff sessions in `sessions`. Each method is a single-document (or single deleteMany) operation: no transaction. */
export class MongoSessionStore implements SessionStore {
  constructor(private readonly sessions: SessionModel) {}

  async create(s: Session): Promise<void> {
    // Upsert: the memory reference overwrites a session with the same token hash.
    await this.sessions.replaceOne({ tokenHash: str(s.tokenHash, 'tokenHash') }, plain(s), { upsert: true });
  }

  async get(tokenHash: string): Promise<Session | null> {
    const doc = await this.sessions.findOne({ tokenHash: str(tokenHash, 'tokenHash') }).lean();
    return doc ? strip<Session>(doc) : null;
  }

  async touch(tokenHash: string, lastSeenAt: string): Promise<void> {
    await this.sessions.updateOne({ tokenHash: str(tokenHash, 'tokenHash') }, { $set: { lastSeenAt: str(lastSeenAt, 'lastSeenAt') } });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.deleteOne({ tokenHash: str(tokenHash, 'tokenHash') });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.sessions.deleteMany({ userId: str(userId, 'userId') });
  }

  async deleteExpired(now: string): Promise<number> {
    const res = await this.sessions.deleteMany({ expiresAt: { $lte: str(now, 'now') } });
    return res.deletedCount;
  }
}
