/**
 * Parameters of the derivation. Every value domain.md tags [PRACTICE] or [UNSURE] lives here instead of in a
 * formula, so a credit-policy owner can change it per call (POST /facts/derive `params`) without a release.
 */
import type { CollateralType } from './client-security';
import type { ProjectSector } from './client-project';

export type AltmanVariantChoice = 'auto' | 'Z' | 'Z_PRIME' | 'Z_DOUBLE_PRIME';

export interface DeriveParams {
  /** §1.1.2 [UNSURE]: false → dpd = as-of − due date (the day after the due date is day 1); true → the due date itself is day 1. */
  dpdCountsDueDate: boolean;
  /** §1.1.2: short operational or technical delays up to this many days are exempt from 关注. */
  technicalDelayDays: number;
  /** §2.1: day count for DSO and DIO (some banks use 360). */
  dayCount: number;
  /** §2.1: receivables turnover includes notes receivable. */
  receivablesIncludeNotes: boolean;
  /** §2.1: when TTM cannot be built, annualise YTD × 4/q instead of returning null. */
  annualiseWhenNoTtm: boolean;
  /** When the balance sheet a year earlier is missing, use the closing balance for "average" denominators. */
  averageFallbackToClosing: boolean;
  /** Events older than this count as history, not as active signals. */
  eventLookbackDays: number;
  /** §3.3: risk-free rate (decimal per year) and horizon T in years. */
  riskFreeRate: number;
  horizonYears: number;
  /** §3.3: expected asset return μ for the Merton DD; null leaves that DD null. */
  assetDrift: number | null;
  /** §3.4: which Altman model sets altmanZone. 'auto' = Z for listed manufacturers, Z′ for other manufacturers, Z″ otherwise. */
  altmanVariant: AltmanVariantChoice;
  /** §4.2 N08 [PRACTICE]: maximum LTV (抵押率) by collateral type. */
  ltvCaps: Record<CollateralType, number | null>;
  /** §2.4: minimum project equity (资本金) by sector (国发〔2015〕51号 / 〔2019〕26号). */
  equityMinimumBySector: Record<ProjectSector, number>;
  /** §2.3 [PRACTICE]: SASAC debt-to-asset warning lines. */
  debtToAssetWarningLines: { industrial: number; nonIndustrial: number; research: number };
  /** §6 [PRACTICE]: RAROC inputs. */
  lgd: number;
  defaultCcf: number;
  capitalReturnRate: number;
  taxRate: number;
  hurdleRate: number;
  /** §6: FTP spread earned on deposits; null when deposit NII is not estimated. */
  depositFtpSpread: number | null;
}

export const DEFAULT_PARAMS: DeriveParams = {
  dpdCountsDueDate: false,
  technicalDelayDays: 7,
  dayCount: 365,
  receivablesIncludeNotes: false,
  annualiseWhenNoTtm: true,
  averageFallbackToClosing: true,
  eventLookbackDays: 365,
  riskFreeRate: 0.02,
  horizonYears: 1,
  assetDrift: null,
  altmanVariant: 'auto',
  // Upper ends of portfolio-spec.md §4.6 / domain.md §4.2 note ranges; the project package has no LTV cap.
  ltvCaps: {
    residential_property: 0.7,
    commercial_property: 0.6,
    industrial_property: 0.6,
    land_use_rights: 0.7,
    machinery: 0.5,
    receivables: 0.8,
    inventory: 0.5,
    deposits_bonds: 0.9,
    listed_shares: 0.6,
    unlisted_equity: 0.3,
    resource_rights: 0.6,
    project_package: null,
    other: 0.5,
  },
  // 2019 revision cut ports and shipping to 20 % ([UNSURE] in domain.md); mining other than coal falls under "other projects".
  equityMinimumBySector: {
    solar: 0.2,
    onshore_wind: 0.2,
    offshore_wind: 0.2,
    hydro: 0.2,
    toll_road: 0.2,
    rail: 0.2,
    port_logistics: 0.2,
    airport: 0.25,
    water_waste: 0.2,
    data_centre: 0.2,
    lng_petrochem: 0.2,
    mining: 0.2,
    coal: 0.3,
    steel: 0.4,
    aluminium: 0.4,
    cement: 0.35,
    housing: 0.2,
    real_estate_other: 0.25,
    ppp_availability: 0.2,
    other: 0.2,
  },
  debtToAssetWarningLines: { industrial: 0.7, nonIndustrial: 0.75, research: 0.65 },
  lgd: 0.45,
  defaultCcf: 1,
  capitalReturnRate: 0.02,
  taxRate: 0.25,
  hurdleRate: 0.12,
  depositFtpSpread: null,
};

export type DeriveParamsInput = Partial<Omit<DeriveParams, 'ltvCaps' | 'equityMinimumBySector' | 'debtToAssetWarningLines'>> & {
  ltvCaps?: Partial<Record<CollateralType, number | null>>;
  equityMinimumBySector?: Partial<Record<ProjectSector, number>>;
  debtToAssetWarningLines?: Partial<DeriveParams['debtToAssetWarningLines']>;
};

/** Defaults overlaid with the caller's values (nested tables merge key by key). */
export function resolveParams(input: DeriveParamsInput = {}): DeriveParams {
  const out: DeriveParams = {
    ...DEFAULT_PARAMS,
    ...stripUndefined(input),
    ltvCaps: { ...DEFAULT_PARAMS.ltvCaps, ...stripUndefined(input.ltvCaps ?? {}) },
    equityMinimumBySector: { ...DEFAULT_PARAMS.equityMinimumBySector, ...stripUndefined(input.equityMinimumBySector ?? {}) },
    debtToAssetWarningLines: { ...DEFAULT_PARAMS.debtToAssetWarningLines, ...stripUndefined(input.debtToAssetWarningLines ?? {}) },
  };
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
