import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compose, type Composition } from '../../server/src/composition-root';
import { loadConfig, type Config } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';

export interface TestServer {
  url: string;
  dataDir: string;
  composition: Composition;
  close(): Promise<void>;
}

/**
 * A real server on a real temporary SQLite file (or memory), listening on a free loopback port. Demo users
 * (password `covenant-demo`) and the rule library are seeded unless `seedDemo: false`. With `dataDir` it opens that
 * directory (a restart on the same store) and leaves it in place when closed.
 */
export async function startTestServer(opts: { seedDemo?: boolean; store?: 'sqlite' | 'memory'; config?: Partial<Config>; env?: Record<string, string>; dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'covenant-test-'));
  const config = loadConfig({ NODE_ENV: 'test', COVENANT_DATA_DIR: dataDir, COVENANT_STORE: opts.store ?? 'sqlite', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', ...opts.env }, {
    port: 0,
    seedDemo: opts.seedDemo ?? true,
    ...opts.config,
  });
  const composition = await compose(config, createLogger(config.logLevel));
  const server: Server = createServer(composition.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    composition,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await composition.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
