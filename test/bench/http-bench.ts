/**
 * HTTP benchmark of the decision endpoint (issue 5), loopback only, bounded in time.
 *
 *   npm run bench:http                          3 runs × 10 s per configuration, medians (about 2½ minutes)
 *   npm run bench:http -- --seconds 5 --runs 1  a quick look (--no-memory skips the in-memory reference row;
 *                                               --profile DIR writes the real server's CPU profile to DIR;
 *                                               --no-batch skips the batch endpoint)
 *
 * (a) a bare Express 5 endpoint — same body parser and limit, same request bodies, answering the same JSON our
 *     decision endpoint answers — against (b) POST /api/v1/decisions/:key on the real server (server/src/main.ts)
 *     with the engine benchmark's 60-rule credit policy, API-key authentication and durable logging (SQLite,
 *     group commit, synchronous=FULL). 50 connections; req/s, p50, p99 and the ratio b/a. Then the batch endpoint
 *     with 1,000-item batches, in decisions/s. Each server runs in a child process so that autocannon (here) and
 *     the server never share an event loop; the CPU both used is reported, since they share the machine's cores.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RuleInput } from '../../server/src/modules/rule-sets/rule-set';
import { Client, provision } from '../crash/decision-setup';
import { BOOLEAN_FIELDS, generateBorrowers, NUMERIC_FIELDS, STRING_FIELDS } from './borrowers';
import { generateCreditRuleSet } from './credit-rules';
import { describeMachine } from './machine';
import { freePort } from '../faults/child-server';

/** The part of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (o: Record<string, unknown>) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number }>;
const load = createRequire(__filename);
const autocannon = load('autocannon') as Autocannon;
const AUTOCANNON_VERSION = (load('autocannon/package.json') as { version: string }).version;

const ROOT = resolve(__dirname, '..', '..');
const ADMIN_PASSWORD = 'Bench-Owner-Passphrase-71';
const STAFF_PASSWORD = 'Bench-Staff-Passphrase-38';
const BODY_LIMIT = '4mb';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};

// ---------------------------------------------------------------------------------------------------------------
// Child: the bare Express endpoint.
// ---------------------------------------------------------------------------------------------------------------
async function serveBare(port: number, responseFile: string): Promise<void> {
  const express = (await import('express')).default;
  const response = JSON.parse(readFileSync(responseFile, 'utf8'));
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'], strict: false }));
  app.post('/bare', (req, res) => {
    // Touch the body as a handler would, then answer with a decision-sized JSON document.
    res.json({ ...response, echo: typeof req.body?.facts === 'object' });
  });
  app.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: servers, set-up, measurement.
// ---------------------------------------------------------------------------------------------------------------
interface RunFigures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU used by autocannon (this process) and by the server process, in % of one core. */
  loadCpu: number;
  serverCpu: number;
}


function child(args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, '--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
}

/** `--profile DIR`: the real server writes a V8 CPU profile there when it stops (open it in Chrome's DevTools). */
const profileDir = argv.includes('--profile') ? resolve(argv[argv.indexOf('--profile') + 1]) : null;

