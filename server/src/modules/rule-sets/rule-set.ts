import type { ActorRef } from '../audit/audit';

export type Family = 'credit-policy' | 'segmentation' | 'warning';
export type I18nText = { zh: string; en: string };

/** json-rules-engine condition trees, as schemas/rule-set.schema.json allows them. */
export interface LeafCondition {
  fact: string;
  path?: string;
  params?: Record<string, unknown>;
  operator: string;
  value: unknown;
  name?: string;
  priority?: number;
}
export type TopCondition =
  | { all: Condition[]; name?: string; priority?: number }
  | { any: Condition[]; name?: string; priority?: number }
  | { not: Condition; name?: string; priority?: number }
  | { condition: string; name?: string; priority?: number };
export type Condition = TopCondition | LeafCondition;

export interface RuleInput {
  name: string;
  type: 'number' | 'integer' | 'string' | 'boolean' | 'date' | 'array' | 'object';
  required?: boolean;
  unit?: string;
  description?: string | Partial<I18nText>;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export type MergeStrategy = 'first' | 'worst' | 'best' | 'min' | 'max' | 'sum' | 'union' | 'collect';

export interface OutputSpec {
  type: 'number' | 'string' | 'boolean' | 'array' | 'object';
  merge: MergeStrategy;
  /** worst/best: values from worst to best. */
  order?: string[];
  default?: unknown;
  unit?: string;
  description?: string | Partial<I18nText>;
}

export interface Rule {
  name: string;
  description?: string | Partial<I18nText>;
  priority: number;
  conditions: TopCondition;
  event: { type: string; params?: Record<string, unknown> };
}

export interface TestCase {
  name: string;
  description?: string | Partial<I18nText>;
  facts: Record<string, unknown>;
  asOf?: string;
  expect: { outputs?: Record<string, unknown>; firedRules?: string[]; fired?: string[]; notFired?: string[] };
}

/** The authored document: what risk staff edit, what is hashed, approved and evaluated. */
export interface RuleSetDocument {
  key: string;
  family: Family;
  name: I18nText;
  description?: string | Partial<I18nText>;
  inputs?: RuleInput[];
  outputs: Record<string, OutputSpec>;
  conditions?: Record<string, TopCondition>;
  rules: Rule[];
  tests?: TestCase[];
}

export const STATUSES = ['draft', 'in_review', 'approved', 'active', 'retired'] as const;
export type Status = (typeof STATUSES)[number];

export interface Stamp {
  by: ActorRef;
  at: string;
  comment?: string;
}

/** One immutable-once-submitted version of a rule set, with its governance record. */
export interface RuleSetVersion {
  id: string;
  key: string;
  version: number;
  family: Family;
  status: Status;
  /** Bumped by every change; writes are compare-and-set on it. */
  revision: number;
  contentHash: string;
  document: RuleSetDocument;
  basedOnVersion: number | null;
  createdBy: ActorRef;
  createdAt: string;
  updatedBy: ActorRef;
  updatedAt: string;
  /** Everyone who created or edited this version: none of them may approve it. */
  authors: string[];
  submitted?: Stamp;
  /** The approval covers exactly `contentHash`; `simulationId` is the evidence the approver saw. */
  approved?: Stamp & { contentHash: string; simulationId?: string };
  rejected?: Stamp;
  activated?: Stamp;
  retired?: Stamp;
}

/** What the list page shows for each key. */
export interface RuleSetSummary {
  key: string;
  family: Family;
  name: I18nText;
  active: { version: number; contentHash: string; activatedAt?: string } | null;
  drafts: { version: number; status: Status; updatedAt: string; updatedBy: ActorRef }[];
  latestVersion: number;
  lastChange: { at: string; by: ActorRef };
}

/**
 * The lifecycle (DESIGN §4): draft → in_review → approved → active → retired, in_review → draft on rejection.
 * Retiring is allowed from approved (withdrawn) and active (switched off). Rollback re-activates a retired version
 * that was approved and active once; it has its own endpoint.
 */
export const TRANSITIONS = {
  submit: { from: ['draft'], to: 'in_review' },
  approve: { from: ['in_review'], to: 'approved' },
  reject: { from: ['in_review'], to: 'draft' },
  activate: { from: ['approved'], to: 'active' },
  retire: { from: ['approved', 'active'], to: 'retired' },
  rollback: { from: ['retired'], to: 'active' },
} satisfies Record<string, { from: Status[]; to: Status }> as Record<'submit' | 'approve' | 'reject' | 'activate' | 'retire' | 'rollback', { from: Status[]; to: Status }>;

export type TransitionName = keyof typeof TRANSITIONS;

export function allowedTransitions(status: Status): Status[] {
  return Object.values(TRANSITIONS)
    .filter((t) => t.from.includes(status))
    .map((t) => t.to);
}
