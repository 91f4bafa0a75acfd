import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './worker-protocol';

/** A worker's old-generation heap cap: it holds one batch at a time, so running out means something is wrong. */
const WORKER_HEAP_MB = 512;

/**
 * Starts one simulation worker. From the built server (dist) the worker is plain JavaScript; when the server runs
 * from TypeScript sources (tests, `tsx`), the worker thread gets the same on-the-fly compilation through tsx, which
 * is a development dependency and is only loaded in that case.
 */
export function spawnSimulationWorker(init: WorkerInit): Worker {
  const ext = extname(__filename);
  const entry = join(__dirname, `simulation-worker${ext}`);
  const options = { workerData: init, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (ext === '.ts') {
    const tsx = require.resolve('tsx/cjs/api');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { ...options, eval: true });
  }
  return new Worker(entry, options);
}
