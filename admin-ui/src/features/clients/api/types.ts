import type { ActorRef } from '../../../api/actor';

/**
 * Wire types of the client register (schemas/client-record, client-page, client-aggregates, client-import-job and
 * client-profile). Only the fields the pages read are typed; the profile has many more.
 */

export const CLASS5 = ['正常', '关注', '次级', '可疑', '损失'] as const;
export type Class5 = (typeof CLASS5)[number];
export const SEVERITIES = ['red', 'orange', 'yellow', 'blue'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INDUSTRY_SECTIONS = 'ABCDEFGHIJKLMNOPQRST'.split('');

export interface Segments {
  tier: string | null;
  tags: string[] | null;
  class5: Class5 | null;
  ifrs9Stage: 1 | 2 | 3 | null;
  riskLevel: Severity | null;
  updatedAt: string | null;
  updatedBy: ActorRef | null;
}

export interface ClientSummary {
  id: string;
  revision: number;
  key: string;
  name: string;
  nameEn: string | null;
  uscc: string | null;
  lei: string | null;
  country: string;
  provinceCode: string | null;
  industrySection: string | null;
  relationshipManager: string | null;
  exposure: number;
  bookedClass5: Class5 | null;
  segments: Segments;
  updatedAt: string;
}

export interface Statement {
  periodEnd: string;
  scope?: string;
  currency?: string;
  audited?: boolean;
  auditOpinion?: string;
  totalCurrentAssets?: number;
  inventory?: number;
  totalAssets?: number;
  totalCurrentLiabilities?: number;
  totalLiabilities?: number;
  totalEquity?: number;
  revenue?: number;
  netProfit?: number;
  totalProfit?: number;
  interestExpense?: number;
  interestIncome?: number;
  cash?: number;
  stBorrowings?: number;
  currentPortionLtd?: number;
  ltBorrowings?: number;
  bondsPayable?: number;
  cfo?: number;
  [field: string]: unknown;
}

export interface LoanMonth {
  snapshot: string;
  outstandingPrincipal?: number;
  dpd?: number;
  class5cat?: Class5;
  ifrs9Stage?: 1 | 2 | 3;
  limitUtilisation?: number;
}

export interface Facility {
  id: string;
  product: string;
  currency?: string;
  limit?: number;
  drawn?: number;
  startDate?: string;
  maturityDate?: string;
  securityType?: string;
  purpose?: string;
  rateType?: string;
  spreadBp?: number;
  monthly?: LoanMonth[];
}

export interface Collateral {
  id?: string;
  type: string;
  appraisedValue: number;
  appraisalDate: string;
  currentValue?: number;
  valuationDate?: string;
  lienRank?: number;
}

export interface Guarantee {
  id?: string;
  guarantorType: string;
  guarantorName?: string;
  amount?: number;
  jointAndSeveral?: boolean;
  guarantorInDefault?: boolean;
}

export interface ClientProfile {
  uscc?: string;
  lei?: string;
  name: string;
  nameEn?: string;
  country: string;
  provinceCode?: string;
  cityCode?: string;
  industry: { section?: string; division?: string; group?: string; class?: string };
  sizeClass?: string;
  employees?: number;
  legalForm?: string;
  ownership?: string;
  establishedDate?: string;
  listed?: boolean;
  relationshipManager?: string;
  relationshipStartDate?: string;
  internalRating?: { grade?: number | string; date?: string; pd?: number; previousGrade?: number | string };
  externalRating?: { agency?: string; rating?: string; outlook?: string };
  statements?: Statement[];
  facilities?: Facility[];
  collateral?: Collateral[];
  guarantees?: Guarantee[];
  creditReport?: { reportDate?: string; totalBankDebt?: number; otherBankDebt?: number; otherBankOverdue90?: number; otherBankNpl?: number };
}

export interface ClientRecord {
  id: string;
  revision: number;
  key: string;
  profile: ClientProfile;
  segments: Segments;
  createdAt: string;
  createdBy: ActorRef;
  updatedAt: string;
  updatedBy: ActorRef;
}

export interface ClientFacts {
  clientId: string;
  revision: number;
  asOf: string;
  facts: Record<string, unknown>;
  /** Why a fact is null, e.g. "the client has no external rating". */
  reasons: Record<string, string>;
}

export interface SegmentChange {
  id: string;
  clientId: string;
  at: string;
  by: ActorRef;
  before: Partial<Segments>;
  after: Partial<Segments>;
  reason: string;
  ruleSets?: { key: string; version: number; firedRules: string[] }[];
  trigger?: { kind: string; scanId?: string };
}

export interface Bucket<K = string | null> {
  key: K;
  count: number;
  exposure: number;
}

export interface ClientAggregates {
  count: number;
  exposure: number;
  byClass5: Bucket[];
  byBookedClass5: Bucket[];
  byIfrs9Stage: Bucket<number | null>[];
  byTier: Bucket[];
  byRiskLevel: Bucket[];
  byIndustry: Bucket[];
  /** By province code for Chinese clients, by country for the others (`CN`: Chinese, no province); never null. */
  byRegion: Bucket<string>[];
}

export type ImportMode = 'all-or-nothing' | 'skip-bad-rows';
export type ImportFormat = 'csv' | 'jsonl';

export interface ImportRowError {
  row: number;
  pointer: string;
  message: string;
  code?: string;
}

export interface ImportJob {
  id: string;
  mode: ImportMode;
  format: ImportFormat;
  status: 'receiving' | 'committing' | 'completed' | 'failed';
  createdAt: string;
  createdBy: ActorRef;
  finishedAt: string | null;
  processed: number;
  total: number | null;
  valid: number;
  committed: number;
  created: number;
  updated: number;
  badRows: number;
  errorCount: number;
  errors: ImportRowError[];
  errorsTruncated: boolean;
  message: string | null;
}
