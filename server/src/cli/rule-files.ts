import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { listJson } from '../seed';
import { UsageError } from './args';

/** One rule-set file as read from disk: its parsed document, or why it could not be parsed. */
export interface RuleFile {
  path: string;
  /** Path relative to the working directory, for messages. */
  display: string;
  doc?: unknown;
  parseError?: string;
}

/**
 * Every `.json` file named, or found under a named directory (recursively, sorted, as the seed installs them).
 * A path that does not exist is a usage error: a typo must not pass as "0 files, 0 failures".
 */
export function readRuleFiles(paths: readonly string[], cwd: string): RuleFile[] {
  const files: string[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    if (!existsSync(abs)) throw new UsageError(`${p} does not exist`);
    if (statSync(abs).isDirectory()) files.push(...listJson(abs));
    else files.push(abs);
  }
  return [...new Set(files)].map((path) => {
    const display = relative(cwd, path) || path;
    try {
      return { path, display, doc: JSON.parse(readFileSync(path, 'utf8')) as unknown };
    } catch (e) {
      return { path, display, parseError: e instanceof Error ? e.message : String(e) };
    }
  });
}

/** Reads exactly one document (diff, import). */
export function readOneRuleFile(path: string, cwd: string): { display: string; doc: unknown } {
  const abs = resolve(cwd, path);
  if (existsSync(abs) && statSync(abs).isDirectory()) throw new UsageError(`${path} is a directory; name one rule-set file`);
  const [f] = readRuleFiles([path], cwd);
  if (!f) throw new UsageError(`${path} holds no JSON file`);
  if (f.parseError) throw new UsageError(`${f.display} is not valid JSON: ${f.parseError}`);
  return { display: f.display, doc: f.doc };
}
