import { createServer } from 'node:http';
import { compose } from './composition-root';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';

/** Starts the service: config, composition, HTTP, and a graceful stop on SIGTERM/SIGINT. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel);
  const c = await compose(config, log);
  const server = createServer(c.app);
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: no new connections; finishing requests in flight');
    const forced = setTimeout(() => {
      log.warn('in-flight requests did not finish in time; closing anyway');
      server.closeAllConnections();
    }, config.shutdownGraceMs);
    forced.unref();
    // close() stops accepting and waits for open requests; idle keep-alive sockets are closed at once.
    server.close(async () => {
      await c.close();
      log.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // Handlers first, then listen: a SIGTERM that arrives as soon as we announce ourselves is still graceful.
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  log.info({ port: config.port, store: c.stores.kind, dataDir: config.store === 'sqlite' ? config.dataDir : undefined }, `Covenant is listening on http://localhost:${config.port}`);
}

main().catch((e) => {
  process.stderr.write(`Covenant failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
