import { parseArgs, stringOption, UsageError, type ParsedArgs } from './args';
import { EXIT, type CliIo } from './io';
import { duplicateKeys, summarise, testFile, validateFile, type FileCheck } from './library-check';
import { lintDocument } from './lint';
import { diffLines } from './render-diff';
import { exportRuleSet, importRuleSet, RemoteError, remoteFrom } from './remote';
import { readOneRuleFile, readRuleFiles } from './rule-files';
import { USAGE } from './usage';
import { CLIENTS_USAGE, clientsCommand } from './clients-command';
import { describeDifference } from '../modules/rule-sets/engine-rule-set-checker';
import type { RuleSetDocument } from '../modules/rule-sets/rule-set';
import type { FieldError } from '../shared/errors';

/**
 * The `covenant` command line (bin/covenant.js loads this). `runCli` takes its streams and environment as
 * arguments so the jest suite runs it in-process; `main` wires it to the real process and is the only place
 * in the CLI that reads process.env (for COVENANT_SERVER and COVENANT_API_KEY).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [group, command, ...rest] = argv;
    if (!group || group === '--help' || group === 'help' || argv.includes('--help')) {
      io.out(`${USAGE}\n${CLIENTS_USAGE}`);
      return group ? EXIT.ok : EXIT.usage;
    }
    if (group === 'clients') return await clientsCommand([command, ...rest].filter((x) => x !== undefined), io);
    if (group !== 'rules') throw new UsageError(`unknown command '${group}'; the commands are under 'covenant rules' and 'covenant clients'`);
    const args = parseArgs(rest, ['server', 'api-key', 'version']);
    switch (command) {
      case 'validate':
        return validate(need(args, 1, 'validate <file|dir>...'), io);
      case 'test':
        return test(need(args, 1, 'test <file|dir>...'), io);
      case 'lint':
        return lint(args.positionals.length ? args.positionals : ['rules'], args.options.strict === true, io);
      case 'diff': {
        const [a, b] = need(args, 2, 'diff <a.json> <b.json>', 2);
        return diff(a, b, args.options['exit-code'] === true, io);
      }
      case 'import':
        return await importCmd(need(args, 1, 'import <file> --server URL --api-key KEY', 1)[0], args, io);
      case 'export':
        return await exportCmd(need(args, 1, 'export <key> [--version N] --server URL --api-key KEY', 1)[0], args, io);
      case undefined:
        throw new UsageError('name a command: validate, test, lint, diff, import or export');
      default:
        throw new UsageError(`unknown command 'rules ${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`covenant: ${e.message}\nRun 'covenant --help' for usage.`);
      return EXIT.usage;
    }
    if (e instanceof RemoteError) {
      io.err(`covenant: ${e.message}`);
      return EXIT.remote;
    }
    throw e;
  }
}

function need(args: ParsedArgs, min: number, usage: string, max = Infinity): string[] {
  const p = args.positionals;
  if (p.length < min || p.length > max) throw new UsageError(`usage: covenant rules ${usage}`);
  return p;
}

function problemLines(problems: readonly FieldError[], prefix = ''): string[] {
  return problems.map((p) => `    ${prefix}${p.pointer || '(document)'} ${p.message}`);
}

/** Lint findings also show their stable code, which scripts and the docs refer to. */
function findingLines(findings: readonly FieldError[], severity: 'error' | 'warning'): string[] {
  return findings.map((p) => `    ${severity} ${p.pointer || '(document)'} [${p.code ?? 'problem'}] ${p.message}`);
}

function validate(paths: string[], io: CliIo): number {
  const checks = readRuleFiles(paths, io.cwd).map(validateFile);
  for (const c of checks) {
    if (c.problems.length) {
      io.out(`✗ ${c.file.display}: ${c.problems.length} problem${c.problems.length > 1 ? 's' : ''}`);
      problemLines(c.problems).forEach((l) => io.out(l));
    } else io.out(`✓ ${c.file.display} (${c.key}): ${c.ruleCount} rules, ${(c.file.doc as RuleSetDocument).tests?.length ?? 0} tests`);
  }
  const dups = reportDuplicates(checks, io);
  const s = summarise(checks);
  io.out(`Validated ${s.files} file${s.files === 1 ? '' : 's'}: ${s.files - s.invalid} valid, ${s.invalid} invalid`);
  return s.invalid || dups ? EXIT.failed : EXIT.ok;
}

