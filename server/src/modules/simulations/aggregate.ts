import { canonicalJson } from '../../shared/canonical-json';
import type { OutputSpec, RuleSetDocument } from '../rule-sets/rule-set';
import type { Dimension } from './simulation';

/**
 * Counting the differences between two versions' results. Workers fill one Aggregate per batch; the main thread
 * merges them (`mergeInto`) — so every part is plain data that survives postMessage and adds up in any order.
 * `Pair` is [records, exposure] (or [count, sum] for numeric means).
 */
export type Pair = [number, number];

export interface OutputPlan {
  name: string;
  kind: 'categorical' | 'numeric' | 'set';
  /** Worst → best, for outputs merged by worst/best. */
  order: string[] | null;
}

interface CategoricalAgg {
  kind: 'categorical';
  /** baselineKey + SEP + candidateKey → pair. */
  cells: Record<string, Pair>;
  size: number;
  values: Record<string, unknown>;
  changed: Pair;
  worse: Pair;
  better: Pair;
}
interface NumericAgg {
  kind: 'numeric';
  up: Pair;
  down: Pair;
  same: Pair;
  /** null → number and number → null. */
  other: Pair;
  b: Pair;
  c: Pair;
}
interface SetAgg {
  kind: 'set';
  changed: Pair;
  added: Record<string, Pair>;
  removed: Record<string, Pair>;
  items: Record<string, unknown>;
  addedSev: Record<string, number>;
  removedSev: Record<string, number>;
}
export type OutputAgg = CategoricalAgg | NumericAgg | SetAgg;

export interface DimAgg {
  records: number;
  exposure: number;
  changed: number;
  changedExposure: number;
  /** Cell key of the primary output → moves. */
  moves: Record<string, number>;
}

export interface Aggregate {
  records: number;
  exposure: number;
  changed: number;
  changedExposure: number;
  outputs: Record<string, OutputAgg>;
  firedBaseline: Record<string, number>;
  firedCandidate: Record<string, number>;
  dims: Partial<Record<Dimension, Record<string, DimAgg>>>;
  dimSizes: Partial<Record<Dimension, number>>;
}

export const SEP = '\u0001';
export const OTHER = '\u0002(other)';
/** Distinct categorical cells and dimension values kept per output / dimension; the rest is counted as "(other)". */
const MAX_CELLS = 2000;
const MAX_DIM_VALUES = 500;

/** One output per name of either document, planned by the candidate's declaration (else the baseline's). */
export function planOutputs(baseline: RuleSetDocument, candidate: RuleSetDocument): OutputPlan[] {
  const names = [...new Set([...Object.keys(candidate.outputs), ...Object.keys(baseline.outputs)])];
  return names.map((name) => {
    const spec: OutputSpec = candidate.outputs[name] ?? baseline.outputs[name];
    const kind = spec.type === 'number' ? 'numeric' : spec.type === 'array' ? 'set' : 'categorical';
    return { name, kind, order: spec.order ?? null };
  });
}

/** The output whose moves the breakdowns show: `decision` when it is categorical, else the first categorical one. */
export function primaryOutput(plans: OutputPlan[]): string | null {
  return (plans.find((p) => p.name === 'decision' && p.kind === 'categorical') ?? plans.find((p) => p.kind === 'categorical'))?.name ?? null;
}

export function emptyAggregate(plans: OutputPlan[]): Aggregate {
  const outputs: Record<string, OutputAgg> = {};
  for (const p of plans) {
    if (p.kind === 'categorical') outputs[p.name] = { kind: 'categorical', cells: {}, size: 0, values: {}, changed: [0, 0], worse: [0, 0], better: [0, 0] };
    else if (p.kind === 'numeric') outputs[p.name] = { kind: 'numeric', up: [0, 0], down: [0, 0], same: [0, 0], other: [0, 0], b: [0, 0], c: [0, 0] };
    else outputs[p.name] = { kind: 'set', changed: [0, 0], added: {}, removed: {}, items: {}, addedSev: {}, removedSev: {} };
  }
  return { records: 0, exposure: 0, changed: 0, changedExposure: 0, outputs, firedBaseline: {}, firedCandidate: {}, dims: {}, dimSizes: {} };
}

