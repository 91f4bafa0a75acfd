/**
 * `npm run bench:simulation [-- --quick] [-- --json] [-- --from-source]`: what-if simulation end to end through the HTTP API on the
 * embedded SQLite store — upload a CSV of flat facts (streamed), run a changed credit policy against the active one,
 * wait for the results — for 100,000, 300,000 and 1,000,000 records (--quick: 100,000 only).
 *
 * The policy is the shipped rules/credit-policy/corporate.json (the active baseline, installed by the demo seed);
 * the candidate is a copy with a tenth of its numeric thresholds moved by 10 %. Facts are generated from what the
 * policy reads (53 facts), typed by the fact catalog, seeded so every run sees the same population.
 *
 * Reported: upload time, run time, end-to-end time, the server process's CPU time, records/s, and its peak RSS. The
 * workers are threads of the server process, so its RSS (sampled every 50 ms, and the kernel's high-water mark via
 * resourceUsage().maxRSS) includes them. The file is sent by a child process (an outside client), not counted.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import type * as CompositionRoot from '../../server/src/composition-root';
import type * as ConfigModule from '../../server/src/config';
import type * as LoggerModule from '../../server/src/logger';
import { compileRuleSet } from '../../server/src/modules/engine';
import { factDefinition } from '../../server/src/modules/facts/catalog';
import type { Condition, RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { repoRoot } from '../../server/src/shared/paths';
import { Prng } from '../engine/prng';
import { describeMachine } from './machine';

const args = process.argv.slice(2);
/** By default the built server (dist/, as in production) is measured; --from-source runs the TypeScript sources. */
const FROM_SOURCE = args.includes('--from-source');
const SIZES = args.includes('--quick') ? [100_000] : [100_000, 300_000, 1_000_000];
const JSON_OUT = args.includes('--json');
const log = (...a: unknown[]) => (JSON_OUT ? process.stderr.write(a.join(' ') + '\n') : console.log(...a));

const baseline: RuleSetDocument = require(join(repoRoot(), 'rules', 'credit-policy', 'corporate.json'));

/** Every leaf condition of the policy, shared conditions expanded. */
function leaves(doc: RuleSetDocument): { fact: string; operator: string; value: unknown }[] {
  const out: { fact: string; operator: string; value: unknown }[] = [];
  const walk = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else if ('condition' in c) walk(doc.conditions?.[c.condition]);
    else out.push(c as { fact: string; operator: string; value: unknown });
  };
  for (const r of doc.rules) walk(r.conditions);
  return out;
}

/** The candidate: every tenth rule's numeric thresholds moved 10 % (a plausible policy tightening or loosening). */
function candidateOf(doc: RuleSetDocument): RuleSetDocument {
  const c = structuredClone(doc);
  const move = (n: Condition): void => {
    if ('all' in n) n.all.forEach(move);
    else if ('any' in n) n.any.forEach(move);
    else if ('not' in n) move(n.not);
    else if ('fact' in n && typeof n.value === 'number' && n.value !== 0) n.value = Math.round(n.value * (n.operator.startsWith('greater') ? 0.9 : 1.1) * 1e6) / 1e6;
  };
  c.rules.forEach((r, i) => i % 10 === 0 && move(r.conditions));
  return c;
}

type Gen = (p: Prng) => string;

/**
 * A generator per fact the policy reads, giving a book that is mostly healthy: each numeric fact has a "bad side"
 * (above its thresholds when most of its conditions are greaterThan…, else below) which a record falls on with a
 * small probability; flags are rarely set; categorical facts rarely take a value a condition names. About 1 % of
 * cells are empty (missing data).
 */
