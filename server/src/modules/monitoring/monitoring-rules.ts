import type { CompiledRuleSet } from '../engine';
import type { RuleSetDocument, RuleSetVersion } from '../rule-sets/rule-set';

/** The rule-set families monitoring runs (DESIGN §1): segmentation sets the client's segments, warning raises alerts. */
export type MonitoringFamily = 'segmentation' | 'warning';

/** A rule-set version as monitoring uses it; plain data, so it can be handed to a worker thread. */
export interface MonitoringRuleSet {
  key: string;
  version: number;
  contentHash: string;
  family: MonitoringFamily;
  document: RuleSetDocument;
}

export interface CompiledMonitoringRuleSet extends MonitoringRuleSet {
  evaluator: CompiledRuleSet;
}

/** Where monitoring gets its rule sets: the active ones (compiled, held in memory) and, to resume a scan, older ones. */
export interface MonitoringRules {
  /** The active segmentation and warning versions, sorted by key. */
  active(): CompiledMonitoringRuleSet[];
  /** One version, compiled; null when it does not exist. */
  version(key: string, version: number): Promise<CompiledMonitoringRuleSet | null>;
}

/** What the decision registry offers (ActiveRuleSets and VersionCompiler fit), without depending on their classes. */
export interface RegistryLike {
  keys(): string[];
  get(key: string): { ref: { key: string; version: number; contentHash: string }; evaluator: CompiledRuleSet } | undefined;
}

const isMonitoring = (family: string): family is MonitoringFamily => family === 'segmentation' || family === 'warning';

/**
 * Monitoring rules from the decision registry: the same compiled active versions decisions use, swapped on
 * activation and by the cross-instance poller, so monitoring never runs a version other than the active one.
 */
export function registryRules(
  registry: RegistryLike,
  getVersion: (key: string, version: number) => Promise<RuleSetVersion | null>,
  compile: (v: RuleSetVersion) => CompiledRuleSet,
): MonitoringRules {
  return {
    active() {
      const out: CompiledMonitoringRuleSet[] = [];
      for (const key of registry.keys()) {
        const cv = registry.get(key);
        if (!cv || !isMonitoring(cv.evaluator.document.family)) continue;
        out.push({ key, version: cv.ref.version, contentHash: cv.ref.contentHash, family: cv.evaluator.document.family, document: cv.evaluator.document as RuleSetDocument, evaluator: cv.evaluator });
      }
      return out.sort((a, b) => (a.key < b.key ? -1 : 1));
    },
    async version(key, version) {
      const v = await getVersion(key, version);
      if (!v || !isMonitoring(v.family)) return null;
      return { key, version, contentHash: v.contentHash, family: v.family, document: v.document, evaluator: compile(v) };
    },
  };
}
