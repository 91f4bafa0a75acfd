/**
 * Relationship-management metrics, domain.md §6 (all [PRACTICE]). Worked RAROC example:
 * (1.5 − 0.4 − 0.18 + 0.16) × 0.75 / 8 = 10.1 %, EVA = 0.81 − 8 × 12 % = −0.15 m.
 */
import type { ClientProfile } from './client-profile';
import { type Computed, div, finite, isNum, none, ok } from './computed';
import { yearsBetween } from './dates';
import type { DeriveParams } from './params';

export interface RarocInputs {
  /** NII (loans + deposits) + fees over 12 months. */
  revenue: number;
  operatingCost: number;
  expectedLoss: number;
  economicCapital: number;
  /** Return earned on the allocated capital (decimal). */
  capitalReturnRate: number;
  taxRate: number;
}

/** §6 RAROC = (revenue − operating costs − EL + capital × return) × (1 − tax) / economic capital. */
export function raroc(i: RarocInputs): Computed {
  const profit = (i.revenue - i.operatingCost - i.expectedLoss + i.economicCapital * i.capitalReturnRate) * (1 - i.taxRate);
  return div(profit, i.economicCapital, 'risk-adjusted profit after tax', 'economic capital', { positiveDenominator: true });
}

/** §6 EVA = risk-adjusted profit after tax − economic capital × hurdle rate. */
export function eva(i: RarocInputs, hurdleRate: number): Computed {
  const profit = (i.revenue - i.operatingCost - i.expectedLoss + i.economicCapital * i.capitalReturnRate) * (1 - i.taxRate);
  return finite(profit - i.economicCapital * hurdleRate, 'EVA');
}

/** §6 expected loss EL = PD × LGD × EAD. */
export function expectedLoss(pd: number, lgd: number, ead: number): Computed {
  return finite(pd * lgd * ead, 'expected loss');
}

export function relationshipFacts(profile: ClientProfile, asOf: string, ead: number | null, p: DeriveParams): Record<string, Computed<unknown>> {
  const out: Record<string, Computed<unknown>> = {};
  const age = yearsBetween(profile.establishedDate, asOf);
  out.yearsInBusiness = age === null ? none('the establishment date is missing') : ok(Math.max(0, age));
  const tenure = yearsBetween(profile.relationshipStartDate, asOf);
  out.clientTenureYears = tenure === null ? none('the relationship start date is missing') : ok(Math.max(0, tenure));
  out.productsHeldCount = profile.productsHeld ? ok(new Set(profile.productsHeld).size) : none('products held are not reported');

  const c = profile.contribution;
  const depositNii = isNum(c?.depositNii12m) ? c.depositNii12m : isNum(c?.avgDailyDeposits) && isNum(p.depositFtpSpread) ? c.avgDailyDeposits * p.depositFtpSpread : 0;
  const rev = isNum(c?.nii12m) || isNum(c?.fee12m) ? (c?.nii12m ?? 0) + (c?.fee12m ?? 0) + depositNii : null;
  out.totalContribution12m = rev === null ? none('neither NII nor fee income is reported') : finite(rev - (c?.operatingCost12m ?? 0), 'total contribution');

  const pd = profile.internalRating?.pd;
  out.expectedLoss = !isNum(pd) ? none('the internal rating carries no PD') : ead === null ? none('EAD cannot be computed (no drawn amounts)') : expectedLoss(pd, p.lgd, ead);
  const el = out.expectedLoss.value as number | null;
  if (rev === null || el === null || !isNum(c?.economicCapital)) {
    const why = rev === null ? 'neither NII nor fee income is reported' : el === null ? `expected loss: ${out.expectedLoss.reason}` : 'economic capital is not reported';
    out.raroc = out.eva = none(why);
  } else {
    const inp: RarocInputs = { revenue: rev, operatingCost: c?.operatingCost12m ?? 0, expectedLoss: el, economicCapital: c.economicCapital, capitalReturnRate: p.capitalReturnRate, taxRate: p.taxRate };
    out.raroc = raroc(inp);
    out.eva = eva(inp, p.hurdleRate);
  }
  return out;
}