function generators(doc: RuleSetDocument): [string, Gen][] {
  const byFact = new Map<string, { operator: string; value: unknown }[]>();
  for (const l of leaves(doc)) byFact.set(l.fact, [...(byFact.get(l.fact) ?? []), l]);
  const missing = (g: Gen): Gen => (p) => (p.chance(0.01) ? '' : g(p));
  return compileRuleSet(doc).factNames.map((fact): [string, Gen] => {
    const def = factDefinition(fact);
    const type = doc.inputs?.find((i) => i.name === fact)?.type ?? def?.type ?? 'string';
    const conds = byFact.get(fact) ?? [];
    if (type === 'boolean') {
      // usccValid is the one flag whose bad value is false.
      const badValue = fact === 'usccValid' ? 'false' : 'true';
      return [fact, missing((p) => (p.chance(0.01) ? badValue : badValue === 'true' ? 'false' : 'true'))];
    }
    if (type === 'number' || type === 'integer') {
      const above = conds.filter((c) => c.operator.startsWith('greater') && typeof c.value === 'number').map((c) => c.value as number);
      const below = conds.filter((c) => c.operator.startsWith('less') && typeof c.value === 'number').map((c) => c.value as number);
      const badAbove = above.length >= below.length;
      const edge = badAbove ? Math.min(...above, Infinity) : Math.max(...below, -Infinity);
      const scale = Math.max(Math.abs(edge), 1);
      if (fact === 'internalGrade') return [fact, (p) => String(p.chance(0.05) ? p.int(7, 10) : p.int(1, 6))];
      if (fact === 'maxDpd') return [fact, (p) => String(p.chance(0.03) ? p.int(1, 120) : 0)];
      // Integers are rounded away from the edge so that a healthy value never lands on it.
      const up = (v: number) => (type === 'integer' ? String(Math.ceil(v)) : v.toFixed(4));
      const down = (v: number) => (type === 'integer' ? String(Math.floor(v)) : v.toFixed(4));
      return [fact, missing((p) => {
        const bad = p.chance(0.03);
        const x = p.next();
        if (!Number.isFinite(edge)) return up(x * scale);
        // Healthy values sit up to one scale away on the safe side; bad ones up to half a scale past the edge.
        if (badAbove) return bad ? up(edge + 1e-6 + x * scale * 0.5) : down(edge - (0.05 + 0.95 * x) * scale);
        return bad ? down(edge - 1e-6 - x * scale * 0.5) : up(edge + (0.05 + 0.95 * x) * scale);
      })];
    }
    const named = new Set(conds.flatMap((c) => (Array.isArray(c.value) ? c.value : [c.value])).map(String));
    const pool = (def?.enum ?? []).map(String);
    const safe = pool.filter((v) => !named.has(v));
    if (fact === 'country') return [fact, (p) => (p.chance(0.9) ? 'CN' : 'SG')];
    if (type === 'array') return [fact, (p) => (p.chance(0.01) && named.size ? p.pick([...named]) : '')];
    return [fact, missing((p) => (named.size && p.chance(0.03) ? p.pick([...named]) : safe.length ? p.pick(safe) : ''))];
  });
}

