/**
 * Crash test for the decision log's promise: every decision a caller got a 200 for is in the log, even when the
 * server is killed with SIGKILL (no shutdown hook runs) in the middle of a load.
 *
 *   node --import tsx test/crash/decision-crash.ts [--seconds 5] [--clients 16] [--rounds 1]
 *
 * It starts the real server (server/src/main.ts, a child process) on a temporary data directory, drives single and
 * batch decisions from several concurrent clients, kills the server half-way, restarts it on the same directory and
 * reads the whole log back over HTTP. Prints `acknowledged: N` and `lost: N`; exits 1 if anything was lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, faultPolicy, freePort, STAFF_PASSWORD, startChild } from '../faults/child-server';
import { Client, provision } from './decision-setup';

const KEY = 'crash-policy';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

/** One caller: decisions in a loop until told to stop or the server goes away; returns the ids it got a 200 for. */
async function drive(c: Client, stop: () => boolean, n: number): Promise<string[]> {
  const acked: string[] = [];
  for (let i = 0; !stop(); i++) {
    const facts = { debtToAsset: ((n * 7 + i) % 100) / 100, maxDpd: (i * 13) % 120 };
    try {
      if (i % 10 === 9) {
        const items = Array.from({ length: 20 }, (_, j) => ({ facts: { ...facts, debtToAsset: ((i + j) % 100) / 100 }, ref: `c${n}-${i}-${j}` }));
        const r = await c.call('POST', `/api/v1/decisions/${KEY}/batch`, { items });
        if (r.status === 200) for (const it of r.body.items) if (it.status === 200) acked.push(it.decision.decisionId);
      } else {
        const r = await c.call('POST', `/api/v1/decisions/${KEY}`, { facts });
        if (r.status === 200) acked.push(r.body.decisionId);
      }
    } catch {
      // Connection refused or reset: the server is gone. Whatever had no answer was never acknowledged.
      if (stop()) break;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return acked;
}

async function loggedIds(c: Client): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = await c.ok('GET', `/api/v1/decisions?ruleSet=${KEY}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    for (const r of page.items) ids.add(r.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

export async function runCrashTest(opts: { seconds: number; clients: number; rounds: number }): Promise<{ acknowledged: number; lost: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'covenant-crash-'));
  const port = await freePort();
  let server = await startChild(dataDir, port, { LOG_LEVEL: 'error' });
  const base = server.base;
  const acked: string[] = [];
  try {
    const secret = await provision(base, { adminPassword: ADMIN_PASSWORD, staffPassword: STAFF_PASSWORD, document: faultPolicy(KEY) });
    for (let round = 1; round <= opts.rounds; round++) {
      const started = Date.now();
      let killed = false;
      const callers = Array.from({ length: opts.clients }, (_, n) => drive(new Client(base, secret), () => killed || Date.now() - started > opts.seconds * 1000, n));
      // Kill at a random moment in the middle half of the run, with no warning: SIGKILL runs no handler.
      await new Promise((r) => setTimeout(r, (opts.seconds * 1000) * (0.25 + Math.random() * 0.5)));
      await server.kill();
      killed = true;
      for (const ids of await Promise.all(callers)) acked.push(...ids);
      console.log(`round ${round}: killed the server after ${Date.now() - started} ms; ${acked.length} decisions acknowledged so far`);
      server = await startChild(dataDir, port, { LOG_LEVEL: 'error' });
    }
    const logged = await loggedIds(new Client(base, secret));
    const lost = acked.filter((id) => !logged.has(id));
    console.log(`acknowledged: ${acked.length}`);
    console.log(`logged: ${logged.size}`);
    console.log(`lost: ${lost.length}`);
    if (lost.length) console.log(`first lost ids: ${lost.slice(0, 10).join(', ')}`);
    return { acknowledged: acked.length, lost: lost.length };
  } finally {
    await server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runCrashTest({ seconds: arg('seconds', 5), clients: arg('clients', 16), rounds: arg('rounds', 1) })
    .then((r) => process.exit(r.lost === 0 && r.acknowledged > 0 ? 0 : 1))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
