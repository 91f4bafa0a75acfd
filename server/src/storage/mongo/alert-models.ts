import { Schema, type Connection, type Model } from 'mongoose';
import type { Alert, AlertNote } from '../../modules/alerts/alert';

export const ALERTS = 'alerts';
export const ALERT_NOTES = 'alert_notes';
export const ALERT_ONE_ACTIVE_INDEX = 'alert_one_active';

/** The stored alert: the alert plus `active`, which the partial unique index filters on (it takes no $in). */
export type AlertDoc = Omit<Alert, 'notes' | 'noteCount'> & { active: boolean };
export type AlertNoteDoc = AlertNote & { alertId: string };

const alertSchema = new Schema(
  {
    id: { type: String, required: true },
    clientId: { type: String, required: true },
    ruleId: { type: String, required: true },
    status: { type: String, required: true },
    active: { type: Boolean, required: true },
    revision: { type: Number, required: true },
  },
  { collection: ALERTS, strict: false, minimize: false, versionKey: false, id: false },
);
alertSchema.index({ id: 1 }, { unique: true, name: 'id_unique' });
// One active alert per (client, signal), enforced by the database even for concurrent scans on several instances.
alertSchema.index({ clientId: 1, ruleId: 1 }, { unique: true, name: ALERT_ONE_ACTIVE_INDEX, partialFilterExpression: { active: true } });
alertSchema.index({ clientId: 1, id: -1 }, { name: 'client' });
alertSchema.index({ status: 1, id: -1 }, { name: 'status' });
alertSchema.index({ owner: 1, id: -1 }, { name: 'owner' });
alertSchema.index({ severity: 1, id: -1 }, { name: 'severity' });
alertSchema.index({ ruleId: 1, id: -1 }, { name: 'rule' });
// The dashboard's counts of active alerts by severity (countActive): finds the active ones, or one owner's, without
// reading the closed alerts, which pile up over the years.
alertSchema.index({ active: 1, owner: 1, severity: 1, dueAt: 1 }, { name: 'active_counts' });

const noteSchema = new Schema(
  { alertId: { type: String, required: true }, seq: { type: Number, required: true } },
  { collection: ALERT_NOTES, strict: false, minimize: false, versionKey: false, id: false },
);
noteSchema.index({ alertId: 1, seq: 1 }, { unique: true, name: 'alert_seq_unique' });

export type AlertModel = Model<AlertDoc>;
export type AlertNoteModel = Model<AlertNoteDoc>;

export function alertModels(conn: Connection) {
  return {
    alerts: conn.model<AlertDoc>('Alert', alertSchema as unknown as Schema<AlertDoc>),
    alertNotes: conn.model<AlertNoteDoc>('AlertNote', noteSchema as unknown as Schema<AlertNoteDoc>),
  };
}