/** Writes n rows: id, the policy's facts, exposure (drawn amount), province and tier for the breakdowns. */
async function writeCsv(file: string, n: number, gens: [string, Gen][]): Promise<void> {
  const out = createWriteStream(file);
  const p = new Prng(20260623);
  const names = gens.map(([f]) => f);
  const extra = ['provinceCode', 'tier'].filter((c) => !names.includes(c));
  out.write(['id', ...names, 'drawnAmount', ...extra].join(',') + '\n');
  let buf = '';
  for (let i = 0; i < n; i++) {
    const row = [`b${i}`];
    for (const [, g] of gens) row.push(g(p));
    row.push(String(p.int(1, 500) * 100_000));
    if (extra.includes('provinceCode')) row.push(p.pick(['110000', '310000', '320000', '330000', '440000', '510000']));
    if (extra.includes('tier')) row.push(p.pick(['A', 'B', 'C', 'D']));
    buf += row.join(',') + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
}

class Session {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}
  async login(username: string): Promise<void> {
    const r = await fetch(`${this.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'covenant-demo' }) });
    this.cookie = /covenant_session=[^;]*/.exec(r.headers.get('set-cookie') ?? '')![0];
    this.csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  }
  async call(method: string, path: string, body?: unknown): Promise<any> {
    const init: RequestInit = { method, headers: { cookie: this.cookie, 'x-csrf-token': this.csrf } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const r = await fetch(this.base + path, init);
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }

  /**
   * Streams a file to the upload endpoint from a child process, as an outside client would: the 300 MB passing
   * through the client's streams then count against the client, not against the server's RSS and CPU.
   */
  upload(path: string, file: string): Promise<any> {
    const client = `const fs = require('fs'); const { Readable } = require('stream');
      fetch(process.env.URL, { method: 'POST', duplex: 'half', headers: { cookie: process.env.COOKIE, 'x-csrf-token': process.env.CSRF, 'content-type': 'text/csv' },
        body: Readable.toWeb(fs.createReadStream(process.env.FILE, { highWaterMark: 1 << 20 })) })
        .then(async (r) => process.stdout.write(JSON.stringify({ status: r.status, body: await r.json() })))
        .catch((e) => { console.error(e); process.exit(1); });`;
    const env = { ...process.env, URL: this.base + path, COOKIE: this.cookie, CSRF: this.csrf, FILE: file };
    return new Promise((resolve, reject) =>
      execFile(process.execPath, ['-e', client], { env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
        if (err) return reject(new Error(`upload client failed: ${stderr || err.message}`));
        const r = JSON.parse(stdout) as { status: number; body: unknown };
        if (r.status !== 201) return reject(new Error(`upload: ${r.status} ${JSON.stringify(r.body)}`));
        resolve(r.body);
      }),
    );
  }
}

interface Row {
  records: number;
  fileMb: number;
  uploadS: number;
  runS: number;
  endToEndS: number;
  /** CPU time of the whole process (main thread and workers) during the run: the work itself, whatever else the machine does. */
  cpuS: number;
  recordsPerS: number;
  peakRssMb: number;
  /** Peak RSS during the upload and during the run, separately. */
  peakUploadRssMb: number;
  peakRunRssMb: number;
  changed: number;
  approval: { baseline: number; candidate: number } | undefined;
}

/**
 * The server under test. The built JavaScript is what production runs; from sources, every worker thread first
 * transpiles the modules it loads (tsx), which adds seconds per run that production never pays.
 */
function loadServer(): { compose: typeof CompositionRoot.compose; loadConfig: typeof ConfigModule.loadConfig; createLogger: typeof LoggerModule.createLogger } {
  let dir = join(repoRoot(), 'server', 'src');
  if (!FROM_SOURCE) {
    log('building the server (tsc -p tsconfig.build.json) …');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(repoRoot(), 'tsconfig.build.json')], { stdio: 'inherit' });
    dir = join(repoRoot(), 'dist', 'server', 'src');
  }
  return { compose: require(join(dir, 'composition-root')).compose, loadConfig: require(join(dir, 'config')).loadConfig, createLogger: require(join(dir, 'logger')).createLogger };
}

async function main() {
  const machine = describeMachine();
  const { compose, loadConfig, createLogger } = loadServer();
  const dir = mkdtempSync(join(tmpdir(), 'covenant-sim-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: join(dir, 'data'), COVENANT_STORE: 'sqlite', LOG_LEVEL: 'error' }, { port: 0, seedDemo: true });
  const c = await compose(config, createLogger('error'));
  const server = createServer(c.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const analyst = new Session(base);
  await analyst.login('analyst');
  const gens = generators(baseline);
  const candidate = candidateOf(baseline);
  log(`machine: ${machine.nproc} × ${machine.cpu}, node ${machine.node}, load average ${machine.loadAverage.start.toFixed(1)}; server from ${FROM_SOURCE ? 'sources (tsx)' : 'dist (built)'}; policy ${baseline.key}: ${baseline.rules.length} rules, ${gens.length} facts; workers ${config.simulation.workers}`);

  /** One size, end to end; returns its row. */
  const measure = async (n: number): Promise<Row> => {
    const file = join(dir, `population-${n}.csv`);
    await writeCsv(file, n, gens);
    const fileMb = statSync(file).size / 1e6;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const up = await analyst.upload('/api/v1/simulations/uploads?fileName=bench.csv', file);
    const t1 = performance.now();
    const peakUpload = peak;
    peak = process.memoryUsage().rss;
    const started = await analyst.call('POST', '/api/v1/simulations', { ruleSetKey: baseline.key, candidate: { content: candidate }, baseline: 'active', population: { upload: up.id }, exposureField: 'drawnAmount' });
    let sim: any;
    for (;;) {
      sim = await analyst.call('GET', `/api/v1/simulations/${started.id}`);
      if (!['queued', 'running'].includes(sim.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    rmSync(file, { force: true });
    if (sim.status !== 'completed') throw new Error(`simulation ${sim.id} ${sim.status}: ${JSON.stringify(sim.error)}`);
    if (up.badRows) log(`  note: ${up.badRows} bad rows, e.g. ${JSON.stringify(up.sampleErrors[0])}`);
    return {
      records: n,
      fileMb: Math.round(fileMb),
      uploadS: (t1 - t0) / 1000,
      runS: (t2 - t1) / 1000,
      endToEndS: (t2 - t0) / 1000,
      cpuS: (cpu.user + cpu.system) / 1e6,
      recordsPerS: Math.round(n / ((t2 - t0) / 1000)),
      peakRssMb: Math.round(Math.max(peak, peakUpload) / 2 ** 20),
      peakUploadRssMb: Math.round(peakUpload / 2 ** 20),
      peakRunRssMb: Math.round(peak / 2 ** 20),
      changed: sim.results.summary.changed,
      approval: sim.results.summary.approvalRate,
    };
  };

  const rows: Row[] = [];
  try {
    // A small run first, not reported: the first simulation of a process also pays for cold code paths.
    await measure(20_000);
    for (const n of SIZES) {
      const row = await measure(n);
      rows.push(row);
      log(
        `${String(n).padStart(9)} records (${row.fileMb} MB): upload ${row.uploadS.toFixed(1)} s + run ${row.runS.toFixed(1)} s = ${row.endToEndS.toFixed(1)} s end to end (CPU ${row.cpuS.toFixed(1)} s), ` +
          `${row.recordsPerS.toLocaleString('en-US')} records/s, peak RSS ${row.peakRssMb} MB (upload ${row.peakUploadRssMb}, run ${row.peakRunRssMb}); ${row.changed.toLocaleString('en-US')} changed, approval ${fmtRate(row.approval)}`,
      );
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // Linear = a fixed start-up cost plus a cost per record: a least-squares line through (records, seconds) must
  // explain the points (R² ≥ 0.98). Time per record alone would count the fixed cost against the small sizes.
  const perRecord = rows.map((r) => (r.endToEndS / r.records) * 1e6);
  const wall = fitLine(rows.map((r) => [r.records, r.endToEndS]));
  const cpuFit = fitLine(rows.map((r) => [r.records, r.cpuS]));
  const linear = rows.length < 3 || wall.r2 >= 0.98;
  const largest = rows[rows.length - 1];
  const verdict = {
    linear,
    perRecordMicros: perRecord.map((x) => Math.round(x * 10) / 10),
    wallFit: { fixedS: round2(wall.a), microsPerRecord: round2(wall.b * 1e6), r2: round2(wall.r2, 4) },
    cpuFit: { fixedS: round2(cpuFit.a), microsPerRecord: round2(cpuFit.b * 1e6), r2: round2(cpuFit.r2, 4) },
    ...(largest.records === 1_000_000 ? { oneMillionWithin30s: largest.endToEndS <= 30 } : {}),
    peakRssWithin1_5GB: Math.max(maxRssMb, ...rows.map((r) => r.peakRssMb)) <= 1536,
  };
  log(`process maxRSS (kernel high-water mark, whole run): ${maxRssMb} MB; load average at the end ${loadavg()[0].toFixed(1)}`);
  log(`time per record (µs): ${verdict.perRecordMicros.join(', ')}`);
  if (rows.length >= 3) {
    log(`wall = ${verdict.wallFit.fixedS} s + ${verdict.wallFit.microsPerRecord} µs × records (R² ${verdict.wallFit.r2}) → ${linear ? 'linear' : 'NOT linear'}`);
    log(`CPU  = ${verdict.cpuFit.fixedS} s + ${verdict.cpuFit.microsPerRecord} µs × records (R² ${verdict.cpuFit.r2})`);
  }
  if (JSON_OUT) process.stdout.write(JSON.stringify({ machine: { ...machine, loadAverage: { ...machine.loadAverage, end: loadavg()[0] } }, command: `npm run bench:simulation${args.length ? ' -- ' + args.join(' ') : ''}`, rows, maxRssMb, verdict }, null, 2) + '\n');
  if (!verdict.linear || verdict.oneMillionWithin30s === false || !verdict.peakRssWithin1_5GB) process.exitCode = 1;
}

const round2 = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** Least squares y = a + b·x, with R². */
function fitLine(points: [number, number][]): { a: number; b: number; r2: number } {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const syy = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const b = sxx ? sxy / sxx : 0;
  const a = my - b * mx;
  const sse = points.reduce((s, [x, y]) => s + (y - a - b * x) ** 2, 0);
  return { a, b, r2: syy ? 1 - sse / syy : 1 };
}

const fmtRate = (a: Row['approval']) => (a ? `${(a.baseline * 100).toFixed(1)} % → ${(a.candidate * 100).toFixed(1)} %` : 'n/a');

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
