import { Schema, type Connection, type Model } from 'mongoose';
import { STATUSES, type RuleSetVersion } from '../../modules/rule-sets/rule-set';

export const RULE_SET_VERSIONS = 'rule_set_versions';
/** Index names appear in duplicate-key errors; the store maps them to the port's errors. */
export const KEY_VERSION_INDEX = 'key_version_unique';
export const ONE_ACTIVE_INDEX = 'one_active_per_key';

/**
 * Only the fields we filter or enforce on are declared; `strict: false` stores the rest of the record as given,
 * so a new optional field on RuleSetVersion is kept rather than silently dropped. `minimize: false` keeps empty
 * objects (`outputs: {}`, `params: {}`) so a version reads back exactly as it was written.
 */
const schema = new Schema(
  {
    id: { type: String, required: true },
    key: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true, enum: STATUSES },
    revision: { type: Number, required: true },
    document: { type: Schema.Types.Mixed, required: true },
  },
  { collection: RULE_SET_VERSIONS, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ key: 1, version: 1 }, { unique: true, name: KEY_VERSION_INDEX });
// The store checks "nothing else active" inside its transaction; this index is the backstop.
schema.index({ key: 1 }, { unique: true, name: ONE_ACTIVE_INDEX, partialFilterExpression: { status: 'active' } });
schema.index({ status: 1 }, { name: 'status' });

export type RuleSetVersionModel = Model<RuleSetVersion>;

export function ruleSetVersionModel(conn: Connection): RuleSetVersionModel {
  return conn.model<RuleSetVersion>('RuleSetVersion', schema as unknown as Schema<RuleSetVersion>);
}
