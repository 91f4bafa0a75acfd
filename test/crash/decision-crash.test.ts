import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs test/crash/decision-crash.ts (the real server in a child process, SIGKILL under load, restart) for about
 * five seconds of load. Its own output is shown when it fails.
 */
describe('decision log under SIGKILL', () => {
  it('loses no acknowledged decision', async () => {
    const out = await new Promise<string>((res, rej) => {
      execFile(process.execPath, ['--import', 'tsx', 'test/crash/decision-crash.ts', '--seconds', '5', '--clients', '12'], { cwd: resolve(__dirname, '..', '..'), timeout: 90_000 }, (err, stdout, stderr) => {
        if (err && !/lost: \d+/.test(stdout)) rej(new Error(`${err.message}\n${stdout}\n${stderr}`));
        else res(stdout);
      });
    });
    const acknowledged = Number(/acknowledged: (\d+)/.exec(out)?.[1]);
    const lost = Number(/lost: (\d+)/.exec(out)?.[1]);
    expect({ lost, output: out }).toEqual({ lost: 0, output: out });
    expect(acknowledged).toBeGreaterThan(0);
  }, 120_000);
});
