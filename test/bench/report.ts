import type { Machine } from './machine';
import type { Latency, Throughput } from './timing';

/** The human-readable form of the bench figures (the --json form is the same object, serialised). */
interface Figures {
  command: string;
  machine: Machine;
  mode: string;
  timerOverheadNs: number;
  sets: {
    rules: number;
    firedPerDecision: number;
    compileMs: number;
    memoryKBPerRuleSet: number;
    agreement: Record<string, number>;
    engines: Record<string, Throughput & { latency?: Latency }>;
    ratios: Record<string, number>;
    traceOff: { tracingBuildPerSecond: number; noTracingBuildPerSecond: number; overheadPct: number };
  }[];
  compile1000: { rules: number; compileMs: number; firstEvaluationMs: number };
  nsPerRulePerDecision: Record<string, number>;
  seconds: number;
}

const LABELS: Record<string, string> = {
  ours: 'ours (codegen, trace off)',
  oursTraceOn: 'ours (trace on)',
  oursClosures: 'ours (closures)',
  jsonLogic: 'json-logic-js',
  zen: 'zen-engine (one at a time)',
  zenInFlight: 'zen-engine (64 in flight)',
  jsonRulesEngine: 'json-rules-engine',
};

const rate = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(0));
const us = (n: number | undefined) => (n === undefined ? '—' : n < 10 ? n.toFixed(2) : n.toFixed(0));

export function printReport(f: Figures): void {
  const out: string[] = [];
  out.push(`# engine bench (${f.mode}) — ${f.command}`);
  const load = f.machine.loadAverage;
  out.push(`machine: ${f.machine.cpu}; ${f.machine.nproc} cores; node ${f.machine.node}; load average ${load.start.toFixed(1)} → ${load.end?.toFixed(1)}; timer overhead ${f.timerOverheadNs} ns per timed call\n`);
  out.push(`| engine | ${f.sets.map((s) => `${s.rules} rules: decisions/s | p50 µs | p99 µs`).join(' | ')} |`);
  out.push(`|---|${f.sets.map(() => '---:|---:|---:').join('|')}|`);
  for (const key of Object.keys(LABELS)) {
    const cells = f.sets.map((s) => {
      const e = s.engines[key];
      return `${rate(e.perSecond)} | ${us(e.latency?.p50us)} | ${us(e.latency?.p99us)}`;
    });
    out.push(`| ${LABELS[key]} | ${cells.join(' | ')} |`);
  }
  out.push('\nratios, ours (trace off) ÷ peer, decisions per wall-clock second (per CPU-second in brackets):');
  out.push(`| rules | ÷ json-rules-engine | ÷ zen (1 at a time) | ÷ zen (64 in flight) | ÷ json-logic-js | ÷ our closures |`);
  out.push('|---:|---:|---:|---:|---:|---:|');
  for (const s of f.sets) {
    const r = s.ratios;
    out.push(
      `| ${s.rules} | ${r.vsJsonRulesEngine.toFixed(0)}× (${r.cpuVsJsonRulesEngine.toFixed(0)}×) | ${r.vsZen.toFixed(0)}× (${r.cpuVsZen.toFixed(0)}×) | ${r.vsZenInFlight.toFixed(1)}× (${r.cpuVsZenInFlight.toFixed(1)}×) | ${r.vsJsonLogic.toFixed(1)}× | ${r.vsOurClosures.toFixed(1)}× |`,
    );
  }
  out.push('\n| rules | fired per decision | compile ms | memory KB per compiled set | ns per rule per decision | trace-off overhead vs no-tracing build | agreement (borrowers checked) |');
  out.push('|---:|---:|---:|---:|---:|---:|---|');
  for (const s of f.sets) {
    const agree = Object.entries(s.agreement).map(([k, v]) => `${k} ${v}`).join(', ');
    out.push(`| ${s.rules} | ${s.firedPerDecision.toFixed(2)} | ${s.compileMs.toFixed(2)} | ${s.memoryKBPerRuleSet.toFixed(0)} | ${f.nsPerRulePerDecision[s.rules].toFixed(1)} | ${s.traceOff.overheadPct.toFixed(1)}% | ${agree} |`);
  }
  out.push(`\n1,000-rule set: compile ${f.compile1000.compileMs.toFixed(1)} ms (median of 5), first evaluation ${f.compile1000.firstEvaluationMs.toFixed(2)} ms`);
  out.push(`total ${f.seconds.toFixed(0)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
}
