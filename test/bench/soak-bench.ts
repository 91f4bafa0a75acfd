/**
 * Soak: the real server (server/src/main.ts) in a child process on a temporary SQLite data directory, loopback only,
 * under a bounded mixed load for a fixed time.
 *
 *   npm run bench:soak                       # 600 s
 *   npm run bench:soak -- --seconds 60       # the CI-sized run
 *   options: --seconds N  --clients N (concurrent callers, default 8)  --activate-every S (default 60; 10 when
 *            --seconds ≤ 120)  --json (one JSON line at the end as well)
 *
 * The mix: 90 % single decisions with an API key; 10 % admin reads (the rule-set list, the audit trail, a page of
 * the decision log) by a signed-in approver. Every --activate-every seconds the approver switches the active version
 * of the rule set (the two approved versions alternate, by rollback) and the run checks that decisions use the new
 * version within 2 s. Once, a third of the way in, a portfolio monitoring scan is started (the monitoring module
 * offers one). The soak's server is not demo-seeded (it provisions its own users and rule set), so it has no
 * monitoring rule sets and the scan is refused with 409 no_monitoring_rule_sets; the report says so.
 *
 * Reports: requests, error rate (5xx, network errors and unexpected statuses), p50/p99 overall and p99 per 10-second
 * window, the server's RSS every 5 s and its slope (MB per minute, least squares over the samples after the first
 * 20 s, or a quarter of a shorter run). Exits 1 if the error rate is above 0.1 % or an activation was not picked up within 2 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, provision } from '../crash/decision-setup';
import { ADMIN_PASSWORD, faultPolicy, freePort, STAFF_PASSWORD, startChild } from '../faults/child-server';
import { percentile, rssMb, slope } from './soak/stats';

const KEY = 'soak-policy';
const WINDOW_MS = 10_000;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

export interface SoakResult {
  seconds: number;
  requests: number;
  errors: number;
  errorRate: number;
  errorSamples: string[];
  p50Ms: number;
  p99Ms: number;
  p99ByWindowMs: number[];
  activations: { at: number; to: number; pickedUpMs: number | null; refused?: string }[];
  scan: string;
  rssMb: { t: number; mb: number }[];
  rssSlopeMbPerMin: number;
  rssWarmUpSeconds: number;
  ok: boolean;
}

export async function runSoak(o: { seconds: number; clients: number; activateEvery: number }): Promise<SoakResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'covenant-soak-'));
  const port = await freePort();
  const srv = await startChild(dataDir, port);
  try {
    const secret = await provision(srv.base, { adminPassword: ADMIN_PASSWORD, staffPassword: STAFF_PASSWORD, document: faultPolicy(KEY) });
    const analyst = new Client(srv.base);
    await analyst.ok('POST', '/api/v1/auth/login', { username: 'analyst', password: STAFF_PASSWORD });
    const v2 = (await analyst.ok('POST', '/api/v1/rule-sets', { document: faultPolicy(KEY, 0.6) })).version as number;
    await analyst.ok('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/submit`, {});
    const approver = new Client(srv.base);
    await approver.ok('POST', '/api/v1/auth/login', { username: 'approver', password: STAFF_PASSWORD });
    await approver.ok('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/approve`, {});
    let active = 1;

    const start = performance.now();
    const end = start + o.seconds * 1000;
    const latencies: number[] = [];
    const byWindow: number[][] = [];
    let requests = 0;
    let errors = 0;
    const errorSamples: string[] = [];
    const record = (t0: number, status: number | string, expected: boolean) => {
      const t1 = performance.now();
      requests++;
      latencies.push(t1 - t0);
      (byWindow[Math.floor((t0 - start) / WINDOW_MS)] ??= []).push(t1 - t0);
      if (!expected) {
        errors++;
        if (errorSamples.length < 10) errorSamples.push(String(status));
      }
    };

    const decider = new Client(srv.base, secret);
    const reads = [`/api/v1/rule-sets`, `/api/v1/audit?limit=50`, `/api/v1/decisions?ruleSet=${KEY}&limit=50`];
    const caller = async (n: number) => {
      for (let i = 0; performance.now() < end; i++) {
        const t0 = performance.now();
        try {
          if ((i * 7 + n) % 10 === 0) {
            const path = reads[(i + n) % reads.length];
            const r = await approver.call('GET', path);
            record(t0, `${r.status} GET ${path.split('?')[0]}`, r.status === 200);
          } else {
            const r = await decider.call('POST', `/api/v1/decisions/${KEY}`, { facts: { debtToAsset: ((i * 13 + n) % 100) / 100, maxDpd: (i * 17) % 120 } });
            record(t0, `${r.status} ${r.body?.code ?? ''}`, r.status === 200);
          }
        } catch (e) {
          record(t0, `network: ${(e as Error).message}`, false);
        }
      }
    };

    const activations: SoakResult['activations'] = [];
    const activator = async () => {
      for (let k = 1; ; k++) {
        const at = start + k * o.activateEvery * 1000;
        if (at >= end - 3000) return;
        await new Promise((r) => setTimeout(r, at - performance.now()));
        const to = active === 1 ? v2 : 1;
        // The first switch activates the approved version 2; after that the retired one is brought back by rollback.
        const r = k === 1
          ? await approver.call('POST', `/api/v1/rule-sets/${KEY}/versions/${v2}/activate`, { comment: 'soak' })
          : await approver.call('POST', `/api/v1/rule-sets/${KEY}/rollback`, { toVersion: to, comment: 'soak' });
        const t0 = performance.now();
        let pickedUpMs: number | null = null;
        if (r.status === 200) {
          active = to;
          while (performance.now() - t0 < 2000) {
            const d = await decider.call('POST', `/api/v1/decisions/${KEY}`, { facts: { debtToAsset: 0.5 } });
            if (d.status === 200 && d.body.ruleSet?.version === to) {
              pickedUpMs = Math.round(performance.now() - t0);
              break;
            }
            await new Promise((res) => setTimeout(res, 20));
          }
        }
        activations.push({ at: Math.round((t0 - start) / 1000), to, pickedUpMs, ...(r.status === 200 ? {} : { refused: `${r.status} ${r.body?.code ?? ''}` }) });
      }
    };

    let scan = 'not started';
    const scanner = async () => {
      await new Promise((r) => setTimeout(r, (o.seconds * 1000) / 3));
      const r = await analyst.call('POST', '/api/v1/monitoring/scans', { scope: 'portfolio' });
      if (r.status !== 202) {
        scan = `refused: ${r.status} ${r.body?.code ?? ''}`;
        return;
      }
      for (let i = 0; i < 100; i++) {
        const s = await analyst.call('GET', `/api/v1/monitoring/scans/${r.body.id}`);
        scan = String(s.body?.status);
        if (scan !== 'queued' && scan !== 'running') return;
        await new Promise((res) => setTimeout(res, 200));
      }
    };

    const rss: { t: number; mb: number }[] = [];
    const pid = srv.child.pid!;
    const sampler = async () => {
      while (performance.now() < end) {
        rss.push({ t: Math.round((performance.now() - start) / 1000), mb: Math.round((await rssMb(pid)) * 10) / 10 });
        await new Promise((r) => setTimeout(r, Math.min(5000, Math.max(0, end - performance.now()))));
      }
    };

    await Promise.all([...Array.from({ length: o.clients }, (_, n) => caller(n)), activator(), scanner(), sampler()]);

    latencies.sort((a, b) => a - b);
    const warmUp = Math.min(20, o.seconds / 4);
    const late = rss.filter((s) => s.t >= warmUp && Number.isFinite(s.mb));
    const slopeMbPerMin = slope(late.map((s) => ({ x: s.t / 60, y: s.mb })));
    const round = (x: number) => Math.round(x * 10) / 10;
    const errorRate = requests ? errors / requests : 1;
    const missed = activations.filter((a) => a.pickedUpMs === null).length;
    return {
      seconds: o.seconds,
      requests,
      errors,
      errorRate,
      errorSamples,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      p99ByWindowMs: byWindow.map((w) => round(percentile(w.sort((a, b) => a - b), 99))),
      activations,
      scan,
      rssMb: rss,
      rssSlopeMbPerMin: round(slopeMbPerMin),
      rssWarmUpSeconds: warmUp,
      ok: errorRate <= 0.001 && missed === 0 && activations.length > 0,
    };
  } finally {
    await srv.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(r: SoakResult): void {
  console.log(`soak: ${r.seconds} s, ${r.requests} requests (${Math.round(r.requests / r.seconds)}/s)`);
  console.log(`errors: ${r.errors} (${(r.errorRate * 100).toFixed(3)} %)${r.errorSamples.length ? ` e.g. ${r.errorSamples.join('; ')}` : ''}`);
  console.log(`latency: p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms`);
  console.log(`p99 per 10 s window (ms): ${r.p99ByWindowMs.join(' ')}`);
  console.log(`activations: ${r.activations.map((a) => `${a.at}s→v${a.to} ${a.pickedUpMs === null ? `NOT PICKED UP${a.refused ? ` (refused: ${a.refused})` : ''}` : `${a.pickedUpMs} ms`}`).join(', ')}`);
  console.log(`scan: ${r.scan}`);
  console.log(`rss (MB): ${r.rssMb.map((s) => `${s.t}s ${s.mb}`).join(', ')}`);
  console.log(`rss slope: ${r.rssSlopeMbPerMin} MB/min (samples after the first ${r.rssWarmUpSeconds} s)`);
  console.log(r.ok ? 'result: ok' : 'result: FAILED (error rate above 0.1 % or an activation not picked up)');
}

if (require.main === module) {
  const seconds = arg('seconds', 600);
  runSoak({ seconds, clients: arg('clients', 8), activateEvery: arg('activate-every', seconds <= 120 ? 10 : 60) })
    .then((r) => {
      print(r);
      if (process.argv.includes('--json')) console.log(JSON.stringify(r));
      process.exit(r.ok ? 0 : 1);
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
