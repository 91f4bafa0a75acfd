/**
 * One financial statement (portfolio-spec.md §4.3). The balance sheet is at `periodEnd`; P&L and cash-flow
 * figures are year-to-date, as Chinese reports are (Q4 = the full fiscal year). ttm.ts turns them into
 * trailing-twelve-month and single-quarter flows.
 */
export const AUDIT_OPINIONS = ['standard', 'emphasis', 'qualified', 'adverse', 'disclaimer'] as const;
export type AuditOpinion = (typeof AUDIT_OPINIONS)[number];

export interface Statement {
  periodEnd: string;
  scope?: 'consolidated' | 'parent';
  currency?: string;
  audited?: boolean;
  auditOpinion?: AuditOpinion;
  auditor?: string;
  reportDate?: string;
  restated?: boolean;

  // Balance sheet (at periodEnd)
  cash?: number;
  tradingFinancialAssets?: number;
  notesReceivable?: number;
  accountsReceivable?: number;
  prepayments?: number;
  otherReceivables?: number;
  inventory?: number;
  contractAssets?: number;
  otherCurrentAssets?: number;
  totalCurrentAssets?: number;
  ltEquityInvestments?: number;
  fixedAssets?: number;
  constructionInProgress?: number;
  rightOfUseAssets?: number;
  intangibles?: number;
  goodwill?: number;
  otherNonCurrentAssets?: number;
  totalAssets?: number;
  stBorrowings?: number;
  notesPayable?: number;
  accountsPayable?: number;
  /** Advances from customers and contract liabilities (预收款项/合同负债). */
  advancesReceived?: number;
  currentPortionLtd?: number;
  otherCurrentLiabilities?: number;
  totalCurrentLiabilities?: number;
  ltBorrowings?: number;
  bondsPayable?: number;
  leaseLiabilities?: number;
  otherNonCurrentLiabilities?: number;
  totalLiabilities?: number;
  paidInCapital?: number;
  capitalReserve?: number;
  retainedEarnings?: number;
  minorityInterest?: number;
  totalEquity?: number;

  // P&L (year to date)
  revenue?: number;
  costOfSales?: number;
  taxesAndSurcharges?: number;
  sellingExpenses?: number;
  adminExpenses?: number;
  rdExpenses?: number;
  financeExpenses?: number;
  interestExpense?: number;
  /** Interest capitalised into assets in the period (for the Chinese interest-coverage variant). */
  capitalisedInterest?: number;
  interestIncome?: number;
  investmentIncome?: number;
  impairmentLosses?: number;
  operatingProfit?: number;
  nonOperatingItems?: number;
  totalProfit?: number;
  incomeTax?: number;
  netProfit?: number;
  netProfitParent?: number;
  /** Depreciation and amortisation (from the notes). */
  da?: number;

  // Cash flow (year to date)
  cfo?: number;
  cfi?: number;
  capex?: number;
  cff?: number;
  dividendsInterestPaid?: number;
  closingCash?: number;
}

/** Flow fields (YTD in a statement). Everything else in a statement is a balance at periodEnd. */
export const FLOW_FIELDS = [
  'revenue',
  'costOfSales',
  'taxesAndSurcharges',
  'sellingExpenses',
  'adminExpenses',
  'rdExpenses',
  'financeExpenses',
  'interestExpense',
  'capitalisedInterest',
  'interestIncome',
  'investmentIncome',
  'impairmentLosses',
  'operatingProfit',
  'nonOperatingItems',
  'totalProfit',
  'incomeTax',
  'netProfit',
  'netProfitParent',
  'da',
  'cfo',
  'cfi',
  'capex',
  'cff',
  'dividendsInterestPaid',
] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];

export type BalanceField = Exclude<
  keyof Statement,
  FlowField | 'periodEnd' | 'scope' | 'currency' | 'audited' | 'auditOpinion' | 'auditor' | 'reportDate' | 'restated'
>;
