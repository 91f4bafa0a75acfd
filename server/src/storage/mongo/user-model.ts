import { Schema, type Connection, type Model } from 'mongoose';
import type { User } from '../../modules/auth/user';

export const USERS = 'users';
export const USERNAME_INDEX = 'username_lower_unique';

/** The stored document: a User plus its lower-cased username, which carries the case-insensitive unique index. */
export type UserDoc = User & { usernameLower: string };

const schema = new Schema(
  {
    id: { type: String, required: true },
    username: { type: String, required: true },
    usernameLower: { type: String, required: true },
    revision: { type: Number, required: true },
    roles: { type: [String], default: undefined },
  },
  { collection: USERS, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ id: 1 }, { unique: true, name: 'id_unique' });
schema.index({ usernameLower: 1 }, { unique: true, name: USERNAME_INDEX });

export type UserModel = Model<UserDoc>;

export function userModel(conn: Connection): UserModel {
  return conn.model<UserDoc>('User', schema as unknown as Schema<UserDoc>);
}
