#!/usr/bin/env node
'use strict';
/**
 * Launcher for the `covenant` CLI (server/src/cli). Runs the compiled dist/server/src/cli/main.js when it exists and
 * is newer than every TypeScript source under server/src; otherwise loads the sources through tsx, in this same
 * process (no second Node start-up), so a fresh checkout works without a build.
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const compiled = join(root, 'dist', 'server', 'src', 'cli', 'main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function isFresh() {
  if (process.env.COVENANT_CLI_FROM_SOURCE === '1' || !existsSync(compiled)) return false;
  return statSync(compiled).mtimeMs >= newestSource(join(root, 'server', 'src'));
}

let cli;
if (isFresh()) cli = require(compiled);
else {
  require('tsx/cjs');
  cli = require(join(root, 'server', 'src', 'cli', 'main.ts'));
}
cli.main(process.argv.slice(2));
