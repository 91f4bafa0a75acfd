/**
 * What the monitoring rule sets conclude about one client: pure, no I/O, the same in the main thread and in a scan
 * worker. derive() turns the stored profile into the catalog facts for `asOf`; every active segmentation and
 * warning rule set is evaluated on them.
 *
 * five-category is evaluated once per client with client-level facts (maxDpd is the worst facility), i.e. at
 * debtor level, as the 2023 Measures do for corporate debtors (docs/rules.md, "Unit of evaluation"); per-facility
 * classification is not what the register's segment holds.
 */
import { isSeverity, SEVERITY_RANK, type RecommendedAction } from '../alerts/alert';
import type { Signal } from '../alerts/signal';
import type { SegmentValues } from '../clients/client';
import { CLASS_5CAT } from '../facts/client-facility';
import type { ClientProfile } from '../facts/client-profile';
import { derive } from '../facts/derive';
import type { CompiledRuleSet } from '../engine';
import type { MonitoringFamily } from './monitoring-rules';

export interface ClientInput {
  id: string;
  revision: number;
  profile: ClientProfile;
}

export interface RuleSetRun {
  key: string;
  version: number;
  firedRules: string[];
}

/** The segment values the segmentation rule sets produced (only those some active rule set outputs). */
export type SegmentOutputs = Partial<Pick<SegmentValues, 'tier' | 'tags' | 'class5' | 'ifrs9Stage'>>;

export interface ClientFindings {
  clientId: string;
  /** The profile revision the findings were computed from. */
  revision: number;
  segments: SegmentOutputs;
  segmentation: RuleSetRun[];
  warning: RuleSetRun[];
  /** One per signal id, at its worst severity. */
  signals: Signal[];
  /** Set when the facts could not be derived; nothing else is then. */
  error: string | null;
}

export interface EvaluableRuleSet {
  key: string;
  version: number;
  family: MonitoringFamily;
  evaluator: CompiledRuleSet;
}

export function evaluateClient(c: ClientInput, sets: readonly EvaluableRuleSet[], asOf: string): ClientFindings {
  const out: ClientFindings = { clientId: c.id, revision: c.revision, segments: {}, segmentation: [], warning: [], signals: [], error: null };
  let facts: Record<string, unknown>;
  try {
    facts = derive({ ...c.profile, id: c.id }, { asOf }).facts;
  } catch (e) {
    out.error = `the facts could not be derived: ${e instanceof Error ? e.message : String(e)}`;
    return out;
  }
  const signals = new Map<string, Signal>();
  for (const set of sets) {
    const r = set.evaluator.evaluate(facts, { asOf });
    const run: RuleSetRun = { key: set.key, version: set.version, firedRules: r.firedRules.map((f) => f.name) };
    if (set.family === 'segmentation') {
      out.segmentation.push(run);
      Object.assign(out.segments, segmentOutputs(r.outputs, out.segments));
      continue;
    }
    out.warning.push(run);
    for (const fired of r.firedRules) {
      const params = fired.event.params ?? {};
      for (const s of asArray(params.signals)) {
        const sig = signalOf(s, fired.name, { key: set.key, version: set.version }, asArray(params.actions));
        const held = sig && signals.get(sig.id);
        if (sig && (!held || SEVERITY_RANK[sig.severity] > SEVERITY_RANK[held.severity])) signals.set(sig.id, sig);
      }
    }
  }
  out.signals = [...signals.values()];
  return out;
}

/** The outputs that are segment values, when they have the segment's type; an earlier rule set's value is kept. */
function segmentOutputs(o: Record<string, unknown>, already: SegmentOutputs): SegmentOutputs {
  const s: SegmentOutputs = {};
  if (already.tier === undefined && 'tier' in o && (typeof o.tier === 'string' || o.tier === null)) s.tier = o.tier;
  if (already.tags === undefined && 'tags' in o && Array.isArray(o.tags)) s.tags = o.tags.filter((t): t is string => typeof t === 'string').sort();
  if (already.class5 === undefined && 'class5' in o && (CLASS_5CAT as readonly unknown[]).includes(o.class5)) s.class5 = o.class5 as SegmentOutputs['class5'];
  if (already.ifrs9Stage === undefined && 'ifrs9Stage' in o && [1, 2, 3].includes(o.ifrs9Stage as number)) s.ifrs9Stage = o.ifrs9Stage as 1 | 2 | 3;
  return s;
}

function signalOf(v: unknown, rule: string, ruleSet: { key: string; version: number }, actions: unknown[]): Signal | null {
  if (!v || typeof v !== 'object') return null;
  const s = v as Record<string, unknown>;
  if (typeof s.id !== 'string' || !s.id || !isSeverity(s.severity)) return null;
  const title = { zh: typeof s.zh === 'string' ? s.zh : s.id, en: typeof s.en === 'string' ? s.en : s.id };
  return { id: s.id, severity: s.severity, title, rule, ruleSet, actions: actions.filter(isAction).map((a) => ({ code: a.code, zh: a.zh, en: a.en })) };
}

function isAction(a: unknown): a is RecommendedAction {
  const x = a as Record<string, unknown> | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && typeof x.zh === 'string' && typeof x.en === 'string';
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
