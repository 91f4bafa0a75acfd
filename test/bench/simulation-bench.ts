/**
 * `npm run bench:simulation [-- --quick] [-- --json]`: what-if simulation end to end through the HTTP API on the
 * embedded SQLite store — upload a CSV of flat facts (streamed), run a changed credit policy against the active one,
 * wait for the results — for 100,000, 300,000 and 1,000,000 records (--quick: 100,000 only).
 *
 * The policy is the shipped rules/credit-policy/corporate.json (the active baseline, installed by the demo seed);
 * the candidate is a copy with a tenth of its numeric thresholds moved by 10 %. Facts are generated from what the
 * policy reads (53 facts), typed by the fact catalog, seeded so every run sees the same population.
 *
 * Reported: upload time, run time, end-to-end time, records/s, and peak RSS of the process. The workers are threads
 * of this same process, so its RSS (sampled every 50 ms, and the kernel's high-water mark via resourceUsage().maxRSS)
 * includes them; the HTTP client sending the file is in the same process too, and counted.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { compose } from '../../server/src/composition-root';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { compileRuleSet } from '../../server/src/modules/engine';
import { factDefinition } from '../../server/src/modules/facts/catalog';
import type { Condition, RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { repoRoot } from '../../server/src/shared/paths';
import { Prng } from '../engine/prng';
import { describeMachine } from './machine';

const args = process.argv.slice(2);
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

/** A generator per fact the policy reads: values that straddle its thresholds, with a little missing data. */
function generators(doc: RuleSetDocument): [string, Gen][] {
  const byFact = new Map<string, unknown[]>();
  for (const l of leaves(doc)) byFact.set(l.fact, [...(byFact.get(l.fact) ?? []), ...(Array.isArray(l.value) ? l.value : [l.value])]);
  const facts = compileRuleSet(doc).factNames;
  return facts.map((fact): [string, Gen] => {
    const def = factDefinition(fact);
    const input = doc.inputs?.find((i) => i.name === fact);
    const type = input?.type ?? def?.type ?? 'string';
    const seen = byFact.get(fact) ?? [];
    const missing = (g: Gen): Gen => (p) => (p.chance(0.02) ? '' : g(p));
    if (type === 'boolean') return [fact, missing((p) => (fact === 'usccValid' ? String(!p.chance(0.01)) : String(p.chance(0.01))))];
    if (type === 'number' || type === 'integer') {
      const nums = seen.filter((v): v is number => typeof v === 'number');
      const hi = Math.max(1, ...nums.map(Math.abs));
      if (fact === 'internalGrade') return [fact, (p) => String(p.int(1, 10))];
      if (fact === 'maxDpd') return [fact, (p) => String(p.chance(0.9) ? 0 : p.int(1, 200))];
      const lo = nums.length && Math.min(...nums) > 0 ? Math.min(...nums) * 0.4 : -0.1 * hi;
      return [fact, missing((p) => {
        const v = lo + p.next() * (hi * 1.6 - lo);
        return type === 'integer' ? String(Math.round(v)) : v.toFixed(4);
      })];
    }
    const values = [...new Set([...(def?.enum ?? []).map(String), ...seen.map(String)])];
    if (fact === 'country') return [fact, (p) => (p.chance(0.9) ? 'CN' : 'SG')];
    if (type === 'array') return [fact, (p) => (p.chance(0.05) ? p.pick(values) : '')];
    if (!values.length) return [fact, () => ''];
    return [fact, missing((p) => (p.chance(0.8) && values.includes('standard') ? 'standard' : p.pick(values)))];
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
  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
    const init: RequestInit & { duplex?: 'half' } = { method, headers: { cookie: this.cookie, 'x-csrf-token': this.csrf, ...headers } };
    if (body instanceof Readable) {
      init.body = Readable.toWeb(body) as unknown as ReadableStream;
      init.duplex = 'half';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const r = await fetch(this.base + path, init);
    const json = await r.json();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json;
  }
}

interface Row {
  records: number;
  fileMb: number;
  uploadS: number;
  runS: number;
  endToEndS: number;
  recordsPerS: number;
  peakRssMb: number;
  changed: number;
  approval: { baseline: number; candidate: number } | undefined;
}

async function main() {
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'covenant-sim-bench-'));
  const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: join(dir, 'data'), COVENANT_STORE: 'sqlite', LOG_LEVEL: 'warn' }, { port: 0, seedDemo: true });
  const c = await compose(config, createLogger('warn'));
  const server = createServer(c.app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const analyst = new Session(base);
  await analyst.login('analyst');
  const gens = generators(baseline);
  const candidate = candidateOf(baseline);
  log(`machine: ${machine.nproc} × ${machine.cpu}, node ${machine.node}; policy ${baseline.key}: ${baseline.rules.length} rules, ${gens.length} facts; workers ${config.simulation.workers}`);

  const rows: Row[] = [];
  try {
    for (const n of SIZES) {
      const file = join(dir, `population-${n}.csv`);
      await writeCsv(file, n, gens);
      const fileMb = statSync(file).size / 1e6;
      let peak = process.memoryUsage().rss;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      const t0 = performance.now();
      const up = await analyst.call('POST', '/api/v1/simulations/uploads?fileName=bench.csv', createReadStream(file, { highWaterMark: 1 << 20 }), { 'content-type': 'text/csv' });
      const t1 = performance.now();
      const started = await analyst.call('POST', '/api/v1/simulations', { ruleSetKey: baseline.key, candidate: { content: candidate }, baseline: 'active', population: { upload: up.id }, exposureField: 'drawnAmount' });
      let sim: any;
      for (;;) {
        sim = await analyst.call('GET', `/api/v1/simulations/${started.id}`);
        if (!['queued', 'running'].includes(sim.status)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const t2 = performance.now();
      clearInterval(sampler);
      if (sim.status !== 'completed') throw new Error(`simulation ${sim.id} ${sim.status}: ${JSON.stringify(sim.error)}`);
      const row: Row = {
        records: n,
        fileMb: Math.round(fileMb),
        uploadS: (t1 - t0) / 1000,
        runS: (t2 - t1) / 1000,
        endToEndS: (t2 - t0) / 1000,
        recordsPerS: Math.round(n / ((t2 - t0) / 1000)),
        peakRssMb: Math.round(peak / 2 ** 20),
        changed: sim.results.summary.changed,
        approval: sim.results.summary.approvalRate,
      };
      rows.push(row);
      if (up.badRows) log(`  note: ${up.badRows} bad rows, e.g. ${JSON.stringify(up.sampleErrors[0])}`);
      log(
        `${String(n).padStart(9)} records (${row.fileMb} MB): upload ${row.uploadS.toFixed(1)} s + run ${row.runS.toFixed(1)} s = ${row.endToEndS.toFixed(1)} s end to end, ` +
          `${row.recordsPerS.toLocaleString('en-US')} records/s, peak RSS ${row.peakRssMb} MB; ${row.changed.toLocaleString('en-US')} changed, approval ${fmtRate(row.approval)}`,
      );
      rmSync(file, { force: true });
    }
  } finally {
    server.closeAllConnections();
    server.close();
    await c.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const perRecord = rows.map((r) => (r.endToEndS / r.records) * 1e6);
  const linear = rows.length < 2 || Math.max(...perRecord) / Math.min(...perRecord) < 1.5;
  const largest = rows[rows.length - 1];
  const verdict = {
    linear,
    perRecordMicros: perRecord.map((x) => Math.round(x * 10) / 10),
    ...(largest.records === 1_000_000 ? { oneMillionWithin30s: largest.endToEndS <= 30 } : {}),
    peakRssWithin1_5GB: Math.max(maxRssMb, ...rows.map((r) => r.peakRssMb)) <= 1536,
  };
  log(`process maxRSS (kernel high-water mark, whole run): ${maxRssMb} MB`);
  log(`time per record (µs): ${verdict.perRecordMicros.join(', ')} → ${linear ? 'linear (within 1.5×)' : 'NOT linear'}`);
  if (JSON_OUT) process.stdout.write(JSON.stringify({ machine: { ...machine, loadAverage: { ...machine.loadAverage, end: require('node:os').loadavg()[0] } }, command: `npm run bench:simulation${args.length ? ' -- ' + args.join(' ') : ''}`, rows, maxRssMb, verdict }, null, 2) + '\n');
  if (!verdict.linear || verdict.oneMillionWithin30s === false || !verdict.peakRssWithin1_5GB) process.exitCode = 1;
}

const fmtRate = (a: Row['approval']) => (a ? `${(a.baseline * 100).toFixed(1)} % → ${(a.candidate * 100).toFixed(1)} %` : 'n/a');

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
