import type { PopulationBatch } from './records';

/**
 * Where a simulation's records come from: an uploaded file, the client register, or the decision log. A source
 * yields batches in population order and is read once, as the workers ask for more, so no population is ever held
 * in memory whole.
 */
export interface PopulationSource {
  /** How many records the population has, when that is known before the run (it drives the budget and the ETA). */
  count(): Promise<number | null>;
  batches(): AsyncIterable<PopulationBatch>;
}
