/**
 * `npm run bench:scan [-- --clients N] [-- --json] [-- --from-source]` (part of `bench:portfolio`): a full monitoring
 * scan of N (default 100,000) synthetic clients on the embedded SQLite store — derive() on every profile, the
 * shipped segmentation (five-category, client-tier) and warning (early-warning) rule sets, alerts and segments
 * written with their audit events and history — twice: the first scan of a book nobody classified yet (every client
 * changes segments, every signal opens an alert), then a repeat scan (nothing changes, every signal is seen again).
 *
 * The book is `scripts/portfolio.ts`' JSONL (the same file `bench:portfolio` uses, generated once in a child process),
 * loaded once into a template database that each run copies. The clock is fixed at 2026-10-15, so every run derives
 * the same facts and counts the same signals. By default the built server (dist/) is measured, as production runs it.
 *
 * Reported: seconds and clients/s per scan, the counts, CPU time, RSS of the process (workers are its threads)
 * before and at peak (sampled every 100 ms, and the kernel's high-water mark), RSS after each tenth of the scan
 * (flat = bounded by the batch, not the book), and the main thread's event-loop delay (how long a request could wait).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type * as CompositionRoot from '../../server/src/composition-root';
import type * as ConfigModule from '../../server/src/config';
import type * as LoggerModule from '../../server/src/logger';
import type { Scan } from '../../server/src/modules/monitoring/scan';
import { SYSTEM_ACTOR } from '../../server/src/shared/actor';
import { repoRoot } from '../../server/src/shared/paths';
import { cachedBookFile, cachedTemplateDb } from './book-cache';
import { describeMachine } from './machine';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const CLIENTS = Number(opt('clients') ?? 100_000);
const FROM_SOURCE = args.includes('--from-source');
const JSON_OUT = args.includes('--json');
const AS_OF = '2026-09-30';
const NOW = '2026-10-15T08:00:00.000Z';
const log = (...a: unknown[]) => (JSON_OUT ? process.stderr.write(a.join(' ') + '\n') : console.log(...a));
const mb = (b: number) => Math.round(b / 1e5) / 10;
const clock = { now: () => new Date(NOW) };

type Server = { compose: typeof CompositionRoot.compose; loadConfig: typeof ConfigModule.loadConfig; createLogger: typeof LoggerModule.createLogger };

function loadServer(): Server {
  let dir = join(repoRoot(), 'server', 'src');
  if (!FROM_SOURCE) {
    log('building the server (tsc -p tsconfig.build.json) …');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(repoRoot(), 'tsconfig.build.json')], { stdio: 'inherit' });
    dir = join(repoRoot(), 'dist', 'server', 'src');
  }
  return { compose: require(join(dir, 'composition-root')).compose, loadConfig: require(join(dir, 'config')).loadConfig, createLogger: require(join(dir, 'logger')).createLogger };
}

function configFor(s: Server, dataDir: string) {
  const env = { NODE_ENV: 'test', COVENANT_DATA_DIR: dataDir, COVENANT_STORE: 'sqlite', LOG_LEVEL: 'error' };
  return s.loadConfig(env, { port: 0, seedDemo: true });
}

/** The JSONL book (shared with bench:portfolio), then a database holding it and the rule library, both cached. */
async function template(s: Server): Promise<string> {
  const db = cachedTemplateDb(CLIENTS, AS_OF);
  if (existsSync(db)) {
    log(`using the book in ${db} (delete it to load it again)`);
    return db;
  }
  const file = cachedBookFile(CLIENTS, AS_OF);
  if (!existsSync(file)) {
    log(`generating ${CLIENTS} clients → ${file} …`);
    execFileSync(process.execPath, [require.resolve('tsx/cli'), join(repoRoot(), 'scripts', 'portfolio.ts'), '--clients', String(CLIENTS), '--seed', '42', '--as-of', AS_OF, '--out', file], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
  log(`loading ${file} into a template database …`);
  const dir = mkdtempSync(join(tmpdir(), 'covenant-scan-template-'));
  const c = await s.compose(configFor(s, dir), s.createLogger('error'), clock);
  await c.services.changeMonitor.close(); // the book is classified by the scans being measured, not on load
  let batch: unknown[] = [];
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    batch.push(JSON.parse(line));
    if (batch.length === 1000) {
      n += (await c.services.clients.upsertMany(batch as never[], SYSTEM_ACTOR, { importId: 'scan-bench' })).length;
      batch = [];
      if (n % 20_000 === 0) log(`  ${n} loaded`);
    }
  }
  if (batch.length) n += (await c.services.clients.upsertMany(batch as never[], SYSTEM_ACTOR, { importId: 'scan-bench' })).length;
  await c.close();
  copyFileSync(join(dir, 'covenant.db'), db);
  rmSync(dir, { recursive: true, force: true });
  log(`  ${n} clients in ${db}`);
  return db;
}

interface Measured {
  scan: Scan;
  seconds: number;
  clientsPerS: number;
  cpuS: number;
  rssMb: { before: number; peak: number; byTenth: number[] };
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

async function measure(c: Awaited<ReturnType<Server['compose']>>, label: string): Promise<Measured> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const byTenth: number[] = [];
  const eld = monitorEventLoopDelay({ resolution: 10 });
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const started = await c.services.scans.start({ trigger: 'manual', actor: SYSTEM_ACTOR });
  eld.enable();
  const sampler = setInterval(async () => {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    const s = await c.stores.scans.get(started.id);
    const tenth = s && s.progress.total ? Math.floor((10 * s.progress.processed) / s.progress.total) : 0;
    while (byTenth.length < tenth) byTenth.push(mb(rss));
  }, 100);
  const scan = (await c.services.scans.finished(started.id)) as Scan;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(sampler);
  eld.disable();
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage().rss);
  const m: Measured = {
    scan,
    seconds: Math.round(seconds * 10) / 10,
    clientsPerS: Math.round(scan.progress.processed / seconds),
    cpuS: Math.round((cpu.user + cpu.system) / 1e5) / 10,
    rssMb: { before: mb(before), peak: mb(peak), byTenth },
    eventLoopDelayMs: { p50: Math.round(eld.percentile(50) / 1e5) / 10, p99: Math.round(eld.percentile(99) / 1e5) / 10, max: Math.round(eld.max / 1e5) / 10 },
  };
  log(`${label}: ${scan.status}, ${scan.progress.processed} clients in ${m.seconds} s (${m.clientsPerS}/s), CPU ${m.cpuS} s; RSS ${m.rssMb.before} → peak ${m.rssMb.peak} MB, by tenth ${byTenth.join(' ')}; event-loop delay p50 ${m.eventLoopDelayMs.p50} ms, p99 ${m.eventLoopDelayMs.p99} ms, max ${m.eventLoopDelayMs.max} ms`);
  log(`  counts ${JSON.stringify(scan.counts)}`);
  return m;
}

