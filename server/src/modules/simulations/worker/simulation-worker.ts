import { parentPort, workerData } from 'node:worker_threads';
import { compileRuleSet } from '../../engine';
import { emptyAggregate, planOutputs, primaryOutput } from '../aggregate';
import { RecordReader, type SkippedRecord } from '../population/records';
import { inputTypes } from '../population/row-typing';
import { RecordComparer } from '../record-comparer';
import type { ChangedRecord } from '../simulation';
import type { FromWorker, ToWorker, WorkerInit } from './worker-protocol';

/**
 * A simulation worker thread: compiles the two versions once, then evaluates the batches the main thread sends and
 * answers each with its counts and changed records. It holds one batch at a time, so its memory does not grow with
 * the population.
 */
const SKIPPED_SAMPLES_PER_BATCH = 20;
const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);

function start(init: WorkerInit) {
  // No tracing evaluator: drill-downs re-evaluate in the main thread.
  const baseline = compileRuleSet(init.baseline, { tracing: false });
  const candidate = compileRuleSet(init.candidate, { tracing: false });
  const plans = planOutputs(init.baseline, init.candidate);
  const comparer = new RecordComparer(baseline, candidate, { plans, primary: primaryOutput(plans), asOf: init.asOf, today: init.today, exposureField: init.exposureField });
  const reader = new RecordReader({ types: inputTypes([init.baseline, init.candidate]), exposureField: init.exposureField, deriveAsOf: init.asOf ?? init.today });
  let collectChanges = true;

  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop-collecting-changes') {
      collectChanges = false;
      return;
    }
    try {
      const aggregate = emptyAggregate(plans);
      const changes: ChangedRecord[] = [];
      const skippedSamples: SkippedRecord[] = [];
      let processed = 0;
      let skipped = 0;
      const skip = (s: SkippedRecord) => {
        skipped++;
        if (skippedSamples.length < SKIPPED_SAMPLES_PER_BATCH) skippedSamples.push(s);
      };
      reader.read(
        m.batch,
        (rec) => {
          processed++;
          const r = comparer.compare(rec, aggregate);
          if (typeof r === 'string') skip({ recordId: rec.recordId, seq: rec.seq, reason: r });
          else if (r !== null && collectChanges) changes.push(r);
        },
        (s) => {
          processed++;
          skip(s);
        },
      );
      post({ type: 'result', seq: m.seq, processed, skipped, skippedSamples, aggregate, changes });
    } catch (e) {
      post({ type: 'error', message: (e as Error).message });
    }
  });
  post({ type: 'ready' });
}

try {
  start(workerData as WorkerInit);
} catch (e) {
  post({ type: 'error', message: `the rule sets could not be compiled in the worker: ${(e as Error).message}` });
}
