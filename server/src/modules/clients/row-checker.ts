import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SchemaValidator } from '../../shared/validation';
import { checkLines, type CheckedRow, type RawLine } from './row-check';

/**
 * Checks JSONL rows in worker threads, so that parsing and validating a 100,000-row file neither blocks the event
 * loop (decisions keep flowing during an import) nor waits for the database: the main thread writes one batch while
 * the worker checks the next. Falls back to checking in this thread when no worker can be started.
 */
export class RowChecker {
  private workers: Worker[] = [];
  private next = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: CheckedRow[]) => void; reject: (e: Error) => void }>();

  /** `threads`: workers checking groups in turn (one per core by default: the main thread mostly waits on them). */
  constructor(
    private readonly validator: SchemaValidator,
    threads = availableParallelism(),
  ) {
    const ts = __filename.endsWith('.ts');
    const file = join(__dirname, `import-worker${ts ? '.ts' : '.js'}`);
    if (!existsSync(file)) return;
    try {
      for (let i = 0; i < threads; i++) {
        // Under tsx (development, tests) the worker registers the TypeScript hook before loading the script.
        const w = ts ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { eval: true }) : new Worker(file);
        w.unref();
        w.on('message', (m: { seq: number; rows: CheckedRow[] }) => {
          this.waiting.get(m.seq)?.resolve(m.rows);
          this.waiting.delete(m.seq);
        });
        w.on('error', (e) => this.fail(e));
        w.on('exit', () => this.fail(new Error('an import worker stopped')));
        this.workers.push(w);
      }
    } catch {
      void this.close();
    }
  }

  check(lines: RawLine[]): Promise<CheckedRow[]> {
    if (!this.workers.length) return Promise.resolve(checkLines(this.validator, lines));
    const seq = ++this.seq;
    const w = this.workers[this.next++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      w.postMessage({ seq, lines });
    });
  }

  async close(): Promise<void> {
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }

  /** A failed worker fails its groups; the checker then falls back to checking in this thread. */
  private fail(e: Error): void {
    const ws = this.workers;
    this.workers = [];
    for (const w of ws) void w.terminate();
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
