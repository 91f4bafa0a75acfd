// `npm run portfolio -- --clients N --seed S --out FILE`: the synthetic portfolio of portfolio-spec.md as JSONL
// (one client profile per line) or CSV, with a calibration summary on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatSummary } from '../server/src/modules/portfolio/calibration';
import { isQuarterEnd, lastQuarterEnd } from '../server/src/modules/portfolio/config';
import { resolveConfig } from '../server/src/modules/portfolio/generator';
import { writePortfolio } from '../server/src/modules/portfolio/write-portfolio';

const USAGE = `usage: npm run portfolio -- --clients N --seed S --out FILE [options]

  --clients N       borrowers to generate (1 … 1,000,000)
  --seed S          master seed (integer); same seed + same options ⇒ the same file, byte for byte
  --out FILE        where the profiles go
  --as-of DATE      T0, a quarter end (default: the last quarter end before today; pass it for reproducible files)
  --format F        jsonl (default) or csv (docs/clients.md)
  --dq              inject the data-quality issues of portfolio-spec.md §5 (≈0.5 % invalid USCCs, missing fields …)
  --truth FILE      write the hidden ground truth (path, default date, injected issues) as JSONL
  --manifest FILE   write the config, generator version and calibration results as JSON
  --workers N       worker threads (default: one per core, at most 4); the output is the same for any N
`;

function args(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[a.slice(2)] = true;
    else out[a.slice(2)] = argv[++i];
  }
  return out;
}

async function main() {
  const a = args(process.argv.slice(2));
  if (a.help) return void process.stdout.write(USAGE);
  const clients = Number(a.clients);
  const seed = Number(a.seed ?? 42);
  if (!Number.isInteger(clients) || clients < 1 || clients > 1_000_000) throw new Error('--clients must be a whole number from 1 to 1,000,000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (typeof a.out !== 'string') throw new Error('--out FILE is required');
  const asOf = typeof a['as-of'] === 'string' ? a['as-of'] : lastQuarterEnd(new Date().toISOString().slice(0, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isQuarterEnd(asOf)) throw new Error('--as-of must be a quarter end, e.g. 2026-09-30');
  const format = a.format === 'csv' ? 'csv' : 'jsonl';
  const cfg = resolveConfig({ clients, seed, asOf, dataQuality: a.dq === true });
  const started = process.hrtime.bigint();
  const profileSchema = JSON.parse(readFileSync(join(__dirname, '..', 'schemas', 'client-profile.schema.json'), 'utf8'));
  const workers = a.workers === undefined ? undefined : Number(a.workers);
  const result = await writePortfolio(cfg, { out: a.out, format, truth: typeof a.truth === 'string' ? a.truth : undefined, profileSchema, workers });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (typeof a.manifest === 'string') writeFileSync(a.manifest, JSON.stringify(result, null, 2) + '\n');
  process.stderr.write(`${formatSummary(result, seconds)}\n  as of ${asOf}, seed ${seed}, written to ${a.out}\n`);
}

main().catch((e) => {
  process.stderr.write(`portfolio: ${(e as Error).message}\n\n${USAGE}`);
  process.exitCode = 1;
});
