import { Schema, type Connection, type Model } from 'mongoose';
import type { ClientRecord, ClientSummary, SegmentChange } from '../../modules/clients/client';
import type { ImportJob } from '../../modules/clients/import-job';

export const CLIENTS = 'clients';
export const CLIENT_SEGMENT_HISTORY = 'client_segment_history';
export const CLIENT_IMPORTS = 'client_imports';
/** Index names appear in duplicate-key errors; the store maps them to the port's errors. */
export const CLIENT_ID_INDEX = 'client_id_unique';
export const CLIENT_KEY_INDEX = 'client_key_unique';

/** The stored client: the record plus `ix`, copies of the summary fields that lists filter and sort on. */
export type ClientDoc = ClientRecord & { ix: Omit<ClientSummary, 'id' | 'revision' | 'key' | 'segments' | 'updatedAt'> };

/**
 * Only what we filter or enforce on is declared; `strict: false` keeps the rest of the record as given and
 * `minimize: false` keeps empty objects, so a profile reads back exactly as it was written.
 */
const clientSchema = new Schema(
  {
    id: { type: String, required: true },
    key: { type: String, required: true },
    revision: { type: Number, required: true },
    profile: { type: Schema.Types.Mixed, required: true },
    segments: { type: Schema.Types.Mixed, required: true },
    ix: { type: Schema.Types.Mixed, required: true },
  },
  { collection: CLIENTS, strict: false, minimize: false, versionKey: false, id: false },
);
clientSchema.index({ id: 1 }, { unique: true, name: CLIENT_ID_INDEX });
clientSchema.index({ key: 1 }, { unique: true, name: CLIENT_KEY_INDEX });
clientSchema.index({ 'ix.uscc': 1 }, { name: 'uscc', sparse: true });
clientSchema.index({ 'ix.lei': 1 }, { name: 'lei', sparse: true });
clientSchema.index({ 'ix.industrySection': 1, id: 1 }, { name: 'section' });
clientSchema.index({ 'ix.provinceCode': 1, id: 1 }, { name: 'province' });
clientSchema.index({ 'ix.country': 1, id: 1 }, { name: 'country' });
clientSchema.index({ 'ix.relationshipManager': 1, id: 1 }, { name: 'rm' });
clientSchema.index({ 'ix.bookedClass5': 1, id: 1 }, { name: 'booked_class5' });
clientSchema.index({ 'segments.class5': 1, id: 1 }, { name: 'class5' });
clientSchema.index({ 'segments.tier': 1, id: 1 }, { name: 'tier' });
clientSchema.index({ 'segments.riskLevel': 1, id: 1 }, { name: 'risk_level' });
clientSchema.index({ 'segments.tags': 1, id: 1 }, { name: 'tags' });

const historySchema = new Schema(
  { id: { type: String, required: true }, clientId: { type: String, required: true } },
  { collection: CLIENT_SEGMENT_HISTORY, strict: false, minimize: false, versionKey: false, id: false },
);
historySchema.index({ id: 1 }, { unique: true, name: 'id_unique' });
historySchema.index({ clientId: 1, id: -1 }, { name: 'client' });

const importSchema = new Schema(
  { id: { type: String, required: true } },
  { collection: CLIENT_IMPORTS, strict: false, minimize: false, versionKey: false, id: false },
);
importSchema.index({ id: 1 }, { unique: true, name: 'id_unique' });

export type ClientModel = Model<ClientDoc>;
export type SegmentHistoryModel = Model<SegmentChange>;
export type ImportModel = Model<ImportJob>;

export function clientModels(conn: Connection) {
  return {
    clients: conn.model<ClientDoc>('Client', clientSchema as unknown as Schema<ClientDoc>),
    clientHistory: conn.model<SegmentChange>('ClientSegmentChange', historySchema as unknown as Schema<SegmentChange>),
    clientImports: conn.model<ImportJob>('ClientImport', importSchema as unknown as Schema<ImportJob>),
  };
}
