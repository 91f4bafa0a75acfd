import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openMemoryStores } from './memory/memory-stores';
import type { Stores } from './stores';

export interface StoreConfig {
  store: 'sqlite' | 'mongo' | 'memory';
  dataDir: string;
  mongodbUri?: string;
}

/** The embedded store's file (monitoring's scan workers open it read-only). */
export function sqliteFileOf(dataDir: string): string {
  return join(dataDir, 'covenant.db');
}

/**
 * Opens the configured adapter family. The adapters are loaded on demand so a SQLite deployment never loads
 * mongoose and a MongoDB one never opens a native SQLite module.
 */
export async function openStores(config: StoreConfig): Promise<Stores> {
  switch (config.store) {
    case 'memory':
      return openMemoryStores();
    case 'mongo': {
      if (!config.mongodbUri) throw new Error('The MongoDB store needs a MONGODB_URI.');
      const { openMongoStores } = await import('./mongo/mongo-stores');
      return openMongoStores(config.mongodbUri);
    }
    case 'sqlite': {
      mkdirSync(config.dataDir, { recursive: true });
      const { openSqliteStores } = await import('./sqlite/sqlite-stores');
      return openSqliteStores(sqliteFileOf(config.dataDir));
    }
    default:
      throw new Error(`Unknown store '${String((config as { store: unknown }).store)}'.`);
  }
}
