import { Prng } from '../engine/prng';

/**
 * Seeded synthetic corporate borrowers with 38 fields: the financial ratios, bureau and delinquency data and
 * categorical attributes a credit policy reads. About 3% of numeric and 2% of string fields are null (missing
 * data is normal in a loan book), which is what separates the engines' null semantics (bench-notes.md).
 * Numbers stay far inside zen-engine's decimal range.
 */
export type Borrower = Record<string, number | string | boolean | null>;

export const RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];
export const INDUSTRIES = ['C13', 'C26', 'C30', 'C36', 'E47', 'F51', 'G54', 'I65', 'K70', 'L72', 'M73', 'B06'];
export const REGIONS = ['310000', '320000', '330000', '440000', '110000', '510000', '420000', '370000'];
export const OWNERSHIP = ['SOE', 'private', 'foreign', 'collective'];
export const GUARANTEES = ['none', 'guarantee', 'mortgage', 'pledge'];
export const AUDIT_OPINIONS = ['unqualified', 'qualified', 'adverse', 'disclaimer'];

/** Numeric fields with [min, max] of a plausible spread; rules draw thresholds from the same ranges. */
export const NUMERIC_FIELDS: Record<string, [number, number]> = {
  revenue: [1e6, 5e9],
  netProfit: [-2e8, 6e8],
  totalAssets: [2e6, 8e9],
  totalLiabilities: [1e6, 6e9],
  equity: [-1e8, 3e9],
  debtRatio: [0.05, 1.2],
  currentRatio: [0.2, 3.5],
  quickRatio: [0.1, 2.8],
  interestCoverage: [-2, 25],
  dscr: [0.2, 4],
  ltv: [0.1, 1.3],
  roe: [-0.3, 0.4],
  roa: [-0.15, 0.2],
  ebitdaMargin: [-0.2, 0.45],
  revenueGrowth: [-0.5, 0.8],
  profitGrowth: [-1, 1.5],
  operatingCashFlow: [-3e8, 9e8],
  yearsInBusiness: [0, 60],
  employees: [5, 20000],
  creditScore: [300, 900],
  dpd: [0, 180],
  maxDpd12m: [0, 365],
  overdueCount12m: [0, 12],
  collateralValue: [0, 4e9],
  requestedAmount: [1e5, 2e9],
  existingExposure: [0, 3e9],
  legalCases: [0, 15],
  relatedPartyRatio: [0, 0.8],
  customerConcentration: [0, 1],
};

export const STRING_FIELDS: Record<string, readonly string[]> = {
  rating: RATINGS,
  industryCode: INDUSTRIES,
  region: REGIONS,
  ownership: OWNERSHIP,
  guaranteeType: GUARANTEES,
  auditOpinion: AUDIT_OPINIONS,
};

export const BOOLEAN_FIELDS = ['taxCompliant', 'listed', 'watchList'];

const INTEGER_FIELDS = new Set(['yearsInBusiness', 'employees', 'creditScore', 'dpd', 'maxDpd12m', 'overdueCount12m', 'legalCases']);

/** The value below which a share q of borrowers fall (values are skewed to the low end: most borrowers are small and current). */
export function quantile(field: string, q: number): number {
  const [lo, hi] = NUMERIC_FIELDS[field];
  const x = lo + (hi - lo) * q ** 1.6;
  return INTEGER_FIELDS.has(field) ? Math.round(x) : Math.round(x * 10_000) / 10_000;
}

export function numberIn(rng: Prng, field: string): number {
  return quantile(field, rng.next());
}

export function generateBorrowers(count: number, seed: number): Borrower[] {
  const rng = new Prng(seed);
  const out: Borrower[] = [];
  for (let i = 0; i < count; i++) {
    const b: Borrower = {};
    for (const f of Object.keys(NUMERIC_FIELDS)) b[f] = rng.chance(0.03) ? null : numberIn(rng, f);
    for (const [f, values] of Object.entries(STRING_FIELDS)) b[f] = rng.chance(0.02) ? null : rng.pick(values);
    for (const f of BOOLEAN_FIELDS) b[f] = rng.chance(f === 'taxCompliant' ? 0.9 : 0.15);
    // Through JSON, as facts arrive over HTTP: V8 builds parsed objects in fast mode, whereas an object grown
    // key by key past a dozen properties becomes a dictionary and every engine reads it more slowly.
    out.push(JSON.parse(JSON.stringify(b)) as Borrower);
  }
  return out;
}
