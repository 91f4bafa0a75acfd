/**
 * The engine benchmark (issue 3): our compiled evaluator against json-rules-engine, @gorules/zen-engine and
 * json-logic-js on the same seeded borrowers and credit rule sets of 10, 60 and 200 rules. Every peer is checked
 * to fire exactly our rules before it is timed.
 *
 *   npm run bench                 full run (~2–3 min), human-readable report on stdout
 *   npm run bench -- --json       the same figures as one JSON object on stdout (progress goes to stderr)
 *   npm run bench -- --quick      a short run with fewer borrowers and shorter rounds
 */
import { loadavg } from 'node:os';
import { compileRuleSet } from '../../server/src/modules/engine';
import { generateBorrowers, type Borrower } from './borrowers';
import { checkAgreement, firedByUs } from './agreement';
import { generateCreditRuleSet } from './credit-rules';
import { describeMachine } from './machine';
import { heapAfterGc } from './memory';
import { jrePeer } from './peers/jre-peer';
import { jsonLogicPeer } from './peers/json-logic-peer';
import { zenPeer } from './peers/zen-peer';
import { printReport } from './report';
import { latencyAsync, latencySync, median, throughputAsync, throughputSync, timeMs, timerOverheadNs, type Latency, type Throughput } from './timing';

const args = new Set(process.argv.slice(2));
const asJson = args.has('--json');
const quick = args.has('--quick');
const RULE_COUNTS = [10, 60, 200];
const cfg = quick
  ? { borrowers: 4_000, roundMs: 150, rounds: 2, jreAgree: 300, latency: { ours: 5_000, jre: 100, zen: 300, jsonLogic: 1_000 }, memoryCopies: 5, zenInFlight: 64 }
  : { borrowers: 20_000, roundMs: 600, rounds: 3, jreAgree: 1_000, latency: { ours: 20_000, jre: 400, zen: 2_000, jsonLogic: 5_000 }, memoryCopies: 20, zenInFlight: 64 };

const log = (s: string) => process.stderr.write(`${s}\n`);

export interface EngineFigures extends Throughput {
  latency: Latency;
}

export interface SetFigures {
  rules: number;
  firedPerDecision: number;
  compileMs: number;
  memoryKBPerRuleSet: number;
  agreement: Record<string, number>;
  engines: Record<string, EngineFigures | Throughput>;
  ratios: Record<string, number>;
  traceOff: { tracingBuildPerSecond: number; noTracingBuildPerSecond: number; overheadPct: number };
}

async function benchSet(rules: number, borrowers: Borrower[]): Promise<SetFigures> {
  log(`\n[${rules} rules] building`);
  const doc = generateCreditRuleSet(rules, 1000 + rules);
  const compileMs = median(Array.from({ length: 5 }, () => timeMs(() => compileRuleSet(doc))));
  const ours = compileRuleSet(doc);
  const noTracing = compileRuleSet(doc, { tracing: false });
  const closures = compileRuleSet(doc, { mode: 'closures' });
  const jre = jrePeer(doc);
  const zen = zenPeer(doc);
  const jl = jsonLogicPeer(doc);

  log(`[${rules} rules] agreement`);
  const agreement = {
    closures: await checkAgreement('closures', ours, (b) => firedByUs(closures, b), borrowers),
    trace: await checkAgreement('trace', ours, (b) => firedByUs(ours, b, true), borrowers),
    jsonLogic: await checkAgreement('json-logic-js', ours, jl, borrowers),
    zen: await checkAgreement('zen-engine', ours, (b) => zen.fired(b), borrowers, cfg.zenInFlight),
    jsonRulesEngine: await checkAgreement('json-rules-engine', ours, jre, borrowers.slice(0, cfg.jreAgree)),
  };
  const firedPerDecision = borrowers.reduce((n, b) => n + ours.evaluate(b).firedRules.length, 0) / borrowers.length;

  const { roundMs, rounds } = cfg;
  const engines: SetFigures['engines'] = {};
  log(`[${rules} rules] ours`);
  engines.ours = { ...throughputSync(borrowers, (b) => ours.evaluate(b), roundMs, rounds), latency: latencySync(borrowers, (b) => ours.evaluate(b), cfg.latency.ours) };
  engines.oursTraceOn = {
    ...throughputSync(borrowers, (b) => ours.evaluate(b, { trace: true }), roundMs, rounds),
    latency: latencySync(borrowers, (b) => ours.evaluate(b, { trace: true }), cfg.latency.ours / 4),
  };
  engines.oursClosures = { ...throughputSync(borrowers, (b) => closures.evaluate(b), roundMs, rounds), latency: latencySync(borrowers, (b) => closures.evaluate(b), cfg.latency.ours) };
  log(`[${rules} rules] json-logic-js`);
  engines.jsonLogic = { ...throughputSync(borrowers, jl, roundMs, rounds), latency: latencySync(borrowers, jl, cfg.latency.jsonLogic) };
  log(`[${rules} rules] zen-engine`);
  engines.zen = { ...(await throughputAsync(borrowers, (b) => zen.fired(b), roundMs, rounds)), latency: await latencyAsync(borrowers, (b) => zen.fired(b), cfg.latency.zen) };
  engines.zenInFlight = await throughputAsync(borrowers, (b) => zen.fired(b), roundMs, rounds, cfg.zenInFlight);
  log(`[${rules} rules] json-rules-engine`);
  engines.jsonRulesEngine = { ...(await throughputAsync(borrowers, jre, roundMs, rounds)), latency: await latencyAsync(borrowers, jre, cfg.latency.jre) };
  zen.dispose();

  const ourRate = engines.ours.perSecond;
  const ourCpuRate = engines.ours.perCpuSecond;
  const ratios = {
    cpuVsJsonRulesEngine: ourCpuRate / engines.jsonRulesEngine.perCpuSecond,
    cpuVsZen: ourCpuRate / engines.zen.perCpuSecond,
    cpuVsZenInFlight: ourCpuRate / engines.zenInFlight.perCpuSecond,
    vsJsonRulesEngine: ourRate / engines.jsonRulesEngine.perSecond,
    vsZen: ourRate / engines.zen.perSecond,
    vsZenInFlight: ourRate / engines.zenInFlight.perSecond,
    vsJsonLogic: ourRate / engines.jsonLogic.perSecond,
    vsOurClosures: ourRate / engines.oursClosures.perSecond,
  };

  log(`[${rules} rules] trace off vs no-tracing build, memory`);
  const traceOff = compareTracingBuilds(ours, noTracing, borrowers);
  const memoryKBPerRuleSet = memoryPerRuleSet(rules, borrowers[0]);
  return { rules, firedPerDecision, compileMs, memoryKBPerRuleSet, agreement, engines, ratios, traceOff };
}

