/**
 * Early-warning calibration (portfolio-spec.md §7: "borrowers with ≥ 1 orange or red signal in the last quarter",
 * 6–10 % of the Chinese book, 4–8 % of the international one). Each generated client goes through the same path a
 * monitoring scan takes — derive() on the profile, then the compiled warning rule sets of the shipped library, via
 * evaluateClient() — and the signals it raises are counted, together with the medians of the ratios behind the
 * financial signals (F03–F06), so a miscalibrated generator shows where it is off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { derive } from '../facts/derive';
import { compileRuleSet } from '../engine';
import { evaluateClient, type EvaluableRuleSet } from '../monitoring/client-findings';
import type { MonitoringFamily } from '../monitoring/monitoring-rules';
import type { RuleSetDocument } from '../rule-sets/rule-set';
import { listJson } from '../../seed';
import { repoRoot } from '../../shared/paths';
import type { Generated } from './generator';

/** The monitoring rule sets of a rule library directory (default: the shipped `rules/`), compiled as the server does. */
export function libraryRuleSets(dir = join(repoRoot(), 'rules'), families: readonly MonitoringFamily[] = ['warning']): EvaluableRuleSet[] {
  const out: EvaluableRuleSet[] = [];
  for (const file of listJson(dir)) {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as RuleSetDocument;
    if (!(families as readonly string[]).includes(doc.family)) continue;
    out.push({ key: doc.key, version: 1, family: doc.family as MonitoringFamily, evaluator: compileRuleSet(doc) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The ratios reported as medians, by catalog fact name. */
export const WARNING_RATIOS = {
  icr: 'interestCoverage',
  ndEbitda: 'netDebtToEbitda',
  cfoCl: 'cfoToCurrentLiabilities',
  da: 'debtToAsset',
  currentRatio: 'currentRatio',
} as const;
type RatioKey = keyof typeof WARNING_RATIOS;

/** What one client's evaluation gave. */
export interface WarningRecord {
  domestic: boolean;
  path: string;
  /** One per signal id, at its worst severity. */
  signals: { id: string; severity: string }[];
  ratios: Record<RatioKey, number | null>;
}

/** Evaluates one generated client with the given warning rule sets, on the book's as-of date. */
export function warningRecord(g: Generated, sets: readonly EvaluableRuleSet[], asOf: string): WarningRecord {
  const id = g.truth.borrowerId;
  const findings = evaluateClient({ id, revision: 1, profile: g.profile }, sets, asOf);
  if (findings.error) throw new Error(`${id}: ${findings.error}`);
  const facts = derive({ ...g.profile, id }, { asOf }).facts;
  const ratios = {} as Record<RatioKey, number | null>;
  for (const [k, name] of Object.entries(WARNING_RATIOS)) ratios[k as RatioKey] = typeof facts[name] === 'number' ? (facts[name] as number) : null;
  return { domestic: g.calibration.domestic, path: g.truth.path, signals: findings.signals.map((s) => ({ id: s.id, severity: s.severity })), ratios };
}

export interface BookWarnings {
  clients: number;
  /** Share of clients with at least one orange or red signal. */
  orangeOrRed: number;
  /** Share of clients with any signal (blue included). */
  anySignal: number;
}

export interface WarningSummary {
  cn: BookWarnings;
  intl: BookWarnings;
  /** Signals (clients) per signal id and severity, e.g. `F05` → `{ yellow: 120, orange: 40 }`. */
  bySignal: Record<string, Record<string, number>>;
  /** Per hidden credit path: clients, the share with an orange or red signal and the share with any signal. */
  byPath: Record<string, { clients: number; orangeOrRed: number; anySignal: number }>;
  /** Medians over the clients for which the fact could be computed. */
  medians: Record<RatioKey, number | null>;
  /** Share of clients with CFO / current liabilities below 0.1 (F03's threshold). */
  cfoClBelow01: number;
}

const SEVERE = new Set(['orange', 'red']);

export class WarningCalibration {
  private readonly books = { cn: { n: 0, severe: 0, any: 0 }, intl: { n: 0, severe: 0, any: 0 } };
  private readonly bySignal: Record<string, Record<string, number>> = {};
  private readonly byPath: Record<string, { n: number; severe: number; any: number }> = {};
  private readonly values: Record<RatioKey, number[]> = { icr: [], ndEbitda: [], cfoCl: [], da: [], currentRatio: [] };

  add(r: WarningRecord): void {
    const book = r.domestic ? this.books.cn : this.books.intl;
    const severe = r.signals.some((s) => SEVERE.has(s.severity));
    book.n++;
    if (severe) book.severe++;
    if (r.signals.length) book.any++;
    const p = (this.byPath[r.path] ??= { n: 0, severe: 0, any: 0 });
    p.n++;
    if (severe) p.severe++;
    if (r.signals.length) p.any++;
    for (const s of r.signals) {
      const row = (this.bySignal[s.id] ??= {});
      row[s.severity] = (row[s.severity] ?? 0) + 1;
    }
    for (const k of Object.keys(this.values) as RatioKey[]) if (r.ratios[k] !== null) this.values[k].push(r.ratios[k] as number);
  }

  summary(): WarningSummary {
    const share = (x: number, t: number) => (t > 0 ? x / t : 0);
    const book = (b: { n: number; severe: number; any: number }): BookWarnings => ({ clients: b.n, orangeOrRed: share(b.severe, b.n), anySignal: share(b.any, b.n) });
    const medians = {} as Record<RatioKey, number | null>;
    for (const k of Object.keys(this.values) as RatioKey[]) medians[k] = median(this.values[k]);
    const cfo = this.values.cfoCl;
    return {
      cn: book(this.books.cn),
      intl: book(this.books.intl),
      bySignal: Object.fromEntries(Object.entries(this.bySignal).sort(([a], [b]) => (a < b ? -1 : 1))),
      byPath: Object.fromEntries(Object.entries(this.byPath).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, { clients: v.n, orangeOrRed: share(v.severe, v.n), anySignal: share(v.any, v.n) }])),
      medians,
      cfoClBelow01: share(cfo.filter((x) => x < 0.1).length, cfo.length),
    };
  }
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const pct = (x: number, d = 1) => `${(x * 100).toFixed(d)} %`;
const num = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
const ORDER = ['red', 'orange', 'yellow', 'blue'];

/** The summary as a few readable lines, with the §7 targets beside the actual values. */
export function formatWarningSummary(s: WarningSummary): string {
  const signals = Object.entries(s.bySignal)
    .map(([id, sev]) => `${id} ${ORDER.filter((k) => sev[k]).map((k) => `${k} ${sev[k]}`).join('/')}`)
    .join(', ');
  const paths = Object.entries(s.byPath)
    .map(([k, v]) => `${k} ${pct(v.orangeOrRed)} / ${pct(v.anySignal)} of ${v.clients}`)
    .join(', ');
  const m = s.medians;
  const bySeverity = (sev: string) => Object.values(s.bySignal).reduce((a, row) => a + (row[sev] ?? 0), 0);
  const clients = s.cn.clients + s.intl.clients;
  const flagged = Math.round(s.cn.anySignal * s.cn.clients + s.intl.anySignal * s.intl.clients);
  return [
    `  early warning (shipped library): orange or red: CN ${pct(s.cn.orangeOrRed)} of ${s.cn.clients} [6–10 %], international ${pct(s.intl.orangeOrRed)} of ${s.intl.clients} [4–8 %]`,
    `    any signal: CN ${pct(s.cn.anySignal)}, international ${pct(s.intl.anySignal)}`,
    `    by hidden credit path, orange or red / any signal: ${paths}`,
    `    signals: ${ORDER.map((k) => `${bySeverity(k)} ${k}`).join(', ')} on ${flagged} of ${clients} clients; clients by signal and level: ${signals}`,
    `    medians: ICR ${num(m.icr)}, net debt / EBITDA ${num(m.ndEbitda)}, CFO / current liabilities ${num(m.cfoCl)} (below 0.1: ${pct(s.cfoClBelow01)}), D/A ${num(m.da)}, current ratio ${num(m.currentRatio)}`,
  ].join('\n');
}
