/** Collateral and guarantees (portfolio-spec.md §4.6). */

export const COLLATERAL_TYPES = [
  'residential_property',
  'commercial_property',
  'industrial_property',
  'land_use_rights',
  'machinery',
  'receivables',
  'inventory',
  'deposits_bonds',
  'listed_shares',
  'unlisted_equity',
  'resource_rights',
  'project_package',
  'other',
] as const;
export type CollateralType = (typeof COLLATERAL_TYPES)[number];

/**
 * Which facilities a collateral secures. `amount` is the part of the collateral's appraised value pledged to the
 * facility; its current worth is amount × currentValue / appraisedValue. `share` (0–1) is the alternative form.
 */
export interface CollateralAllocation {
  facilityId: string;
  amount?: number;
  share?: number;
}

export interface Collateral {
  id?: string;
  type: CollateralType;
  ownerId?: string;
  appraisedValue: number;
  appraisalDate: string;
  /** Latest marked value (appraisal × index path); the appraised value when absent. */
  currentValue?: number;
  valuationDate?: string;
  lienRank?: number;
  /** Without allocations the collateral secures all the client's facilities together. */
  allocations?: CollateralAllocation[];
}

export const GUARANTOR_TYPES = ['affiliate', 'third_party', 'guarantee_company', 'controller_personal', 'parent_sblc', 'eca'] as const;
export type GuarantorType = (typeof GUARANTOR_TYPES)[number];

/** A guarantee securing our facilities. */
export interface Guarantee {
  id?: string;
  guarantorType: GuarantorType;
  guarantorId?: string;
  guarantorName?: string;
  amount?: number;
  jointAndSeveral?: boolean;
  facilityIds?: string[];
  guarantorInDefault?: boolean;
}

/** A guarantee the client has given for someone else's debt (the guarantee-chain signal B05). */
export interface GuaranteeGiven {
  beneficiaryId?: string;
  beneficiaryName?: string;
  amount: number;
  beneficiaryInDefault?: boolean;
}