async function waitFor(url: string, proc: ChildProcess, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** utime + stime of a process (all its threads), in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function measure(url: string, pid: number, opts: { seconds: number; connections: number; bodies: string[]; headers: Record<string, string> }): Promise<RunFigures> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const server0 = cpuSeconds(pid);
  const t0 = performance.now();
  const r = await autocannon({
    url,
    method: 'POST',
    connections: opts.connections,
    duration: opts.seconds,
    headers: { 'content-type': 'application/json', ...opts.headers },
    // Each connection sends its own borrower: evaluation sees varied facts without per-request work here.
    setupClient: (client: { setBody: (b: string) => void }) => client.setBody(opts.bodies[next++ % opts.bodies.length]),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    loadCpu: ((cpu.user + cpu.system) / 1e6 / wall) * 100,
    serverCpu: ((cpuSeconds(pid) - server0) / wall) * 100,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianRun = (runs: RunFigures[]): RunFigures => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
  non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
  errors: runs.reduce((n, r) => n + r.errors, 0),
  loadCpu: median(runs.map((r) => r.loadCpu)),
  serverCpu: median(runs.map((r) => r.serverCpu)),
});

/** The engine benchmark's 60-rule credit policy, with its 38 facts declared as typed inputs (validated per request). */
function policy() {
  const doc = generateCreditRuleSet(60, 1060);
  doc.inputs = [
    ...Object.keys(NUMERIC_FIELDS).map((name): RuleInput => ({ name, type: 'number' })),
    ...Object.entries(STRING_FIELDS).map(([name, values]): RuleInput => ({ name, type: 'string', enum: [...values] })),
    ...BOOLEAN_FIELDS.map((name): RuleInput => ({ name, type: 'boolean' })),
  ];
  return doc;
}

async function main() {
  const seconds = opt('seconds', 10);
  const runs = opt('runs', 3);
  const connections = opt('connections', 50);
  const batchConnections = opt('batch-connections', 4);
  const withMemory = !argv.includes('--no-memory');
  const machine = describeMachine();
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'covenant-http-bench-'));
  const procs: ChildProcess[] = [];
  try {
    // (b) the real server, durable SQLite log; (c) the same on the in-memory store, which shows what the durable
    // log costs (it is not a deployment option: memory forgets everything on exit).
    const doc = policy();
    const startReal = async (store: 'sqlite' | 'memory') => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const proc = child(['server/src/main.ts'], {
        PORT: String(port), HOST: '127.0.0.1', COVENANT_DATA_DIR: join(dataDir, store), COVENANT_STORE: store, COVENANT_SEED_DEMO: 'false',
        COVENANT_ADMIN_PASSWORD: ADMIN_PASSWORD, COVENANT_SERVE_UI: 'false', COVENANT_API_KEY_RATE: '1000000', COVENANT_BODY_LIMIT: BODY_LIMIT,
        NODE_ENV: 'development', LOG_LEVEL: 'warn',
      }, profileDir && store === 'sqlite' ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
      procs.push(proc);
      await waitFor(`${url}/healthz`, proc);
      return { url, proc, secret: await provision(url, { adminPassword: ADMIN_PASSWORD, staffPassword: STAFF_PASSWORD, document: doc }) };
    };
    const real = await startReal('sqlite');
    const memory = withMemory ? await startReal('memory') : null;
    const { url: base, proc: server, secret } = real;
    const borrowers = generateBorrowers(1000, 7);
    const bodies = borrowers.map((facts) => JSON.stringify({ facts }));
    const sample = await new Client(base, secret).ok('POST', `/api/v1/decisions/${doc.key}`, { facts: borrowers[0] });
    const sampleFile = join(dataDir, 'sample-response.json');
    writeFileSync(sampleFile, JSON.stringify(sample));
    log(`request ≈ ${Math.round(bodies.reduce((n, b) => n + b.length, 0) / bodies.length)} B, response ≈ ${JSON.stringify(sample).length} B`);

    // (a) bare Express, same body parser, same answer size.
    const bPort = await freePort();
    const bare = child([__filename, '--serve-bare', String(bPort), sampleFile]);
    procs.push(bare);
    await new Promise<void>((res) => bare.stdout!.once('data', () => res()));

    const bareRuns: RunFigures[] = [];
    const decisionRuns: RunFigures[] = [];
    const memoryRuns: RunFigures[] = [];
    for (let i = 1; i <= runs; i++) {
      log(`run ${i}/${runs}: bare express`);
      bareRuns.push(await measure(`http://127.0.0.1:${bPort}/bare`, bare.pid!, { seconds, connections, bodies, headers: {} }));
      log(`run ${i}/${runs}: decision endpoint`);
      decisionRuns.push(await measure(`${base}/api/v1/decisions/${doc.key}`, server.pid!, { seconds, connections, bodies, headers: { 'x-api-key': secret } }));
      if (memory) {
        log(`run ${i}/${runs}: decision endpoint, memory store`);
        memoryRuns.push(await measure(`${memory.url}/api/v1/decisions/${doc.key}`, memory.proc.pid!, { seconds, connections, bodies, headers: { 'x-api-key': memory.secret } }));
      }
    }
    const batchBodies = Array.from({ length: 4 }, (_, k) => JSON.stringify({ items: borrowers.map((facts, i) => ({ facts: borrowers[(i + k * 250) % borrowers.length] ?? facts })) }));
    const batchRuns: RunFigures[] = [];
    for (let i = 1; i <= (argv.includes('--no-batch') ? 0 : runs); i++) {
      log(`run ${i}/${runs}: batch endpoint (1,000 items)`);
      batchRuns.push(await measure(`${base}/api/v1/decisions/${doc.key}/batch`, server.pid!, { seconds, connections: batchConnections, bodies: batchBodies, headers: { 'x-api-key': secret } }));
    }
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const b = medianRun(bareRuns);
    const d = medianRun(decisionRuns);
    const batch = batchRuns.length ? medianRun(batchRuns) : { rps: 0, p50: 0, p99: 0, non2xx: 0, errors: 0, loadCpu: 0, serverCpu: 0 };
    const meanCommit = metricMean(metrics, 'covenant_decision_log_batch_records');
    const meanWriteMs = metricMean(metrics, 'covenant_decision_log_write_seconds', 'target="store"') * 1000;
    machine.loadAverage.end = loadavg()[0];
    const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
    const row = (name: string, f: RunFigures, rate = f.rps, unit = 'req/s') =>
      `| ${name} | ${fmt(rate)} ${unit} | ${f.p50} | ${f.p99} | ${fmt(f.serverCpu)} % | ${fmt(f.loadCpu)} % | ${f.non2xx + f.errors} |`;
    const out = [
      `Machine: ${machine.nproc} CPUs (${machine.cpu}), Node ${machine.node}; load average ${machine.loadAverage.start.toFixed(2)} at start, ${machine.loadAverage.end.toFixed(2)} at end.`,
      `Medians of ${runs} runs × ${seconds} s; ${connections} connections (batch: ${batchConnections}); loopback; autocannon ${AUTOCANNON_VERSION} in the parent process, each server in a child process.`,
      '',
      '| Endpoint | Throughput | p50 ms | p99 ms | server CPU | autocannon CPU | errors |',
      '|---|---|---|---|---|---|---|',
      row('(a) bare Express 5, same parser and sizes', b),
      row('(b) POST /api/v1/decisions/:key (60 rules, durable log)', d),
      ...(memoryRuns.length ? [row('(c) the same, in-memory store (no durable log; reference only)', medianRun(memoryRuns))] : []),
      row('batch, 1,000 items per request', batch, batch.rps * 1000, 'decisions/s'),
      '',
      `Ratio (b)/(a): ${fmt((d.rps / b.rps) * 100, 1)} % of bare Express (target ≥ 80 %); p99 ${d.p99} ms (target ≤ 25 ms); batch ${fmt(batch.rps * 1000)} decisions/s (target ≥ 100,000).`,
      `Group commit over the whole run: ${fmt(meanCommit, 1)} records per commit on average, ${fmt(meanWriteMs, 2)} ms per commit.`,
    ].join('\n');
    process.stdout.write(`${out}\n`);
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify({ machine, bare: bareRuns, decisions: decisionRuns, memory: memoryRuns, batch: batchRuns })}\n`);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** sum / count of a histogram in Prometheus text, optionally for one label set. */
function metricMean(text: string, name: string, labels = ''): number {
  const pick = (suffix: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}_${suffix}`) && l.includes(labels));
    return line ? Number(line.split(' ').pop()) : NaN;
  };
  return pick('sum') / pick('count');
}

if (argv[0] === '--serve-bare') void serveBare(Number(argv[1]), argv[2]);
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
