import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const uiIndex = join(root, 'dist', 'admin-ui', 'index.html');
const lockDir = join(root, 'dist', '.admin-ui-build.lock');
// Jest's resolver does not follow vite's exports map to its bin; the path inside the package is stable.
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const SOURCES = ['admin-ui/src', 'admin-ui/index.html', 'admin-ui/vite.config.ts', 'admin-ui/package.json'];
// A build takes seconds; a lock older than this belongs to a run that was killed mid-build.
const STALE_LOCK_MS = 5 * 60_000;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), st.mtimeMs);
}

export function uiBuildIsStale(): boolean {
  const built = existsSync(uiIndex) ? statSync(uiIndex).mtimeMs : 0;
  return SOURCES.some((source) => newest(join(root, source)) > built);
}

function tryLock(): boolean {
  try {
    mkdirSync(lockDir, { recursive: false });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (Date.now() - statSync(lockDir).mtimeMs > STALE_LOCK_MS) rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the admin UI into dist/admin-ui when any of its sources is newer than the built index.html. Jest runs
 * suites in parallel workers, so a lock directory makes sure only one of them builds; the others wait and then see
 * a fresh build.
 */
export async function ensureUiBuilt(log: (line: string) => void = () => undefined): Promise<void> {
  mkdirSync(join(root, 'dist'), { recursive: true });
  while (uiBuildIsStale()) {
    if (!tryLock()) {
      await sleep(250);
      continue;
    }
    try {
      if (!uiBuildIsStale()) return; // another worker finished while we were taking the lock
      log('building the admin UI (dist/admin-ui is older than admin-ui/)');
      execFileSync(process.execPath, [vite, 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      return;
    } finally {
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
}
