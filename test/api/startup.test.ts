import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose } from '../../server/src/composition-root';
import { ConfigError, loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { freePort } from '../faults/child-server';

const silent = createLogger('silent');

describe('configuration', () => {
  it('stops start-up with a message naming each bad setting', () => {
    expect(() => loadConfig({ PORT: 'eighty', COVENANT_SESSION_IDLE_MINUTES: '0', LOG_LEVEL: 'chatty' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', COVENANT_STORE: 'mongo' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT must be a whole number from 0 to 65535; it was "eighty"');
      expect((e as Error).message).toContain('COVENANT_STORE=mongo needs MONGODB_URI');
    }
  });

  it('reads the SLA calendar, and names a holiday that is not a date', () => {
    const cal = loadConfig({ COVENANT_ALERT_HOLIDAYS: '2026-10-01, 2026-10-02', COVENANT_ALERT_WORKDAYS: '2026-10-10' }).monitoring.calendar;
    expect([[...cal.holidays], [...cal.workdays]]).toEqual([['2026-10-01', '2026-10-02'], ['2026-10-10']]);
    expect(() => loadConfig({ COVENANT_ALERT_HOLIDAYS: '2026-10-01,2026-13-01' })).toThrow('COVENANT_ALERT_HOLIDAYS must be comma-separated dates: "2026-13-01" is not a date (YYYY-MM-DD)');
  });

  it('never seeds demo users in production', () => {
    expect(loadConfig({ NODE_ENV: 'production', COVENANT_SEED_DEMO: 'true' }).seedDemo).toBe(false);
    expect(loadConfig({ MONGODB_URI: 'mongodb://localhost/x' }).seedDemo).toBe(false);
    expect(loadConfig({}).seedDemo).toBe(true);
  });
});

describe('first start of an empty production store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'covenant-prod-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start without COVENANT_ADMIN_PASSWORD', async () => {
    const config = loadConfig({ NODE_ENV: 'production', COVENANT_DATA_DIR: dir });
    await expect(compose(config, silent)).rejects.toThrow(/COVENANT_ADMIN_PASSWORD/);
  });

  it('refuses a COVENANT_ADMIN_PASSWORD that fails the password policy, saying why', async () => {
    const config = loadConfig({ NODE_ENV: 'production', COVENANT_DATA_DIR: dir, COVENANT_ADMIN_PASSWORD: 'my-admin-password' });
    await expect(compose(config, silent)).rejects.toThrow('COVENANT_ADMIN_PASSWORD does not meet the password policy: it must not contain the username.');
  });

  it('creates only the first admin from COVENANT_ADMIN_PASSWORD, with no demo users and no demo rules', async () => {
    const config = loadConfig({ NODE_ENV: 'production', COVENANT_DATA_DIR: dir, COVENANT_ADMIN_PASSWORD: 'a-long-root-secret-7' });
    const c = await compose(config, silent);
    const users = await c.services.users.list();
    expect(users.map((u) => [u.username, u.roles, u.demo])).toEqual([['admin', ['admin'], false]]);
    expect(await c.services.ruleSets.list()).toEqual([]);
    await c.close();
  });
});


describe('graceful shutdown', () => {
  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covenant-stop-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COVENANT_DATA_DIR: dir, LOG_LEVEL: 'info', COVENANT_SERVE_UI: 'false', NODE_ENV: 'development', COVENANT_DEMO_CLIENTS: '0', COVENANT_SCAN_CRON: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => (out += b));
    // Never leave a server behind, whatever happens below.
    const reap = () => child.exitCode === null && child.kill('SIGKILL');
    process.once('exit', reap);
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('server did not start: ' + out)), 50_000);
        const poll = setInterval(() => {
          if (out.includes('listening')) {
            clearInterval(poll);
            clearTimeout(t);
            resolve();
          }
        }, 50);
      });
      expect(out).toContain('DEMO ONLY');
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Start a request and send only half of its body; SIGTERM arrives while it is in flight.
      const body = JSON.stringify({ username: 'analyst', password: 'covenant-demo' });
      const reply = new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/api/v1/auth/login', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.write(body.slice(0, 10));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(() => req.end(body.slice(10)), 300);
        }, 100);
      });
      expect(await reply).toBe(200);
      expect(await exited).toBe(0);
      expect(out).toContain('stopped');
    } finally {
      reap();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 70_000);
});
