import { runTestCases, type TestRunSummary } from '../modules/engine';
import { EngineCache } from '../modules/engine';
import { EngineRuleSetChecker } from '../modules/rule-sets/engine-rule-set-checker';
import type { RuleSetDocument } from '../modules/rule-sets/rule-set';
import type { FieldError } from '../shared/errors';
import { SchemaValidator } from '../shared/validation';
import type { RuleFile } from './rule-files';

/**
 * `rules validate` and `rules test` without any printing, so the jest suite runs exactly what the CLI runs.
 * Both go through EngineRuleSetChecker, the class the server uses on save (schema, structure, compiling) and on
 * publish (test cases), so a file that passes here is accepted by the server and vice versa.
 */
export interface FileCheck {
  file: RuleFile;
  key?: string;
  /** Schema, structure and compile problems; the document cannot be stored while there are any. */
  problems: FieldError[];
  ruleCount?: number;
  /** Present when the document is valid (so it could be compiled). */
  tests?: TestRunSummary & { total: number };
}

let checker: EngineRuleSetChecker | undefined;

/** One checker per process: loading the schemas and compiling ajv validators is the expensive part. */
export function libraryChecker(): EngineRuleSetChecker {
  checker ??= new EngineRuleSetChecker(new SchemaValidator(), new EngineCache());
  return checker;
}

export function validateFile(file: RuleFile): FileCheck {
  if (file.parseError !== undefined) return { file, problems: [{ pointer: '', code: 'invalid_json', message: `is not valid JSON: ${file.parseError}` }] };
  const problems = libraryChecker().saveProblems(file.doc);
  const doc = file.doc as Partial<RuleSetDocument> | null;
  const key = doc && typeof doc === 'object' && typeof doc.key === 'string' ? doc.key : undefined;
  return { file, key, problems, ruleCount: Array.isArray(doc?.rules) ? doc.rules.length : undefined };
}

export function testFile(file: RuleFile): FileCheck {
  const checked = validateFile(file);
  if (checked.problems.length) return checked;
  const doc = file.doc as RuleSetDocument;
  const tests = doc.tests ?? [];
  const run = runTestCases(libraryChecker().compile(doc), tests);
  return { ...checked, tests: { ...run, total: tests.length } };
}

export interface LibrarySummary {
  files: number;
  invalid: number;
  passed: number;
  failed: number;
}

export function summarise(checks: readonly FileCheck[]): LibrarySummary {
  return {
    files: checks.length,
    invalid: checks.filter((c) => c.problems.length > 0).length,
    passed: checks.reduce((n, c) => n + (c.tests?.passed ?? 0), 0),
    failed: checks.reduce((n, c) => n + (c.tests?.failed ?? 0), 0),
  };
}

/** Keys must be unique across a library: the seed installs one active version per key. */
export function duplicateKeys(checks: readonly FileCheck[]): { key: string; files: string[] }[] {
  const byKey = new Map<string, string[]>();
  for (const c of checks) if (c.key) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c.file.display]);
  return [...byKey].filter(([, files]) => files.length > 1).map(([key, files]) => ({ key, files }));
}
