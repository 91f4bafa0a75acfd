import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The 60-second soak issue 10 asks of CI (test/bench/soak-bench.ts), in CI only (when CI is set): mixed decisions
 * and admin reads, an activation every 15 s, a portfolio scan, RSS sampled. It fails on an error rate above 0.1 % or
 * an activation not picked up within 2 s.
 */
const maybe = process.env.CI ? it : it.skip;

describe('soak', () => {
  maybe('short soak, 60 s, in CI only (the full one is npm run bench:soak, 600 s)', async () => {
    const out = await new Promise<string>((res, rej) => {
      execFile(process.execPath, ['--import', 'tsx', 'test/bench/soak-bench.ts', '--seconds', '60', '--clients', '6', '--activate-every', '15'], { cwd: resolve(__dirname, '..', '..'), timeout: 120_000 }, (err, stdout, stderr) => {
        if (err) rej(new Error(`${err.message}\n${stdout}\n${stderr}`));
        else res(stdout);
      });
    });
    expect(out).toContain('result: ok');
  }, 130_000);
});
