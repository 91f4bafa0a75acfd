/**
 * The client profile: everything derive() reads about one borrower. It follows portfolio-spec.md §4 with
 * camelCase names. The wire contract is schemas/client-profile.schema.json (+ client-statement, client-facility,
 * client-security, client-project, client-event); client-profile-schema.test.ts proves that these types and the
 * schemas name the same fields, because we have no schema-to-type generator installed.
 * Money is in one currency per client (the statements' currency), in yuan unless the caller says otherwise.
 */
import type { Collateral, Guarantee, GuaranteeGiven } from './client-security';
import type { Facility } from './client-facility';
import type { Project } from './client-project';
import type { ClientEvent } from './client-event';
import type { Statement } from './client-statement';

export type { Collateral, Guarantee, GuaranteeGiven } from './client-security';
export type { Facility, LoanMonth, ScheduleItem, Restructuring } from './client-facility';
export type { Project, ProjectPeriod } from './client-project';
export type { ClientEvent } from './client-event';
export type { Statement } from './client-statement';

export const INDUSTRY_SECTIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number];

export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

export const OWNERSHIPS = ['soe_central', 'soe_local', 'lgfv', 'private', 'foreign', 'mixed'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const PRODUCT_FAMILIES = ['loans', 'trade_finance', 'cash_management', 'fx_derivatives', 'deposits', 'payroll', 'bonds', 'wealth'] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** GB/T 4754-2017 code of the client's main business: section letter, 2-digit division, 3-digit group, 4-digit class. */
export interface Industry {
  section: IndustrySection;
  division?: string;
  group?: string;
  class?: string;
}

export interface RelatedParty {
  id?: string;
  name?: string;
  relation: 'parent' | 'subsidiary' | 'affiliate' | 'controller' | 'guarantor' | 'other';
}

/** 12-month relationship economics (domain.md §6). */
export interface Contribution {
  nii12m?: number;
  fee12m?: number;
  avgDailyDeposits?: number;
  /** Net interest income earned on the client's deposits; if absent, avgDailyDeposits × params.depositFtpSpread. */
  depositNii12m?: number;
  operatingCost12m?: number;
  economicCapital?: number;
}

/** Master-scale grade (domain.md §3.2): 1 (best) … 10, or 'D' for default. */
export type InternalGrade = number | 'D';

export interface InternalRating {
  grade: InternalGrade;
  date: string;
  pd?: number;
  model?: string;
  previousGrade?: InternalGrade;
  previousDate?: string;
}

export interface ExternalRating {
  agency: string;
  rating: string;
  date: string;
  scale?: 'global' | 'domestic';
  outlook?: 'positive' | 'stable' | 'negative' | 'developing';
  watch?: 'positive' | 'negative' | 'developing';
  previousRating?: string;
  previousDate?: string;
}

/** The credit-report (征信) view of the client's debt across all banks, as of `reportDate`. */
export interface CreditReport {
  reportDate?: string;
  /** Every bank, ours included. */
  totalBankDebt?: number;
  otherBankDebt?: number;
  /** More than 90 days past due at other banks. */
  otherBankOverdue90?: number;
  otherBankNpl?: number;
  otherBankSpecialMention?: number;
}

export interface ClientProfile {
  id?: string;
  uscc?: string;
  lei?: string;
  localRegNo?: string;
  name: string;
  nameEn?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  provinceCode?: string;
  cityCode?: string;
  industry: Industry;
  sizeClass?: SizeClass;
  employees?: number;
  legalForm?: string;
  ownership?: Ownership;
  establishedDate?: string;
  /** Month (1–12) in which the fiscal year ends; 12 (calendar year, as in China) when absent. */
  fiscalYearEndMonth?: number;
  listed?: boolean;
  exchange?: string;
  ticker?: string;
  marketCap?: number;
  /** Annualised volatility of daily log returns over 250 trading days, as a decimal (0.4 = 40 %). */
  equityVol250d?: number;
  groupId?: string;
  groupType?: Ownership;
  actualControllerId?: string;
  relatedParties?: RelatedParty[];
  isRelatedParty?: boolean;
  sanctionsFlag?: boolean;
  restrictedIndustry?: boolean;
  relationshipManager?: string;
  relationshipStartDate?: string;
  productsHeld?: ProductFamily[];
  contribution?: Contribution;
  internalRating?: InternalRating;
  externalRating?: ExternalRating;
  statements?: Statement[];
  facilities?: Facility[];
  collateral?: Collateral[];
  guarantees?: Guarantee[];
  guaranteesGiven?: GuaranteeGiven[];
  project?: Project;
  events?: ClientEvent[];
  creditReport?: CreditReport;
}
