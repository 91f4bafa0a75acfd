import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * A 20-second soak (test/bench/soak-bench.ts) in CI only (when CI is set): mixed decisions and admin reads, two
 * activations, RSS sampled. It fails on an error rate above 0.1 % or an activation not picked up within 2 s.
 */
const maybe = process.env.CI ? it : it.skip;

describe('soak', () => {
  maybe('short soak, 20 s, in CI only (the full one is npm run bench:soak, 600 s)', async () => {
    const out = await new Promise<string>((res, rej) => {
      execFile(process.execPath, ['--import', 'tsx', 'test/bench/soak-bench.ts', '--seconds', '20', '--clients', '6', '--activate-every', '7'], { cwd: resolve(__dirname, '..', '..'), timeout: 60_000 }, (err, stdout, stderr) => {
        if (err) rej(new Error(`${err.message}\n${stdout}\n${stderr}`));
        else res(stdout);
      });
    });
    expect(out).toContain('result: ok');
  }, 70_000);
});
