import { Schema, type Connection, type Model } from 'mongoose';

export const COUNTERS = 'counters';
export const ACTIVATION_COUNTER = 'activation';

export interface CounterDoc {
  _id: string;
  seq: number;
}

/**
 * Named counters. The activation sequence lives here; because every activation increments the same document, two
 * concurrent activation transactions always write-conflict, which serialises them even when they touch different
 * rule-set versions.
 */
const schema = new Schema<CounterDoc>(
  { _id: { type: String, required: true }, seq: { type: Number, required: true, default: 0 } },
  { collection: COUNTERS, versionKey: false, id: false },
);

export type CounterModel = Model<CounterDoc>;

export function counterModel(conn: Connection): CounterModel {
  return conn.model<CounterDoc>('Counter', schema);
}
