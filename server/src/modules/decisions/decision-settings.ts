import type { DecisionLogStore } from './decision-log-store';
import type { RegistrySettings } from './active-rule-sets';
import type { LogWriterSettings } from './decision-log-writer';
import type { SpoolLimits } from './decision-spool';

/**
 * Tuning of the decision service. The defaults are what we run with; compose() takes overrides (tests use short
 * intervals and tiny spools). config.ts does not read these from the environment yet — see docs/performance.md.
 */
export interface DecisionSettings extends LogWriterSettings, RegistrySettings {
  spool: SpoolLimits;
  /** Test hook: wraps the decision log store (e.g. one that can be made to fail). Never set in production. */
  wrapLogStore?: (store: DecisionLogStore) => DecisionLogStore;
}

export const DEFAULT_DECISION_SETTINGS: DecisionSettings = {
  flushIntervalMs: 2,
  maxBatchRecords: 256,
  storeTimeoutMs: 2_000,
  retryIntervalMs: 1_000,
  pollIntervalMs: 500,
  fullReloadEvery: 10,
  spool: { maxRecords: 200_000, maxBytes: 512 * 1024 * 1024 },
};

export function decisionSettings(over: Partial<DecisionSettings> = {}): DecisionSettings {
  return { ...DEFAULT_DECISION_SETTINGS, ...over, spool: { ...DEFAULT_DECISION_SETTINGS.spool, ...over.spool } };
}