const objectKeys = new WeakMap<object, string>();

/**
 * A stable key for a value. Output values from the documents are frozen objects shared between evaluations, so the
 * canonical JSON of an object is computed once per object, not once per record.
 */
export function keyOf(v: unknown): string {
  if (v === null || v === undefined) return 'n';
  if (typeof v === 'string') return 's' + v;
  if (typeof v !== 'object') return 'p' + String(v);
  let k = objectKeys.get(v);
  if (k === undefined) objectKeys.set(v, (k = 'j' + canonicalJson(v)));
  return k;
}

const add = (p: Pair, e: number) => {
  p[0]++;
  p[1] += e;
};

function bump(map: Record<string, Pair>, key: string, e: number): void {
  const p = map[key];
  if (p) add(p, e);
  else map[key] = [1, e];
}

/** Adds one output's pair of values (baseline, candidate) to its aggregate; returns true when they differ. */
export function compareOutput(agg: OutputAgg, plan: OutputPlan, vb: unknown, vc: unknown, e: number): boolean {
  if (agg.kind === 'categorical') {
    const kb = keyOf(vb);
    const kc = keyOf(vc);
    let cell = kb + SEP + kc;
    if (!agg.cells[cell]) {
      if (agg.size >= MAX_CELLS) cell = OTHER;
      else {
        agg.size++;
        if (!(kb in agg.values)) agg.values[kb] = vb ?? null;
        if (!(kc in agg.values)) agg.values[kc] = vc ?? null;
      }
    }
    bump(agg.cells, cell, e);
    if (kb === kc) return false;
    add(agg.changed, e);
    if (plan.order) {
      const ib = plan.order.indexOf(vb as string);
      const ic = plan.order.indexOf(vc as string);
      if (ib !== -1 && ic !== -1) add(ic < ib ? agg.worse : agg.better, e);
    }
    return true;
  }
  if (agg.kind === 'numeric') {
    const nb = typeof vb === 'number' ? vb : null;
    const nc = typeof vc === 'number' ? vc : null;
    if (nb !== null) add(agg.b, nb);
    if (nc !== null) add(agg.c, nc);
    if (nb === nc) {
      add(agg.same, e);
      return false;
    }
    add(nb === null || nc === null ? agg.other : nc > nb ? agg.up : agg.down, e);
    return true;
  }
  return compareSets(agg, Array.isArray(vb) ? vb : [], Array.isArray(vc) ? vc : [], e);
}

function compareSets(agg: SetAgg, b: unknown[], c: unknown[], e: number): boolean {
  if (b.length === c.length) {
    let same = true;
    for (let i = 0; i < b.length && same; i++) same = keyOf(b[i]) === keyOf(c[i]);
    if (same) return false;
  }
  // Multiset difference: order alone (rules firing in another order) is not a change.
  const counts = new Map<string, { n: number; v: unknown }>();
  for (const v of b) {
    const k = keyOf(v);
    const x = counts.get(k);
    if (x) x.n++;
    else counts.set(k, { n: 1, v });
  }
  for (const v of c) {
    const k = keyOf(v);
    const x = counts.get(k);
    if (x) x.n--;
    else counts.set(k, { n: -1, v });
  }
  let changed = false;
  for (const [k, { n, v }] of counts) {
    if (n === 0) continue;
    changed = true;
    if (!(k in agg.items)) agg.items[k] = v;
    const sev = v && typeof v === 'object' && typeof (v as { severity?: unknown }).severity === 'string' ? (v as { severity: string }).severity : null;
    for (let i = 0; i < Math.abs(n); i++) bump(n < 0 ? agg.added : agg.removed, k, e);
    if (sev !== null) {
      const bySev = n < 0 ? agg.addedSev : agg.removedSev;
      bySev[sev] = (bySev[sev] ?? 0) + Math.abs(n);
    }
  }
  if (changed) add(agg.changed, e);
  return changed;
}