/**
 * Interleaved rounds of the default build (tracing available, off) and a build without tracing; medians of
 * decisions per CPU-second, the steadier figure on a shared machine.
 */
function compareTracingBuilds(withTracing: ReturnType<typeof compileRuleSet>, without: ReturnType<typeof compileRuleSet>, borrowers: Borrower[]) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    a.push(throughputSync(borrowers, (x) => withTracing.evaluate(x), cfg.roundMs / 2, 1).perCpuSecond);
    b.push(throughputSync(borrowers, (x) => without.evaluate(x), cfg.roundMs / 2, 1).perCpuSecond);
  }
  const tracingBuildPerSecond = median(a);
  const noTracingBuildPerSecond = median(b);
  return { tracingBuildPerSecond, noTracingBuildPerSecond, overheadPct: (noTracingBuildPerSecond / tracingBuildPerSecond - 1) * 100 };
}

/** Distinct rule sets of the same size (so V8 cannot share their generated code), each evaluated once (bytecode included). */
function memoryPerRuleSet(rules: number, borrower: Borrower): number {
  const docs = Array.from({ length: cfg.memoryCopies }, (_, i) => generateCreditRuleSet(rules, 50_000 + rules * 100 + i));
  const before = heapAfterGc();
  const compiled = docs.map((d) => compileRuleSet(d));
  for (const c of compiled) c.evaluate(borrower);
  const after = heapAfterGc();
  if (compiled.length !== docs.length) throw new Error('unreachable');
  return (after - before) / docs.length / 1024;
}

function compileLarge(): { rules: number; compileMs: number; compileRuns: number[]; firstEvaluationMs: number } {
  const doc = generateCreditRuleSet(1000, 4242);
  const runs = Array.from({ length: 5 }, () => timeMs(() => compileRuleSet(doc)));
  const compiled = compileRuleSet(doc);
  const firstEvaluationMs = timeMs(() => compiled.evaluate(generateBorrowers(1, 9)[0]));
  return { rules: 1000, compileMs: median(runs), compileRuns: runs, firstEvaluationMs };
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = describeMachine();
  log(`engine bench (${quick ? 'quick' : 'full'}): ${machine.cpu}, ${machine.nproc} cores, node ${machine.node}`);
  const borrowers = generateBorrowers(cfg.borrowers, 20250630);
  const timer = timerOverheadNs();
  const sets: SetFigures[] = [];
  for (const n of RULE_COUNTS) sets.push(await benchSet(n, borrowers));
  const compile1000 = compileLarge();
  machine.loadAverage.end = loadavg()[0];
  const figures = {
    command: `npm run bench${asJson || quick ? ' --' : ''}${quick ? ' --quick' : ''}${asJson ? ' --json' : ''}`,
    machine,
    mode: quick ? 'quick' : 'full',
    config: cfg,
    timerOverheadNs: timer,
    sets,
    compile1000,
    nsPerRulePerDecision: Object.fromEntries(sets.map((s) => [s.rules, 1e9 / s.engines.ours.perSecond / s.rules])),
    seconds: (Date.now() - started) / 1000,
  };
  if (asJson) process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  else printReport(figures);
}

export type BenchFigures = Parameters<typeof printReport>[0];

main().catch((e) => {
  log(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
