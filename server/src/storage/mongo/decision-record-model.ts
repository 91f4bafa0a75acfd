import { Schema, type Connection, type Model } from 'mongoose';
import type { DecisionRecord } from '../../modules/decisions/decision';

export const DECISION_LOG = 'decision_log';
export const DECISION_ID_INDEX = 'id_unique';
export const DECISION_IDEMPOTENCY_INDEX = 'caller_idempotency_unique';

/**
 * Decision records, stored whole. Only the filtered fields are declared (and indexed); the rest (facts, outputs,
 * fired rules, trace) is kept as the service wrote it (`strict: false`). `id` is time-ordered: the sort and cursor
 * key. In a sharded deployment, shard on `{ id: 'hashed' }` or on `ruleSet.key` + `id` (docs/operations.md).
 */
const schema = new Schema(
  {
    id: { type: String, required: true },
    ruleSet: {
      key: { type: String, required: true },
      version: { type: Number, required: true },
      contentHash: { type: String, required: true },
    },
    outcome: { type: String, default: null },
    clientId: { type: String, default: null },
    caller: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
      name: { type: String, required: true },
    },
    evaluatedAt: { type: String, required: true },
    idempotencyKey: { type: String, default: null },
  },
  { collection: DECISION_LOG, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ id: 1 }, { unique: true, name: DECISION_ID_INDEX });
schema.index({ 'ruleSet.key': 1, id: -1 }, { name: 'rule_set' });
schema.index({ outcome: 1, id: -1 }, { name: 'outcome' });
schema.index({ clientId: 1, id: -1 }, { name: 'client', partialFilterExpression: { clientId: { $type: 'string' } } });
schema.index({ 'caller.id': 1, id: -1 }, { name: 'caller_id' });
schema.index({ 'caller.name': 1, id: -1 }, { name: 'caller_name' });
// Time filters of the list, and the counts by day and outcome (countByDay) from the index keys alone.
schema.index({ evaluatedAt: 1, 'ruleSet.key': 1, outcome: 1 }, { name: 'evaluated_at_counts' });
// Idempotency keys are per caller; the backstop when two instances take the same key at the same moment.
schema.index(
  { 'caller.id': 1, idempotencyKey: 1 },
  { unique: true, name: DECISION_IDEMPOTENCY_INDEX, partialFilterExpression: { idempotencyKey: { $type: 'string' } } },
);

export type DecisionRecordModel = Model<DecisionRecord>;

export function decisionRecordModel(conn: Connection): DecisionRecordModel {
  return conn.model<DecisionRecord>('DecisionRecord', schema as unknown as Schema<DecisionRecord>);
}