export function countFired(map: Record<string, number>, fired: readonly { name: string }[]): void {
  for (let i = 0; i < fired.length; i++) map[fired[i].name] = (map[fired[i].name] ?? 0) + 1;
}

export function addToDimensions(agg: Aggregate, dims: Partial<Record<Dimension, string>>, e: number, changed: boolean, move: string | null): void {
  for (const d in dims) {
    const dim = d as Dimension;
    const table = (agg.dims[dim] ??= {});
    let value = dims[dim]!;
    let row = table[value];
    if (!row) {
      if ((agg.dimSizes[dim] ?? 0) >= MAX_DIM_VALUES) value = OTHER;
      if (!table[value] && value !== OTHER) agg.dimSizes[dim] = (agg.dimSizes[dim] ?? 0) + 1;
      row = table[value] ??= { records: 0, exposure: 0, changed: 0, changedExposure: 0, moves: {} };
    }
    row.records++;
    row.exposure += e;
    if (changed) {
      row.changed++;
      row.changedExposure += e;
    }
    if (move !== null) row.moves[move] = (row.moves[move] ?? 0) + 1;
  }
}

const addPair = (into: Pair, p: Pair) => {
  into[0] += p[0];
  into[1] += p[1];
};
function addPairs(into: Record<string, Pair>, from: Record<string, Pair>): void {
  for (const k in from) {
    if (into[k]) addPair(into[k], from[k]);
    else into[k] = [from[k][0], from[k][1]];
  }
}
function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const k in from) into[k] = (into[k] ?? 0) + from[k];
}

/** Adds `b` (a batch's aggregate) into `a`. */
export function mergeInto(a: Aggregate, b: Aggregate): void {
  a.records += b.records;
  a.exposure += b.exposure;
  a.changed += b.changed;
  a.changedExposure += b.changedExposure;
  addCounts(a.firedBaseline, b.firedBaseline);
  addCounts(a.firedCandidate, b.firedCandidate);
  for (const name in b.outputs) {
    const x = a.outputs[name];
    const y = b.outputs[name];
    if (x.kind === 'categorical' && y.kind === 'categorical') {
      for (const k in y.cells) {
        const key = x.cells[k] || x.size < MAX_CELLS || k === OTHER ? k : OTHER;
        if (!x.cells[key] && key !== OTHER) x.size++;
        if (x.cells[key]) addPair(x.cells[key], y.cells[k]);
        else x.cells[key] = [y.cells[k][0], y.cells[k][1]];
      }
      for (const k in y.values) if (!(k in x.values)) x.values[k] = y.values[k];
      addPair(x.changed, y.changed);
      addPair(x.worse, y.worse);
      addPair(x.better, y.better);
    } else if (x.kind === 'numeric' && y.kind === 'numeric') {
      for (const p of ['up', 'down', 'same', 'other', 'b', 'c'] as const) addPair(x[p], y[p]);
    } else if (x.kind === 'set' && y.kind === 'set') {
      addPair(x.changed, y.changed);
      addPairs(x.added, y.added);
      addPairs(x.removed, y.removed);
      for (const k in y.items) if (!(k in x.items)) x.items[k] = y.items[k];
      addCounts(x.addedSev, y.addedSev);
      addCounts(x.removedSev, y.removedSev);
    }
  }
  for (const d in b.dims) {
    const dim = d as Dimension;
    const into = (a.dims[dim] ??= {});
    for (const [value, row] of Object.entries(b.dims[dim]!)) {
      let v = value;
      if (!into[v]) {
        if (v !== OTHER && (a.dimSizes[dim] ?? 0) >= MAX_DIM_VALUES) v = OTHER;
        else if (v !== OTHER) a.dimSizes[dim] = (a.dimSizes[dim] ?? 0) + 1;
      }
      const cur = (into[v] ??= { records: 0, exposure: 0, changed: 0, changedExposure: 0, moves: {} });
      cur.records += row.records;
      cur.exposure += row.exposure;
      cur.changed += row.changed;
      cur.changedExposure += row.changedExposure;
      addCounts(cur.moves, row.moves);
    }
  }
}