function test(paths: string[], io: CliIo): number {
  const checks = readRuleFiles(paths, io.cwd).map(testFile);
  for (const c of checks) {
    if (!c.tests) {
      io.out(`✗ ${c.file.display}: not valid, so its tests were not run`);
      problemLines(c.problems).forEach((l) => io.out(l));
      continue;
    }
    const { passed, failed, total } = c.tests;
    io.out(`${failed ? '✗' : '✓'} ${c.file.display} (${c.key}): ${passed} passed, ${failed} failed${total === 0 ? ' (no test cases)' : ''}`);
    for (const r of c.tests.results.filter((x) => !x.passed)) {
      io.out(`    ✗ ${r.name}`);
      r.differences.forEach((d) => io.out(`        ${describeDifference(d)}`));
    }
  }
  const s = summarise(checks);
  io.out(`Tested ${s.files} rule set${s.files === 1 ? '' : 's'}: ${s.passed} passed, ${s.failed} failed${s.invalid ? `, ${s.invalid} invalid` : ''}`);
  return s.failed || s.invalid ? EXIT.failed : EXIT.ok;
}

function lint(paths: string[], strict: boolean, io: CliIo): number {
  const checks = readRuleFiles(paths, io.cwd).map(validateFile);
  let errors = 0;
  let warnings = 0;
  for (const c of checks) {
    if (c.problems.length) {
      errors += c.problems.length;
      io.out(`✗ ${c.file.display}: ${c.problems.length} error${c.problems.length > 1 ? 's' : ''} (not valid)`);
      problemLines(c.problems, 'error ').forEach((l) => io.out(l));
      continue;
    }
    const r = lintDocument(c.file.doc as RuleSetDocument);
    errors += r.errors.length;
    warnings += r.warnings.length;
    const bad = r.errors.length > 0 || (strict && r.warnings.length > 0);
    io.out(`${bad ? '✗' : '✓'} ${c.file.display} (${c.key}): ${r.errors.length} error${r.errors.length === 1 ? '' : 's'}, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}`);
    findingLines(r.errors, 'error').forEach((l) => io.out(l));
    findingLines(r.warnings, 'warning').forEach((l) => io.out(l));
  }
  errors += reportDuplicates(checks, io);
  io.out(`Linted ${checks.length} file${checks.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors || (strict && warnings) ? EXIT.failed : EXIT.ok;
}

function reportDuplicates(checks: FileCheck[], io: CliIo): number {
  const dups = duplicateKeys(checks);
  for (const d of dups) io.out(`✗ key '${d.key}' is used by ${d.files.length} files (${d.files.join(', ')}); keys must be unique`);
  return dups.length;
}

function diff(a: string, b: string, exitCode: boolean, io: CliIo): number {
  const docs = [readOneRuleFile(a, io.cwd), readOneRuleFile(b, io.cwd)];
  let invalid = false;
  for (const d of docs) {
    const c = validateFile({ path: d.display, display: d.display, doc: d.doc });
    if (c.problems.length) {
      invalid = true;
      io.err(`✗ ${d.display} is not a valid rule set:`);
      problemLines(c.problems).forEach((l) => io.err(l));
    }
  }
  if (invalid) return EXIT.failed;
  const { diff: d, lines } = diffLines(docs[0].doc as RuleSetDocument, docs[1].doc as RuleSetDocument);
  if (d.identical) {
    io.out(`No differences between ${docs[0].display} and ${docs[1].display}.`);
    return EXIT.ok;
  }
  const count = (n: { added: string[]; removed: string[]; changed: unknown[] }) => `${n.added.length} added, ${n.removed.length} removed, ${n.changed.length} changed`;
  io.out(`${d.key}: ${docs[0].display} → ${docs[1].display} (rules: ${count(d.rules)})`);
  lines.forEach((l) => io.out(`  ${l}`));
  return exitCode ? EXIT.failed : EXIT.ok;
}

async function importCmd(file: string, args: ParsedArgs, io: CliIo): Promise<number> {
  const remote = remoteFrom({ server: stringOption(args, 'server'), apiKey: stringOption(args, 'api-key') }, io.env);
  const { display, doc } = readOneRuleFile(file, io.cwd);
  const v = await importRuleSet(io, remote, doc);
  io.out(`Imported ${display} as ${v.key} version ${v.version} (${v.status}).`);
  return EXIT.ok;
}

async function exportCmd(key: string, args: ParsedArgs, io: CliIo): Promise<number> {
  const remote = remoteFrom({ server: stringOption(args, 'server'), apiKey: stringOption(args, 'api-key') }, io.env);
  const raw = stringOption(args, 'version');
  if (raw !== undefined && !/^[1-9]\d{0,8}$/.test(raw)) throw new UsageError(`--version must be a version number such as 3; it was ${JSON.stringify(raw)}`);
  const { version, document } = await exportRuleSet(io, remote, key, raw === undefined ? undefined : Number(raw));
  io.out(JSON.stringify(document, null, 2));
  io.err(`Exported ${key} version ${version}.`);
  return EXIT.ok;
}

/** Entry point for bin/covenant.js. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const io: CliIo = {
    out: (l) => process.stdout.write(l.endsWith('\n') ? l : `${l}\n`),
    err: (l) => process.stderr.write(l.endsWith('\n') ? l : `${l}\n`),
    env: process.env,
    cwd: process.cwd(),
  };
  runCli(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`covenant: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT.failed;
    },
  );
}
