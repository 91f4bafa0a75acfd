#!/usr/bin/env node
// `npm start`: rebuild whatever is stale (server TypeScript, admin UI), then run the server in this process.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

function run(label, cmd, args) {
  process.stdout.write(`covenant: ${label}…\n`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
}

const serverStamp = join(root, 'dist', '.server-built');
const serverSources = Math.max(newest(join(root, 'server', 'src')), newest(join(root, 'tsconfig.json')), newest(join(root, 'tsconfig.build.json')));
if (newest(serverStamp) < serverSources) {
  run('building the server', process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  writeFileSync(serverStamp, new Date().toISOString());
}
const uiIndex = join(root, 'dist', 'admin-ui', 'index.html');
if (existsSync(join(root, 'admin-ui', 'vite.config.ts')) && newest(uiIndex) < newest(join(root, 'admin-ui'))) {
  // vite's package exports hide bin/, so address the file directly.
  run('building the admin UI', process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'admin-ui/vite.config.ts', '--logLevel', 'warn']);
}
require(join(root, 'dist', 'server', 'src', 'main.js'));
