import type { Connection } from 'mongoose';
import type { AuditEvent } from '../../modules/audit/audit';
import { storedUser, type User } from '../../modules/auth/user';
import type { UserStore } from '../../modules/auth/user-store';
import { ConflictError, NotFoundError, RevisionConflictError } from '../../shared/errors';
import type { MongoAuditStore } from './mongo-audit-store';
import { int, isDuplicateKey, plain, str, strip, strOrNull, TRANSACTION_OPTIONS } from './mongo-util';
import { USERNAME_INDEX, type UserDoc, type UserModel } from './user-model';

const HIDDEN = ['usernameLower'] as const;

/** Staff users in `users`; the unique index on the lower-cased username makes the case-insensitive promise hold under races. */
export class MongoUserStore implements UserStore {
  constructor(
    private readonly conn: Connection,
    private readonly users: UserModel,
    private readonly audit: MongoAuditStore,
  ) {}

  async create(user: User, audit: AuditEvent[]): Promise<User> {
    try {
      await this.conn.transaction(async (session) => {
        await this.users.create([toDoc(user)], { session });
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
      return storedUser(plain(user));
    } catch (e) {
      throw usernameTaken(e, user.username);
    }
  }

  async update(next: User, expectedRevision: number, audit: AuditEvent[]): Promise<User> {
    const id = str(next.id, 'id');
    try {
      await this.conn.transaction(async (session) => {
        const cur = await this.users.findOne({ id }, { revision: 1 }, { session }).lean();
        if (!cur) throw new NotFoundError('User', id);
        if (cur.revision !== expectedRevision) throw new RevisionConflictError(`User ${next.username}`, expectedRevision, cur.revision);
        const res = await this.users.replaceOne({ id, revision: int(expectedRevision, 'revision') }, toDoc(next), { session });
        if (res.matchedCount !== 1) throw new RevisionConflictError(`User ${next.username}`, expectedRevision, undefined);
        await this.audit.appendIn(session, audit);
      }, TRANSACTION_OPTIONS);
      return storedUser(plain(next));
    } catch (e) {
      throw usernameTaken(e, next.username);
    }
  }

  async recordLogin(id: string, state: Pick<User, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>): Promise<void> {
    // $set of exactly these three typed fields: a caller handing over a whole User cannot change anything else.
    await this.users.updateOne(
      { id: str(id, 'id') },
      {
        $set: {
          failedLogins: int(state.failedLogins, 'failedLogins'),
          lockedUntil: strOrNull(state.lockedUntil, 'lockedUntil'),
          lastLoginAt: strOrNull(state.lastLoginAt, 'lastLoginAt'),
        },
      },
    );
  }

  async getById(id: string): Promise<User | null> {
    const doc = await this.users.findOne({ id: str(id, 'id') }).lean();
    return doc ? storedUser(strip<User>(doc, HIDDEN)) : null;
  }

  async getByUsername(username: string): Promise<User | null> {
    const doc = await this.users.findOne({ usernameLower: str(username, 'username').toLowerCase() }).lean();
    return doc ? storedUser(strip<User>(doc, HIDDEN)) : null;
  }

  async list(): Promise<User[]> {
    const docs = await this.users.find({}).lean();
    return docs.map((d) => storedUser(strip<User>(d, HIDDEN))).sort((a, b) => a.username.localeCompare(b.username));
  }

  async count(): Promise<number> {
    return this.users.countDocuments({});
  }
}

function toDoc(u: User): UserDoc {
  return { ...plain(u), usernameLower: str(u.username, 'username').toLowerCase() };
}

function usernameTaken(e: unknown, username: string): unknown {
  return isDuplicateKey(e, USERNAME_INDEX) ? new ConflictError('username_taken', `The username '${username}' is taken.`) : e;
}
