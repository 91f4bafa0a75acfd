/**
 * Medians across several `--json` runs of the engine bench, as the Markdown tables in docs/performance.md
 * (bench-notes.md: quote medians of several runs; these machines are noisy).
 *
 *   npx tsx test/bench/engine-bench.ts --json > run1.json   (repeat)
 *   npx tsx test/bench/summarize-runs.ts run1.json run2.json run3.json
 */
import { readFileSync } from 'node:fs';
import { median } from './timing';

interface Run {
  machine: { cpu: string; nproc: number; node: string; loadAverage: { start: number; end?: number } };
  sets: {
    rules: number;
    firedPerDecision: number;
    compileMs: number;
    memoryKBPerRuleSet: number;
    engines: Record<string, { perSecond: number; perCpuSecond: number; latency?: { p50us: number; p99us: number } }>;
    ratios: Record<string, number>;
    traceOff: { overheadPct: number };
  }[];
  compile1000: { compileMs: number; firstEvaluationMs: number };
  nsPerRulePerDecision: Record<string, number>;
}

const runs: Run[] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')) as Run);
if (runs.length === 0) throw new Error('give the --json outputs to summarise');
const m = (pick: (r: Run) => number | undefined) => median(runs.map(pick).filter((x): x is number => typeof x === 'number'));
const rate = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));
const fix = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');

const ENGINES: [string, string][] = [
  ['ours', 'ours, generated code, trace off'],
  ['oursTraceOn', 'ours, trace on'],
  ['oursClosures', 'ours, closures build'],
  ['jsonLogic', 'json-logic-js'],
  ['zen', 'zen-engine, one at a time'],
  ['zenInFlight', 'zen-engine, 64 in flight'],
  ['jsonRulesEngine', 'json-rules-engine'],
];
const sizes = runs[0].sets.map((s) => s.rules);
const set = (r: Run, n: number) => r.sets.find((s) => s.rules === n) as Run['sets'][number];
const out: string[] = [];
const loads = runs.map((r) => `${r.machine.loadAverage.start.toFixed(1)}→${r.machine.loadAverage.end?.toFixed(1)}`).join(', ');
out.push(`${runs.length} runs; ${runs[0].machine.cpu}, ${runs[0].machine.nproc} cores, node ${runs[0].machine.node}; 1-min load average per run: ${loads}\n`);
out.push(`| engine | ${sizes.map((n) => `${n} rules: decisions/s (per CPU-s) | p50 / p99 µs`).join(' | ')} |`);
out.push(`|---|${sizes.map(() => '---:|---:').join('|')}|`);
for (const [key, label] of ENGINES) {
  const cells = sizes.map((n) => {
    const per = m((r) => set(r, n).engines[key].perSecond);
    const cpu = m((r) => set(r, n).engines[key].perCpuSecond);
    const p50 = m((r) => set(r, n).engines[key].latency?.p50us);
    const p99 = m((r) => set(r, n).engines[key].latency?.p99us);
    return `${rate(per)} (${rate(cpu)}) | ${Number.isFinite(p50) ? `${fix(p50, 2)} / ${fix(p99, 1)}` : '—'}`;
  });
  out.push(`| ${label} | ${cells.join(' | ')} |`);
}
out.push('\n| rules | ours ÷ json-rules-engine | ours ÷ zen (1 at a time) | ours ÷ zen (64 in flight) | ours ÷ json-logic-js | codegen ÷ closures |');
out.push('|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const r = (k: string) => m((x) => set(x, n).ratios[k]);
  out.push(`| ${n} | ${fix(r('vsJsonRulesEngine'), 0)}× (CPU ${fix(r('cpuVsJsonRulesEngine'), 0)}×) | ${fix(r('vsZen'), 0)}× (CPU ${fix(r('cpuVsZen'), 0)}×) | ${fix(r('vsZenInFlight'))}× (CPU ${fix(r('cpuVsZenInFlight'))}×) | ${fix(r('vsJsonLogic'))}× | ${fix(r('vsOurClosures'))}× |`);
}
out.push('\n| rules | fired rules per decision | compile ms | memory KB per compiled set | ns per rule per decision | trace off vs no-tracing build |');
out.push('|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  out.push(
    `| ${n} | ${fix(m((r) => set(r, n).firedPerDecision), 2)} | ${fix(m((r) => set(r, n).compileMs), 2)} | ${fix(m((r) => set(r, n).memoryKBPerRuleSet), 0)} | ${fix(m((r) => r.nsPerRulePerDecision[n]))} | ${fix(m((r) => set(r, n).traceOff.overheadPct))}% (runs: ${runs.map((r) => fix(set(r, n).traceOff.overheadPct)).join(', ')}) |`,
  );
}
out.push(`\n1,000-rule set: compile ${fix(m((r) => r.compile1000.compileMs))} ms (runs: ${runs.map((r) => fix(r.compile1000.compileMs)).join(', ')}), first evaluation ${fix(m((r) => r.compile1000.firstEvaluationMs))} ms`);
process.stdout.write(`${out.join('\n')}\n`);
