/**
 * A worker thread of writePortfolio: makes every `stride`-th chunk of the book and sends each back as text,
 * waiting for credit so that a fast worker never runs far ahead of the file being written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { csvColumns, profileToRow } from '../clients/client-csv';
import { csvLine } from '../clients/csv';
import type { PortfolioConfig } from './config';
import { chunkCount, generateChunk } from './generator';
import { Factors } from './latent';

interface Job {
  config: PortfolioConfig;
  format: 'jsonl' | 'csv';
  truth: boolean;
  profileSchema: Record<string, unknown>;
  first: number;
  stride: number;
}

const job = workerData as Job;
const port = parentPort!;
let credits = 2;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

async function run(): Promise<void> {
  const cols = job.format === 'csv' ? csvColumns(job.profileSchema) : null;
  const factors = new Factors(job.config.seed, job.config.macroShift);
  for (let c = job.first; c < chunkCount(job.config); c += job.stride) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    const out = generateChunk(job.config, c, factors);
    const text = out.map((g) => (cols ? csvLine(profileToRow(cols, g.profile)) : JSON.stringify(g.profile) + '\n')).join('');
    const truth = job.truth ? out.map((g) => JSON.stringify(g.truth) + '\n').join('') : '';
    port.postMessage({ chunk: c, text, truth, records: out.map((g) => g.calibration) });
  }
  port.postMessage({ done: true });
}

run().catch((e) => port.postMessage({ error: (e as Error).stack ?? String(e) }));
