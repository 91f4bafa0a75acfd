import { once } from 'node:events';
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { csvColumns, profileToRow } from '../clients/client-csv';
import { csvLine } from '../clients/csv';
import { Calibration, type CalibrationRecord, type CalibrationSummary } from './calibration';
import { GENERATOR_VERSION, type PortfolioConfig } from './config';
import { chunkCount, generatePortfolio } from './generator';

export interface WriteOptions {
  out: string;
  format: 'jsonl' | 'csv';
  /** Where the hidden ground truth goes (JSONL, one line per client), if anywhere. */
  truth?: string;
  /** The client-profile JSON Schema, needed for the CSV columns. */
  profileSchema?: Record<string, unknown>;
  /** Worker threads (default: one per core, at most 4; 1 = in this thread). */
  workers?: number;
}

/** A small buffered writer: lines are joined and written in blocks, waiting for the stream when it is full. */
class Sink {
  private buf: string[] = [];
  private size = 0;
  constructor(private readonly out: WriteStream) {}
  async write(text: string): Promise<void> {
    this.buf.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (!this.buf.length) return;
    const ok = this.out.write(this.buf.join(''));
    this.buf = [];
    this.size = 0;
    if (!ok) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

type Result = CalibrationSummary & { version: string; config: PortfolioConfig };

/**
 * Generates the book into files; returns the calibration summary (with the manifest fields). Chunks are made in
 * worker threads when there is more than one core and more than one chunk, and written in order, so the file is
 * the same byte for byte whatever the number of workers.
 */
export async function writePortfolio(cfg: PortfolioConfig, o: WriteOptions): Promise<Result> {
  const out = new Sink(createWriteStream(o.out, { encoding: 'utf8' }));
  const truth = o.truth ? new Sink(createWriteStream(o.truth, { encoding: 'utf8' })) : null;
  const cal = new Calibration();
  if (o.format === 'csv') await out.write(csvLine(csvColumns(o.profileSchema ?? {}).order));
  const workers = Math.max(1, Math.min(o.workers ?? Math.min(4, availableParallelism()), chunkCount(cfg)));
  if (workers === 1 || !workerFile()) await inThisThread(cfg, o, out, truth, cal);
  else await inWorkers(cfg, o, workers, out, truth, cal);
  await out.close();
  if (truth) await truth.close();
  return { ...cal.summary(), version: GENERATOR_VERSION, config: cfg };
}

async function inThisThread(cfg: PortfolioConfig, o: WriteOptions, out: Sink, truth: Sink | null, cal: Calibration): Promise<void> {
  const cols = o.format === 'csv' ? csvColumns(o.profileSchema ?? {}) : null;
  for (const g of generatePortfolio(cfg)) {
    await out.write(cols ? csvLine(profileToRow(cols, g.profile)) : JSON.stringify(g.profile) + '\n');
    if (truth) await truth.write(JSON.stringify(g.truth) + '\n');
    cal.add(g.calibration);
  }
}

/** The worker script next to this file (.ts under tsx, .js once compiled). */
function workerFile(): string | null {
  const ext = __filename.endsWith('.ts') ? '.ts' : '.js';
  const f = join(__dirname, `portfolio-worker${ext}`);
  return existsSync(f) ? f : null;
}

interface ChunkMessage {
  chunk: number;
  text: string;
  truth: string;
  records: CalibrationRecord[];
}

async function inWorkers(cfg: PortfolioConfig, o: WriteOptions, n: number, out: Sink, truth: Sink | null, cal: Calibration): Promise<void> {
  const pending = new Map<number, ChunkMessage>();
  const total = chunkCount(cfg);
  let next = 0;
  let failure: Error | null = null;
  let notify: (() => void) | null = null;
  const threads = Array.from({ length: n }, (_, first) => {
    const file = workerFile() as string;
    const workerData = { config: cfg, format: o.format, truth: !!truth, profileSchema: o.profileSchema ?? {}, first, stride: n };
    // Under tsx (npm run portfolio, the tests) the worker registers the TypeScript hook before loading the script.
    const w = file.endsWith('.ts')
      ? new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(file)});`, { eval: true, workerData })
      : new Worker(file, { workerData });
    w.on('message', (m: ChunkMessage | { done: true } | { error: string }) => {
      if ('error' in m) failure = new Error(m.error);
      else if ('chunk' in m) pending.set(m.chunk, m);
      notify?.();
    });
    w.on('error', (e) => {
      failure = e;
      notify?.();
    });
    return w;
  });
  try {
    while (next < total) {
      const m = pending.get(next);
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      pending.delete(next);
      await out.write(m.text);
      if (truth) await truth.write(m.truth);
      for (const r of m.records) cal.add(r);
      threads[next % n].postMessage('credit');
      next++;
    }
  } finally {
    await Promise.all(threads.map((w) => w.terminate()));
  }
}
