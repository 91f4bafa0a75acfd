/**
 * The real server (server/src/main.ts) in a child process on a data directory of the caller's, for the fault tests,
 * the soak and the crash test (test/crash/decision-crash.ts, whose Client and provision() they reuse), so it can be
 * killed with SIGKILL and started again on the same directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');
export const ADMIN_PASSWORD = 'Fault-Test-Owner-4471';
export const STAFF_PASSWORD = 'Fault-Test-Staff-8852';

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

const running = new Set<ChildProcess>();

/** SIGKILLs every child server this process started and has not seen exit (for afterAll, after a timeout). */
export function killAllChildren(): void {
  for (const c of running) c.kill('SIGKILL');
  running.clear();
}

export interface ChildServer {
  child: ChildProcess;
  base: string;
  /** SIGKILL: no handler runs, nothing is flushed. Resolves once the process is gone. */
  kill(): Promise<void>;
}

export async function startChild(dataDir: string, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      COVENANT_DATA_DIR: dataDir,
      COVENANT_STORE: 'sqlite',
      COVENANT_SEED_DEMO: 'false',
      COVENANT_ADMIN_PASSWORD: ADMIN_PASSWORD,
      COVENANT_SERVE_UI: 'false',
      COVENANT_API_KEY_RATE: '1000000',
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} during start-up`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error('server did not become ready');
    }
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

export function faultPolicy(key: string, debtLine = 0.7) {
  return {
    key, family: 'credit-policy', name: { zh: '故障测试政策', en: 'Fault-test policy' },
    inputs: [{ name: 'debtToAsset', type: 'number', required: true }, { name: 'maxDpd', type: 'integer' }],
    outputs: { decision: { type: 'string', merge: 'worst', order: ['decline', 'refer', 'approve'], default: 'approve' } },
    rules: [
      { name: 'leverage', priority: 10, conditions: { all: [{ fact: 'debtToAsset', operator: 'greaterThan', value: debtLine }] }, event: { type: 'refer', params: { decision: 'refer' } } },
      { name: 'arrears', priority: 20, conditions: { all: [{ fact: 'maxDpd', operator: 'greaterThanInclusive', value: 91 }] }, event: { type: 'decline', params: { decision: 'decline' } } },
    ],
    tests: [{ name: 'clean', facts: { debtToAsset: 0.5, maxDpd: 0 }, expect: { outputs: { decision: 'approve' } } }],
  };
}
