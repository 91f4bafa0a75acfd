import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SchemaValidator } from '../../shared/validation';
import { checkLines, type CheckedRow, type RawLine } from './row-check';

/**
 * Checks JSONL rows in a worker thread, so that parsing and validating a 100,000-row file neither blocks the event
 * loop (decisions keep flowing during an import) nor waits for the database: the main thread writes one batch while
 * the worker checks the next. Falls back to checking in this thread when no worker can be started.
 */
export class RowChecker {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: CheckedRow[]) => void; reject: (e: Error) => void }>();

  constructor(private readonly validator: SchemaValidator) {
    const ts = __filename.endsWith('.ts');
    const file = join(__dirname, `import-worker${ts ? '.ts' : '.js'}`);
    if (!existsSync(file)) return;
    try {
      // Under tsx (development, tests) the worker registers the TypeScript hook before loading the script.
      this.worker = ts ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { eval: true }) : new Worker(file);
      this.worker.unref();
      this.worker.on('message', (m: { seq: number; rows: CheckedRow[] }) => {
        this.waiting.get(m.seq)?.resolve(m.rows);
        this.waiting.delete(m.seq);
      });
      this.worker.on('error', (e) => this.fail(e));
      this.worker.on('exit', () => this.fail(new Error('the import worker stopped')));
    } catch {
      this.worker = null;
    }
  }

  check(lines: RawLine[]): Promise<CheckedRow[]> {
    if (!this.worker) return Promise.resolve(checkLines(this.validator, lines));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker!.postMessage({ seq, lines });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private fail(e: Error): void {
    this.worker = null;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
