/**
 * A credit facility at our bank and its status (portfolio-spec.md §4.4–4.5). dpd can come from either a
 * repayment `schedule` (preferred: dpd then emerges from unpaid due dates, loans.ts) or from the latest
 * `monthly` status snapshot (its earliestUnpaidDueDate, else its reported dpd).
 */
export const PRODUCTS = [
  'working_capital',
  'fixed_asset',
  'project_finance',
  'm_and_a',
  'syndicated',
  'bank_acceptance',
  'letter_of_credit',
  'guarantee',
  'revolving',
  'other',
] as const;
export type Product = (typeof PRODUCTS)[number];

export const SECURITY_TYPES = ['unsecured', 'guaranteed', 'mortgage', 'pledge', 'combined'] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

/** The five categories (domain.md §1.1), by their Chinese names as the segmentation rule sets use them. */
export const CLASS_5CAT = ['正常', '关注', '次级', '可疑', '损失'] as const;
export type Class5cat = (typeof CLASS_5CAT)[number];
/** Categories 3–5 are non-performing (不良). */
export const NPL_CLASSES: readonly Class5cat[] = ['次级', '可疑', '损失'];

/** Concessions that make a change a restructuring (domain.md §1.1.4). */
export const RESTRUCTURE_TYPES = [
  'extension',
  'reschedule',
  'grace_period',
  'interest_capitalised',
  'rate_cut',
  'principal_reduction',
  'collateral_release',
  'swap',
  'refinancing',
  'other',
] as const;
export type RestructureType = (typeof RESTRUCTURE_TYPES)[number];

export const PURPOSES = ['working_capital', 'capex', 'project', 'refinancing', 'acquisition', 'trade'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** One contractual due amount. Unpaid (or part-paid) items due on or before the as-of date drive dpd. */
export interface ScheduleItem {
  dueDate: string;
  kind: 'principal' | 'interest';
  amount: number;
  paidAmount?: number;
  /** True when fully paid. When absent, paidAmount ≥ amount decides. */
  paid?: boolean;
  paidDate?: string;
}

/** A restructuring event; the observation period is computed from it when the snapshot does not carry one. */
export interface Restructuring {
  date: string;
  type: RestructureType;
  /** First repayment date after the change; the observation period starts here (§1.1.4). */
  firstRepaymentDate?: string;
  /** Months between repayments (3 for quarterly). */
  repaymentPeriodMonths?: number;
  /** Category before the restructuring. */
  preClass5cat?: Class5cat;
}

/** Monthly status snapshot (portfolio-spec.md `loan_month`). */
export interface LoanMonth {
  snapshot: string;
  outstandingPrincipal?: number;
  scheduledPrincipalDue?: number;
  scheduledInterestDue?: number;
  paidPrincipal?: number;
  paidInterest?: number;
  overduePrincipal?: number;
  overdueInterest?: number;
  dpdPrincipal?: number;
  dpdInterest?: number;
  dpd?: number;
  earliestUnpaidDueDate?: string;
  /** The delay is operational or technical (exempt up to 7 days, §1.1.2). */
  technicalDelay?: boolean;
  limitUtilisation?: number;
  overdraftExcessDays?: number;
  restructuredFlag?: boolean;
  restructureDate?: string;
  restructureType?: RestructureType;
  observationEndDate?: string;
  extensionCount12m?: number;
  refinancedFlag?: boolean;
  class5cat?: Class5cat;
  ifrs9Stage?: 1 | 2 | 3;
  ecl?: number;
  nonaccrual?: boolean;
  writeoffAmount?: number;
  transferFlag?: boolean;
  otherBankNplFlag?: boolean;
  otherBankOverdue90Share?: number;
}

export interface Facility {
  id: string;
  product: Product;
  currency?: string;
  limit?: number;
  drawn?: number;
  /** Credit conversion factor for the undrawn part (EAD = drawn + ccf × undrawn). */
  ccf?: number;
  startDate?: string;
  maturityDate?: string;
  securityType?: SecurityType;
  purpose?: Purpose;
  rateType?: string;
  spreadBp?: number;
  schedule?: ScheduleItem[];
  restructurings?: Restructuring[];
  monthly?: LoanMonth[];
}
