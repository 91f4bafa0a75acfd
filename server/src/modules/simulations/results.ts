import type { RuleSetDocument } from '../rule-sets/rule-set';
import { OTHER, SEP, type Aggregate, type DimAgg, type OutputPlan, type Pair } from './aggregate';
import type { BreakdownRow, Cell, Dimension, OutputResult, RuleDelta, SimulationResults } from './simulation';

const TOP_RULES = 25;
const TOP_ITEMS = 100;
const TOP_DIM_VALUES = 100;

const cell = (p: Pair): Cell => ({ count: p[0], exposure: round(p[1]) });
const round = (n: number) => Math.round(n * 100) / 100;
const mean = (p: Pair) => (p[0] ? p[1] / p[0] : null);

/** Turns the merged aggregate of a run into the results document stored with it. */
export function buildResults(
  agg: Aggregate,
  plans: OutputPlan[],
  primary: string | null,
  docs: { baseline: RuleSetDocument; candidate: RuleSetDocument },
  extra: { skipped: number; skippedSamples: SimulationResults['skippedSamples']; changesStored: number; durationMs: number },
): SimulationResults {
  const outputs = plans.map((p) => outputResult(agg, p));
  return {
    summary: {
      records: agg.records + extra.skipped,
      evaluated: agg.records,
      skipped: extra.skipped,
      changed: agg.changed,
      exposure: round(agg.exposure),
      changedExposure: round(agg.changedExposure),
      ...figures(agg, plans, outputs),
    },
    primaryOutput: primary,
    outputs,
    breakdowns: breakdowns(agg, primary),
    rules: ruleDeltas(agg, docs),
    changes: { total: agg.changed, stored: extra.changesStored, truncated: extra.changesStored < agg.changed },
    skippedSamples: extra.skippedSamples,
    durationMs: extra.durationMs,
  };
}

function outputResult(agg: Aggregate, plan: OutputPlan): OutputResult {
  const o = agg.outputs[plan.name];
  if (o.kind === 'numeric')
    return {
      output: plan.name,
      kind: 'numeric',
      increased: cell(o.up),
      decreased: cell(o.down),
      unchanged: cell(o.same),
      ...(o.other[0] ? { toOrFromNull: cell(o.other) } : {}),
      baseline: { count: o.b[0], mean: mean(o.b) },
      candidate: { count: o.c[0], mean: mean(o.c) },
    };
  if (o.kind === 'set') {
    const list = (m: Record<string, Pair>) =>
      Object.entries(m)
        .sort((a, b) => b[1][0] - a[1][0])
        .slice(0, TOP_ITEMS)
        .map(([k, p]) => ({ item: o.items[k], ...cell(p) }));
    return {
      output: plan.name,
      kind: 'set',
      changed: cell(o.changed),
      added: list(o.added),
      removed: list(o.removed),
      ...(Object.keys(o.addedSev).length ? { addedBySeverity: o.addedSev } : {}),
      ...(Object.keys(o.removedSev).length ? { removedBySeverity: o.removedSev } : {}),
    };
  }
  // Axis: the declared order first, then other values in first-seen order, "(other)" last.
  const declared = new Set((plan.order ?? []).map((v) => 's' + v));
  const ordered = [...[...declared].filter((k) => k in o.values), ...Object.keys(o.values).filter((k) => !declared.has(k))];
  const rank = new Map(ordered.map((k, i) => [k, i]));
  const cells = Object.entries(o.cells)
    .map(([k, p]) => {
      if (k === OTHER) return { baseline: '(other)', candidate: '(other)', ...cell(p), _r: [Infinity, Infinity] };
      const [b, c] = k.split(SEP);
      return { baseline: o.values[b], candidate: o.values[c], ...cell(p), _r: [rank.get(b)!, rank.get(c)!] };
    })
    .sort((x, y) => x._r[0] - y._r[0] || x._r[1] - y._r[1])
    .map(({ _r, ...rest }) => rest);
  return {
    output: plan.name,
    kind: 'categorical',
    values: ordered.map((k) => o.values[k]),
    cells,
    changed: cell(o.changed),
    ...(plan.order ? { worse: cell(o.worse), better: cell(o.better) } : {}),
  };
}

/** Approval rate, average limit and average spread, for the outputs a credit policy has. */
function figures(agg: Aggregate, plans: OutputPlan[], outputs: OutputResult[]): Partial<SimulationResults['summary']> {
  const out: Partial<SimulationResults['summary']> = {};
  const decision = outputs.find((o) => o.output === 'decision' && o.kind === 'categorical');
  if (decision?.kind === 'categorical' && agg.records && decision.values.includes('approve')) {
    let b = 0;
    let c = 0;
    for (const x of decision.cells) {
      if (x.baseline === 'approve') b += x.count;
      if (x.candidate === 'approve') c += x.count;
    }
    out.approvalRate = { baseline: b / agg.records, candidate: c / agg.records };
  }
  const numeric = (re: RegExp) => plans.find((p) => p.kind === 'numeric' && re.test(p.name));
  const avg = (p: OutputPlan | undefined) => {
    const o = p && agg.outputs[p.name];
    return o?.kind === 'numeric' ? { output: p!.name, baseline: mean(o.b), candidate: mean(o.c) } : undefined;
  };
  const limit = avg(numeric(/limit/i));
  const spread = avg(numeric(/spread|margin/i));
  if (limit) out.averageLimit = limit;
  if (spread) out.averageSpread = spread;
  return out;
}

function breakdowns(agg: Aggregate, primary: string | null): SimulationResults['breakdowns'] {
  const out: SimulationResults['breakdowns'] = {};
  const values = primary ? (agg.outputs[primary] as { values?: Record<string, unknown> }).values ?? {} : {};
  for (const [dim, table] of Object.entries(agg.dims) as [Dimension, Record<string, DimAgg>][]) {
    const rows: BreakdownRow[] = Object.entries(table)
      .map(([value, r]) => ({
        value: value === OTHER ? '(other)' : value,
        records: r.records,
        exposure: round(r.exposure),
        changed: r.changed,
        changedExposure: round(r.changedExposure),
        transitions: Object.entries(r.moves)
          .map(([k, count]) => {
            const [b, c] = k.split(SEP);
            return { from: values[b] ?? null, to: values[c] ?? null, count };
          })
          .sort((a, b) => b.count - a.count),
      }))
      .sort((a, b) => b.records - a.records)
      .slice(0, TOP_DIM_VALUES);
    out[dim] = rows;
  }
  return out;
}

function ruleDeltas(agg: Aggregate, docs: { baseline: RuleSetDocument; candidate: RuleSetDocument }): RuleDelta[] {
  const inB = new Set(docs.baseline.rules.map((r) => r.name));
  const inC = new Set(docs.candidate.rules.map((r) => r.name));
  return [...new Set([...inB, ...inC])]
    .map((rule) => {
      const baseline = agg.firedBaseline[rule] ?? 0;
      const candidate = agg.firedCandidate[rule] ?? 0;
      return { rule, baseline, candidate, delta: candidate - baseline, in: (inB.has(rule) && inC.has(rule) ? 'both' : inB.has(rule) ? 'baseline' : 'candidate') as RuleDelta['in'] };
    })
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || a.rule.localeCompare(b.rule))
    .slice(0, TOP_RULES);
}
