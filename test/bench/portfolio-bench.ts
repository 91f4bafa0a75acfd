/**
 * `npm run bench:portfolio [-- --clients N] [-- --mode skip-bad-rows] [-- --json]`, part 1: the synthetic portfolio
 * imported over HTTP.
 *
 * 1. Generates N (default 100,000) client profiles as JSONL with `scripts/portfolio.ts` in a child process (worker
 *    threads; its time is reported, and its memory is not this process's).
 * 2. Starts the server in this process on a fresh SQLite store and streams the file to POST /api/v1/clients/import
 *    (all-or-nothing by default: every row validated into a spool file, then committed in batches) with the CLI's
 *    import function, following the import until it has finished.
 *
 * Reported: file size, generation time, import time (upload + validation, then commit), rows/s, CPU time of this
 * process during the import, and its RSS before and at peak during the import (sampled every 50 ms). The HTTP
 * client streaming the file is in this process too and counted; it holds one 64 KB chunk at a time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importClients } from '../../server/src/cli/clients-command';
import { compose } from '../../server/src/composition-root';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { SYSTEM_ACTOR } from '../../server/src/shared/actor';
import { repoRoot } from '../../server/src/shared/paths';
import { cachedBookFile } from './book-cache';
import { describeMachine } from './machine';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const CLIENTS = Number(opt('clients') ?? 100_000);
const MODE = opt('mode') ?? 'all-or-nothing';
const JSON_OUT = args.includes('--json');
const AS_OF = '2026-09-30';
const log = (...a: unknown[]) => (JSON_OUT ? process.stderr.write(a.join(' ') + '\n') : console.log(...a));
const mb = (b: number) => Math.round(b / 1e5) / 10;

async function main() {
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), 'covenant-portfolio-bench-'));
  const file = cachedBookFile(CLIENTS, AS_OF);
  let generateS: number | null = null;
  if (!existsSync(file)) {
    log(`generating ${CLIENTS} clients → ${file} …`);
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(repoRoot(), 'scripts', 'portfolio.ts'), '--clients', String(CLIENTS), '--seed', '42', '--as-of', AS_OF, '--out', file], { stdio: ['ignore', 'inherit', 'inherit'] });
    generateS = Number(process.hrtime.bigint() - t) / 1e9;
  } else log(`using the generated file ${file} (delete it to time generation again)`);
  const fileBytes = statSync(file).size;

  const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: work, COVENANT_STORE: 'sqlite', LOG_LEVEL: 'warn' }, { port: 0, seedDemo: false, adminPassword: 'portfolio-bench-1' });
  const composition = await compose(config, createLogger(config.logLevel));
  const server = createServer(composition.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const key = await composition.services.apiKeys.create('portfolio bench', ['clients:read', 'clients:write'], SYSTEM_ACTOR);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let receivedAt: number | null = null;
  const job = await importClients({}, { server: url, apiKey: key.secret }, file, MODE, 'jsonl', (j) => {
    if (receivedAt === null && j.status === 'committing') receivedAt = Number(process.hrtime.bigint() - t0) / 1e9;
    log(`  ${j.status}: ${j.processed} read, ${j.committed} written`);
  });
  const importS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const stored = await composition.stores.clients.count({});
  const dbBytes = statSync(join(work, 'covenant.db')).size;

  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await composition.close();
  rmSync(work, { recursive: true, force: true });

  const result = {
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: loadavg()[0] } },
    clients: CLIENTS,
    mode: MODE,
    fileMb: mb(fileBytes),
    generateS,
    import: { status: job.status, committed: job.committed, badRows: job.badRows, stored, seconds: Math.round(importS * 10) / 10, receiveS: receivedAt, rowsPerS: Math.round(CLIENTS / importS), cpuS: Math.round((cpu.user + cpu.system) / 1e5) / 10 },
    rssMb: { before: mb(rssBefore), peak: mb(peak), growth: mb(peak - rssBefore) },
    databaseMb: mb(dbBytes),
  };
  if (JSON_OUT) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    log(`\nmachine: ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, load ${machine.loadAverage.start.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
    log(`file: ${result.fileMb} MB JSONL, ${CLIENTS} clients${generateS !== null ? `, generated in ${generateS.toFixed(1)} s` : ''}`);
    log(`import (${MODE}): ${job.status}, ${job.committed} written in ${result.import.seconds} s (${result.import.rowsPerS} rows/s; file received and validated after ${receivedAt ?? '?'} s); CPU ${result.import.cpuS} s`);
    log(`RSS: ${result.rssMb.before} MB before, ${result.rssMb.peak} MB at peak (+${result.rssMb.growth} MB); database ${result.databaseMb} MB`);
  }
  if (job.status !== 'completed' || stored !== CLIENTS) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
