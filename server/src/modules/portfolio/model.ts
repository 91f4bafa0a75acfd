/** The generator's internal picture of one borrower, before it becomes a client profile. */
import type { Ownership, SizeClass } from '../facts/client-profile';
import type { Industry, Province } from './reference';

export type PathArchetype = 'stable' | 'improving' | 'slow_deterioration' | 'distressed' | 'defaulted' | 'legacy_npl';

/** Quarters simulated: 3 warm-up quarters (year-to-date flows of the first reported year) + the 8 reported. */
export const QUARTERS = 11;
export const WARMUP = 3;

export interface Borrower {
  index: number;
  /** `B` + 8 digits: the generator's own id, used only in the truth file. */
  borrowerId: string;
  international: boolean;
  country: string;
  currency: string;
  /** Yuan per unit of `currency`. */
  fx: number;
  province: Province | null;
  city: [string, string, string] | null;
  industry: Industry;
  industryClass: [string, string, string];
  ownership: Ownership;
  /** Size tier the figures were drawn for; the reported sizeClass is derived from the figures (§4.2). */
  sizeTarget: SizeClass;
  /** Annual revenue at the start of the simulation, in yuan. */
  revenue0: number;
  employees: number;
  listed: boolean;
  spv: boolean;
  /** Project-finance sector of an SPV (portfolio-spec.md §4.9). */
  projectSector: string | null;
  groupId: string | null;
  groupType: Ownership | null;
  groupMembers: number[];
  chainMembers: number[];
  controllerId: string;
  /** Initial master-scale grade (1 … 10) and its annual PD (× hazardScale). */
  grade0: number;
  pd: number;
  /** Basel asset correlation for the PD. */
  w: number;
  /** Latent credit index per simulated quarter (index 0 = the first warm-up quarter, QUARTERS − 1 = T0). */
  z: number[];
  legacy: boolean;
  /** Simulated quarter index in which z crossed the default threshold (null: no default by T0). */
  defaultQuarter: number | null;
  /** Set once payments are generated: the date dpd first reached 91 (truth default date). */
  defaultDate: string | null;
  path: PathArchetype;
  uscc: string | null;
  lei: string | null;
  localRegNo: string | null;
  name: string;
  nameEn: string;
  dq: string[];
}

/** What the generator knows but the profile must not tell (portfolio-spec.md §1 rule 6: truth kept apart). */
export interface Truth {
  borrowerId: string;
  uscc: string | null;
  lei: string | null;
  path: PathArchetype;
  grade0: number;
  pd: number;
  defaultDate: string | null;
  legacy: boolean;
  restructured: boolean;
  writtenOff: boolean;
  /** Sold (NPL transfer): the loans left the book. */
  transferred: boolean;
  chain: boolean;
  groupId: string | null;
  dq: string[];
}
