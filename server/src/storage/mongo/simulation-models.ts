import { Schema, type Connection, type Model } from 'mongoose';
import type { ChangedRecord, Simulation, Upload } from '../../modules/simulations/simulation';

export const SIMULATIONS = 'simulations';
export const SIMULATION_CHANGES = 'simulation_changes';
export const SIMULATION_UPLOADS = 'simulation_uploads';

/** Runs, stored whole; only the fields runs are found by are declared and indexed. */
const simulationSchema = new Schema(
  {
    id: { type: String, required: true },
    ruleSetKey: { type: String, required: true },
    status: { type: String, required: true },
    candidate: { contentHash: { type: String, required: true } },
    baseline: { contentHash: { type: String, required: true } },
    heartbeatAt: { type: String, required: true },
  },
  { collection: SIMULATIONS, strict: false, minimize: false, versionKey: false, id: false },
);
simulationSchema.index({ id: 1 }, { unique: true, name: 'id_unique' });
simulationSchema.index({ ruleSetKey: 1, id: -1 }, { name: 'rule_set_key' });
simulationSchema.index({ status: 1, id: -1 }, { name: 'status' });
simulationSchema.index({ ruleSetKey: 1, 'candidate.contentHash': 1, 'baseline.contentHash': 1, status: 1, id: -1 }, { name: 'evidence' });

/** Changed records, one document each, keyed by (simulationId, seq). */
const changeSchema = new Schema(
  {
    simulationId: { type: String, required: true },
    seq: { type: Number, required: true },
    recordId: { type: String, required: true },
  },
  { collection: SIMULATION_CHANGES, strict: false, minimize: false, versionKey: false, id: false },
);
changeSchema.index({ simulationId: 1, seq: 1 }, { unique: true, name: 'simulation_seq_unique' });
changeSchema.index({ simulationId: 1, recordId: 1 }, { name: 'simulation_record' });

const uploadSchema = new Schema(
  { id: { type: String, required: true }, createdAt: { type: String, required: true } },
  { collection: SIMULATION_UPLOADS, strict: false, minimize: false, versionKey: false, id: false },
);
uploadSchema.index({ id: 1 }, { unique: true, name: 'id_unique' });

export type SimulationModel = Model<Simulation>;
export type SimulationChangeModel = Model<ChangedRecord & { simulationId: string }>;
export type SimulationUploadModel = Model<Upload>;

export function simulationModels(conn: Connection) {
  return {
    simulations: conn.model<Simulation>('Simulation', simulationSchema as unknown as Schema<Simulation>),
    simulationChanges: conn.model<ChangedRecord & { simulationId: string }>('SimulationChange', changeSchema as unknown as Schema<ChangedRecord & { simulationId: string }>),
    simulationUploads: conn.model<Upload>('SimulationUpload', uploadSchema as unknown as Schema<Upload>),
  };
}
