/** Project finance: pf_project and pf_period (portfolio-spec.md §4.9, domain.md §2.4). */

export const PROJECT_SECTORS = [
  'solar',
  'onshore_wind',
  'offshore_wind',
  'hydro',
  'toll_road',
  'rail',
  'port_logistics',
  'airport',
  'water_waste',
  'data_centre',
  'lng_petrochem',
  'mining',
  'coal',
  'steel',
  'aluminium',
  'cement',
  'housing',
  'real_estate_other',
  'ppp_availability',
  'other',
] as const;
export type ProjectSector = (typeof PROJECT_SECTORS)[number];

export const PROJECT_PHASES = ['development', 'construction', 'operation'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/**
 * One debt-service period. History (periodEnd ≤ as-of) and forecast share the array; the order of the array is
 * the time order. CFADS is the amount available for senior debt service in the period.
 */
export interface ProjectPeriod {
  periodEnd?: string;
  cfads: number;
  seniorInterest?: number;
  seniorPrincipal?: number;
  dsraBalance?: number;
  /** Amount drawn from the DSRA in the period. */
  dsraDrawn?: number;
}

export interface Project {
  id?: string;
  facilityId?: string;
  sector: ProjectSector;
  country?: string;
  phase?: ProjectPhase;
  totalProjectCost?: number;
  /** Sponsor equity (资本金) / total project cost, as a decimal. */
  equityRatio?: number;
  /** Overrides the sector minimum from params.equityMinimumBySector. */
  equityMinimum?: number;
  /** Weighted average senior interest rate per year, the LLCR/PLCR discount rate. */
  seniorRate: number;
  /** Periods per year (1 annual, 2 semi-annual, 4 quarterly); 1 when absent. */
  periodsPerYear?: number;
  /** Senior debt outstanding at the valuation point; Σ remaining scheduled principal when absent. */
  seniorDebtOutstanding?: number;
  targetDscr?: number;
  lockupDscr?: number;
  defaultDscr?: number;
  minLlcr?: number;
  dsraMonths?: number;
  periods: ProjectPeriod[];
}