async function main() {
  const machine = describeMachine();
  const s = loadServer();
  const db = await template(s);
  const work = mkdtempSync(join(tmpdir(), 'covenant-scan-bench-'));
  copyFileSync(db, join(work, 'covenant.db'));
  const config = configFor(s, work);
  const c = await s.compose(config, s.createLogger('error'), clock);
  log(`machine: ${machine.nproc} × ${machine.cpu}, node ${machine.node}, load ${machine.loadAverage.start.toFixed(1)}; server from ${FROM_SOURCE ? 'sources (tsx)' : 'dist (built)'}; ${await c.stores.clients.count({})} clients; ${config.monitoring.workers} scan workers, batches of ${config.monitoring.batchSize}`);
  const first = await measure(c, 'first scan');
  const repeat = await measure(c, 'repeat scan');
  const alerts = (await c.stores.alerts.list({ status: 'active' }, { limit: 1 })).items.length;
  await c.close();
  const dbMb = mb(statSync(join(work, 'covenant.db')).size);
  rmSync(work, { recursive: true, force: true });
  const result = {
    machine: { ...machine, loadAverage: { ...machine.loadAverage, end: loadavg()[0] }, maxRssMb: mb(process.resourceUsage().maxRSS * 1024) },
    clients: CLIENTS,
    from: FROM_SOURCE ? 'sources' : 'dist',
    first: { ...first, scan: undefined, counts: first.scan.counts, status: first.scan.status },
    repeat: { ...repeat, scan: undefined, counts: repeat.scan.counts, status: repeat.scan.status },
    databaseMb: dbMb,
  };
  if (JSON_OUT) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else log(`kernel high-water RSS ${result.machine.maxRssMb} MB; database after both scans ${dbMb} MB; load ${machine.loadAverage.start.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  if (first.scan.status !== 'completed' || repeat.scan.status !== 'completed' || !alerts) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
