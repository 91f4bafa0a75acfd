import { Schema, type Connection, type Model } from 'mongoose';
import type { Scan } from '../../modules/monitoring/scan';

export const MONITORING_SCANS = 'monitoring_scans';
export const SCAN_SLOT_INDEX = 'scan_slot_unique';

const scanSchema = new Schema(
  { id: { type: String, required: true }, status: { type: String, required: true }, heartbeatAt: { type: String, required: true } },
  { collection: MONITORING_SCANS, strict: false, minimize: false, versionKey: false, id: false },
);
scanSchema.index({ id: 1 }, { unique: true, name: 'id_unique' });
// One scan per scheduled slot across instances; manual scans have no slot (null is left out of the index).
scanSchema.index({ slot: 1 }, { unique: true, name: SCAN_SLOT_INDEX, partialFilterExpression: { slot: { $type: 'string' } } });
scanSchema.index({ status: 1, id: -1 }, { name: 'status' });

export type ScanModel = Model<Scan>;

export function scanModels(conn: Connection) {
  return { scans: conn.model<Scan>('MonitoringScan', scanSchema as unknown as Schema<Scan>) };
}
