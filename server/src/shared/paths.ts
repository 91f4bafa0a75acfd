import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The repository root (where package.json lives), found from this file whether it runs from src or dist. */
export function repoRoot(): string {
  if (cached) return cached;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'schemas'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root from ' + __dirname);
    dir = up;
  }
  cached = dir;
  return dir;
}
