/**
 * The rule-set wire formats as the server sends them (server/src/modules/rule-sets/rule-set.ts and
 * server/src/modules/engine/types.ts). The document shape follows schemas/rule-set.schema.json; the editor treats
 * every document it receives as possibly malformed (the JSON view can hold anything), so these types describe the
 * valid case only.
 */

import type { RuleTrace } from '../../../components/explanation/trace-types';

// The trace has one definition, beside the explanation tree that draws it.
export type { RuleTrace, TraceLeaf, TraceNode } from '../../../components/explanation/trace-types';

export type Family = 'credit-policy' | 'segmentation' | 'warning';
export type I18nText = { zh: string; en: string };
export type TextOrI18n = string | Partial<I18nText>;

export interface LeafCondition {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
  operator: string;
  value: unknown;
  name?: string;
  priority?: number;
}
export interface AllGroup { all: Condition[]; name?: string; priority?: number }
export interface AnyGroup { any: Condition[]; name?: string; priority?: number }
export interface NotGroup { not: Condition; name?: string; priority?: number }
export interface ConditionRef { condition: string; name?: string; priority?: number }
export type TopCondition = AllGroup | AnyGroup | NotGroup | ConditionRef;
export type Condition = TopCondition | LeafCondition;

export type ValueType = 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'array' | 'object';

export interface RuleInput {
  name: string;
  type: ValueType;
  required?: boolean;
  unit?: string;
  description?: TextOrI18n;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export type MergeStrategy = 'first' | 'worst' | 'best' | 'min' | 'max' | 'sum' | 'union' | 'collect';

export interface OutputSpec {
  type: 'number' | 'string' | 'boolean' | 'array' | 'object';
  merge: MergeStrategy;
  order?: string[];
  default?: unknown;
  unit?: string;
  description?: TextOrI18n;
}

export interface RuleEvent {
  type: string;
  params?: Record<string, unknown>;
}

export interface Rule {
  name: string;
  description?: TextOrI18n;
  priority: number;
  conditions: TopCondition;
  event: RuleEvent;
}

export interface TestExpectation {
  outputs?: Record<string, unknown>;
  firedRules?: string[];
  fired?: string[];
  notFired?: string[];
}

export interface TestCase {
  name: string;
  description?: TextOrI18n;
  facts: Record<string, unknown>;
  asOf?: string;
  expect: TestExpectation;
}

export interface RuleSetDocument {
  key: string;
  family: Family;
  name: I18nText;
  description?: TextOrI18n;
  inputs?: RuleInput[];
  outputs: Record<string, OutputSpec>;
  conditions?: Record<string, TopCondition>;
  rules: Rule[];
  tests?: TestCase[];
}

export const STATUSES = ['draft', 'in_review', 'approved', 'active', 'retired'] as const;
export type Status = (typeof STATUSES)[number];

export interface ActorRef {
  kind: string;
  id: string;
  name: string;
}

export interface Stamp {
  by: ActorRef;
  at: string;
  comment?: string;
}

export interface VersionRecord {
  id: string;
  key: string;
  version: number;
  family: Family;
  status: Status;
  revision: number;
  contentHash: string;
  basedOnVersion: number | null;
  createdBy: ActorRef;
  createdAt: string;
  updatedBy: ActorRef;
  updatedAt: string;
  authors: string[];
  submitted?: Stamp;
  approved?: Stamp & { contentHash: string; simulationId?: string };
  rejected?: Stamp;
  activated?: Stamp;
  retired?: Stamp;
}

export interface RuleSetVersion extends VersionRecord {
  document: RuleSetDocument;
}

export interface RuleSetSummary {
  key: string;
  family: Family;
  name: I18nText;
  active: { version: number; contentHash: string; activatedAt?: string } | null;
  drafts: { version: number; status: Status; updatedAt: string; updatedBy: ActorRef }[];
  latestVersion: number;
  lastChange: { at: string; by: ActorRef };
}

export interface RuleSetDetail extends RuleSetSummary {
  versions: VersionRecord[];
}

/** A problem with a place in the document: schema errors, static checks, failing tests. */
export interface PointerProblem {
  pointer: string;
  code?: string;
  message: string;
}

export interface TestDifference {
  kind: 'output' | 'firedRules' | 'fired' | 'notFired' | 'error';
  output?: string;
  expected?: unknown;
  actual?: unknown;
  missing?: string[];
  unexpected?: string[];
  fired?: string[];
  message?: string;
}

export interface PublishReport {
  errors: PointerProblem[];
  warnings: PointerProblem[];
  tests?: { total: number; passed: number; failed: { name: string; differences: TestDifference[] }[] };
}

export interface StaticAnalysis {
  errors: PointerProblem[];
  warnings: PointerProblem[];
}

export interface FiredRule {
  name: string;
  priority: number;
  event: RuleEvent;
}

export interface EvaluationResult {
  ruleSet?: { key: string; version: number; contentHash: string };
  outputs: Record<string, unknown>;
  firedRules: FiredRule[];
  reasons: unknown[];
  warnings?: { code: string; message: string; output?: string; rule?: string }[];
  trace?: RuleTrace[];
}

export interface TestCaseResult {
  name: string;
  passed: boolean;
  differences: TestDifference[];
  result?: EvaluationResult;
}

export interface TestRun {
  total: number;
  passed: number;
  failed: number;
  results: TestCaseResult[];
  ruleSet: { key: string; version: number; contentHash: string };
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface NamedChanges {
  added: string[];
  removed: string[];
  changed: { name: string; changes: FieldChange[] }[];
}

export interface RuleSetDiff {
  key: string;
  from: number;
  to: number;
  identical: boolean;
  meta: FieldChange[];
  rules: NamedChanges;
  inputs: NamedChanges;
  outputs: NamedChanges;
  conditions: NamedChanges;
  tests: NamedChanges;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: ActorRef;
  action: string;
  entityType: string;
  entityId: string;
  entityKey: string;
  before?: unknown;
  after?: unknown;
  comment?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}
