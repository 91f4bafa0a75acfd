import { Schema, type Connection, type Model } from 'mongoose';
import type { AuditEvent } from '../../modules/audit/audit';

export const AUDIT_EVENTS = 'audit_events';

/** Indexes follow the filters of AuditQuery; `id` (time-ordered) is the sort and cursor key. */
const schema = new Schema(
  {
    id: { type: String, required: true },
    at: { type: String, required: true },
    actor: {
      kind: { type: String, required: true },
      id: { type: String, required: true },
      name: { type: String, required: true },
    },
    action: { type: String, required: true },
    entityType: { type: String, required: true },
    entityId: { type: String, required: true },
    entityKey: { type: String, required: true },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
  },
  { collection: AUDIT_EVENTS, strict: false, minimize: false, versionKey: false, id: false },
);
schema.index({ id: 1 }, { unique: true, name: 'id_unique' });
schema.index({ entityId: 1, id: -1 }, { name: 'entity_id' });
schema.index({ entityKey: 1, id: -1 }, { name: 'entity_key' });
schema.index({ 'actor.id': 1, id: -1 }, { name: 'actor_id' });
schema.index({ 'actor.name': 1, id: -1 }, { name: 'actor_name' });
schema.index({ at: 1 }, { name: 'at' });

export type AuditEventModel = Model<AuditEvent>;

export function auditEventModel(conn: Connection): AuditEventModel {
  return conn.model<AuditEvent>('AuditEvent', schema as unknown as Schema<AuditEvent>);
}
