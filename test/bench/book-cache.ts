import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * A short hash of the sources under `dirs` (relative to the repository; .ts and .json files, tests excluded): an
 * artefact built from them is stale when it changes.
 */
function sourceHash(dirs: string[]): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith('.test.ts')) h.update(path).update(readFileSync(join(ROOT, path)));
    }
  };
  for (const dir of dirs) walk(dir);
  return h.digest('hex').slice(0, 10);
}

/**
 * Where the benchmarks cache the generated book: named by size, seed, as-of date and a hash of the generator's
 * sources, so a recalibrated generator never benchmarks a stale file (old files are left for the OS to clear).
 */
export function cachedBookFile(clients: number, asOf: string): string {
  return join(tmpdir(), `covenant-portfolio-${clients}-seed42-${asOf}-${sourceHash(['server/src/modules/portfolio'])}.jsonl`);
}

/** The scan benchmark's template database: also stale when the SQLite schema or the rule library changes. */
export function cachedTemplateDb(clients: number, asOf: string): string {
  return join(tmpdir(), `covenant-scan-bench-${clients}-seed42-${asOf}-${sourceHash(['server/src/modules/portfolio', 'server/src/storage/sqlite', 'rules'])}.db`);
}
