import { Writable } from 'node:stream';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose } from '../../server/src/composition-root';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { ApiClient } from '../support/http-client';

describe('secrets never reach the logs or the audit trail', () => {
  it('redacts passwords, cookies, API keys and CSRF tokens from every log line', async () => {
    let out = '';
    const sink = new Writable({ write(chunk, _enc, cb) { out += chunk.toString(); cb(); } });
    const dir = mkdtempSync(join(tmpdir(), 'covenant-redact-'));
    const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: dir }, { seedDemo: true, port: 0 });
    const c = await compose(config, createLogger('trace', sink));
    const server = createServer(c.app).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const admin = await ApiClient.signedIn(url, 'admin');
      const key = await admin.post('/api/v1/admin/api-keys', { name: 'redaction probe', scopes: ['rules:read'] });
      await new ApiClient(url, key.body.secret).get('/api/v1/rule-sets');
      await admin.post('/api/v1/admin/users', { username: 'wang.fang', roles: ['viewer'], password: 'Secret-pass-42x' });
      await new ApiClient(url).post('/api/v1/auth/login', { username: 'wang.fang', password: 'Wrong-pass-99y' });
      createLogger('info', sink).info({ password: 'Secret-pass-42x', user: { password: 'Secret-pass-42x' }, config: { mongodbUri: 'mongodb://u:p@h/db' } }, 'probe');
      expect(out.length).toBeGreaterThan(1000);
      // The demo password is published on purpose (the start-up log names it); real passwords never appear.
      for (const secret of ['Secret-pass-42x', 'Wrong-pass-99y', key.body.secret, admin.csrfToken, 'mongodb://u:p@h/db']) expect(out).not.toContain(secret);
      const audit = JSON.stringify(await c.stores.audit.list({ limit: 500 }));
      for (const secret of ['Secret-pass-42x', key.body.secret, 'scrypt$']) expect(audit).not.toContain(secret);
    } finally {
      server.closeAllConnections();
      server.close();
      await c.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
