/** The import's worker thread: checks batches of JSONL rows (row-check.ts) while the main thread writes. */
import { parentPort } from 'node:worker_threads';
import { SchemaValidator } from '../../shared/validation';
import { checkLines, type RawLine } from './row-check';

const validator = new SchemaValidator();
parentPort!.on('message', (m: { seq: number; lines: RawLine[] }) => {
  parentPort!.postMessage({ seq: m.seq, rows: checkLines(validator, m.lines) });
});
