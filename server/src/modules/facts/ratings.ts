/**
 * Rating movements for signal N06 (domain.md §4.2: internal downgrade ≥ 2 notches, external downgrade or negative
 * watch, falling below investment grade) and the §1.1.2 "large external downgrade" floor.
 * Notches are positive for a downgrade. Internal grades are the master scale of §3.2 (1 … 10, D = 11).
 */
import type { ClientProfile, InternalGrade } from './client-profile';
import { type Computed, isNum, none, ok } from './computed';

const SP = ['AAA', 'AA+', 'AA', 'AA-', 'A+', 'A', 'A-', 'BBB+', 'BBB', 'BBB-', 'BB+', 'BB', 'BB-', 'B+', 'B', 'B-', 'CCC+', 'CCC', 'CCC-', 'CC', 'C', 'D'];
const MOODYS = ['AAA', 'AA1', 'AA2', 'AA3', 'A1', 'A2', 'A3', 'BAA1', 'BAA2', 'BAA3', 'BA1', 'BA2', 'BA3', 'B1', 'B2', 'B3', 'CAA1', 'CAA2', 'CAA3', 'CA', 'C'];
/** Index of BBB− / Baa3, the last investment-grade notch. */
const LAST_INVESTMENT_GRADE = 9;

/** Position of a letter rating on one 22-step scale (AAA = 0 … D = 21); S&P/Fitch and Moody's symbols; null if unknown. */
export function ratingNotch(rating: string | undefined): number | null {
  if (!rating) return null;
  const r = rating.trim().toUpperCase().replace(/[−–]/g, '-');
  if (r === 'SD' || r === 'RD') return SP.indexOf('D');
  const sp = SP.indexOf(r);
  if (sp >= 0) return sp;
  const m = MOODYS.indexOf(r);
  return m >= 0 ? m : null;
}

/** Master-scale grade as a number: 1 … 10, D = 11. */
export function gradeNumber(g: InternalGrade | undefined): number | null {
  if (g === 'D') return 11;
  return isNum(g) ? g : null;
}

export function ratingFacts(profile: ClientProfile, activeDowngradeNotches: number[], negativeWatchEvent: boolean): Record<string, Computed<unknown>> {
  const ir = profile.internalRating;
  const er = profile.externalRating;
  const out: Record<string, Computed<unknown>> = {};
  const cur = gradeNumber(ir?.grade);
  const prev = gradeNumber(ir?.previousGrade);
  out.internalGrade = cur === null ? none('the client has no internal rating') : ok(cur);
  out.internalPd = isNum(ir?.pd) ? ok(ir.pd) : none('the internal rating carries no PD');
  out.internalRatingDowngradeNotches = cur !== null && prev !== null ? ok(cur - prev) : none('no previous internal grade to compare with');
  const en = ratingNotch(er?.rating);
  const ep = ratingNotch(er?.previousRating);
  if (en !== null && ep !== null) out.externalRatingDowngradeNotches = ok(en - ep);
  else if (activeDowngradeNotches.length) out.externalRatingDowngradeNotches = ok(Math.max(...activeDowngradeNotches), 'from rating_downgrade events');
  else out.externalRatingDowngradeNotches = none(er ? 'no previous external rating to compare with' : 'the client has no external rating');
  out.externalRating = er ? ok(er.rating) : none('the client has no external rating');
  out.externalNegativeWatch = ok(er?.watch === 'negative' || er?.outlook === 'negative' || negativeWatchEvent);
  // Domestic scales sit several notches above global ones (portfolio-spec.md §4.10), so "investment grade" is only meaningful on the global scale.
  out.belowInvestmentGrade =
    en === null ? none(er ? `'${er.rating}' is not on a known letter scale` : 'the client has no external rating') : ok(en > LAST_INVESTMENT_GRADE, er?.scale === 'domestic' ? 'domestic scale: investment grade means less here' : undefined);
  return out;
}
