// `npx tsx scripts/warning-calibration.ts [--clients N] [--seed S] [--as-of DATE] [--evaluate-on DATE]`: generates a
// synthetic book in memory (portfolio-spec.md), evaluates the shipped early-warning rule set (rules/) on every client
// as a monitoring scan would, and prints the portfolio calibration summary followed by the early-warning figures of
// spec §7. The rules are evaluated on the book's as-of date (T0, a quarter end), or on --evaluate-on: a demo store
// (`npm start`) holds the book of the last quarter end and scans it on the day.
import { Calibration, formatSummary } from '../server/src/modules/portfolio/calibration';
import { isQuarterEnd } from '../server/src/modules/portfolio/config';
import { generatePortfolio, resolveConfig } from '../server/src/modules/portfolio/generator';
import { formatWarningSummary, libraryRuleSets, WarningCalibration, warningRecord } from '../server/src/modules/portfolio/warning-calibration';

function opt(name: string, fallback: string): string {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

function main() {
  const clients = Number(opt('clients', '3000'));
  const seed = Number(opt('seed', '42'));
  const asOf = opt('as-of', '2026-09-30');
  if (!Number.isInteger(clients) || clients < 1 || clients > 200_000) throw new Error('--clients must be a whole number from 1 to 200,000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isQuarterEnd(asOf)) throw new Error('--as-of must be a quarter end, e.g. 2026-09-30');
  const on = opt('evaluate-on', asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(on) || on < asOf) throw new Error('--evaluate-on must be a date on or after --as-of');
  const sets = libraryRuleSets();
  const started = process.hrtime.bigint();
  const cal = new Calibration();
  const warnings = new WarningCalibration();
  for (const g of generatePortfolio(resolveConfig({ clients, seed, asOf }))) {
    cal.add(g.calibration);
    warnings.add(warningRecord(g, sets, on));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(`${formatSummary(cal.summary(), seconds)}\n${formatWarningSummary(warnings.summary())}\n  as of ${asOf}, evaluated on ${on}, seed ${seed}; rule sets ${sets.map((s) => s.key).join(', ')}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`warning-calibration: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
