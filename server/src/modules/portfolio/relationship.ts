/**
 * The softer parts of a profile: ratings (§4.10), listing data, relationship data (§4.11), identity details and
 * the credit report (征信) view, all from the same latent path.
 */
import type { ClientProfile, ExternalRating, InternalRating } from '../facts/client-profile';
import { PRODUCT_FAMILIES } from '../facts/client-profile';
import { addMonths } from './days';
import { addDays } from './days';
import { type Borrower, QUARTERS, WARMUP } from './model';
import { DOMESTIC_AGENCIES, GLOBAL_AGENCIES, GRADE_NOTCH, GRADE_PD, LEGAL_FORMS_CN, SP_SCALE } from './reference';
import { Rng, STREAM, Weighted } from './rng';

const LEGAL = new Weighted(LEGAL_FORMS_CN.filter(([f]) => f !== '股份有限公司'));
const clampGrade = (g: number) => Math.min(10, Math.max(1, Math.round(g)));

/** Internal grade at simulated quarter t: follows z with noise (the rating model is good, not perfect). */
export function gradeAt(b: Borrower, t: number, noise: number): number {
  return clampGrade(b.grade0 + (b.z[WARMUP] - b.z[t]) * 1.1 + noise);
}

export function ratings(b: Borrower, asOf: string, seed: number, defaulted: boolean): { internal: InternalRating; external?: ExternalRating; gradeNow: number; gradeDrop: number; rated: boolean } {
  const rng = new Rng(seed, STREAM.relationship, b.index, 1);
  // The rating model's error is mostly the borrower's own and persists from one review to the next; only a small
  // part is fresh each year, so a grade moves when z does, not at random (a spurious downgrade is signal N06) [CAL].
  const bias = 0.45 * rng.normal();
  const gradeNow = gradeAt(b, QUARTERS - 1, bias + 0.2 * rng.normal());
  const gradePrev = gradeAt(b, QUARTERS - 5, bias + 0.2 * rng.normal());
  const date = addMonths(asOf, -rng.int(0, 11));
  const model = b.spv ? 'pf-slotting' : b.listed ? 'kmv-listed' : b.sizeTarget === 'large' || b.sizeTarget === 'medium' ? 'hybrid-large' : 'scorecard-sme';
  const internal: InternalRating = defaulted
    ? { grade: 'D', date, pd: 1, model, previousGrade: gradePrev, previousDate: addMonths(date, -12) }
    : { grade: gradeNow, date, pd: GRADE_PD[gradeNow - 1], model, previousGrade: gradePrev, previousDate: addMonths(date, -12) };
  const rated = b.sizeTarget === 'large' && (b.listed || b.ownership !== 'private' || rng.chance(0.4));
  let external: ExternalRating | undefined;
  if (rated) {
    const domestic = !b.international;
    const lift = domestic ? rng.int(3, 6) : 0;
    const letter = (g: number | 'D') => (g === 'D' ? 'D' : SP_SCALE[Math.max(0, GRADE_NOTCH[g - 1] - lift)]);
    const before = letter(gradePrev);
    // Agencies move more slowly than the internal model: the letter changes on a move of two grades or more [CAL].
    const now = defaulted ? letter('D') : Math.abs(gradeNow - gradePrev) >= 2 ? letter(gradeNow) : before;
    external = {
      agency: domestic ? rng.pick(DOMESTIC_AGENCIES) : rng.pick(GLOBAL_AGENCIES),
      rating: now,
      date,
      scale: domestic ? 'domestic' : 'global',
      outlook: gradeNow > gradePrev ? 'negative' : gradeNow < gradePrev ? 'positive' : 'stable',
      previousRating: before,
      previousDate: addMonths(date, -12),
    };
  }
  return { internal, external, gradeNow: defaulted ? 10 : gradeNow, gradeDrop: gradeNow - b.grade0, rated };
}

export function identityDetails(b: Borrower, asOf: string, seed: number, equityT0: number): Partial<ClientProfile> {
  const rng = new Rng(seed, STREAM.relationship, b.index, 2);
  const age = b.ownership === 'lgfv' ? Number(asOf.slice(0, 4)) - rng.int(2008, 2016) + rng.uniform(0, 1) : Math.max(0.5, rng.gamma(2, 7));
  const out: Partial<ClientProfile> = {
    legalForm: b.international
      ? b.name.split(' ').slice(-1)[0].replace(/\.$/, '') || 'Ltd'
      : b.name.endsWith('股份有限公司') ? '股份有限公司' : b.ownership.startsWith('soe') && rng.chance(0.4) ? '国有独资公司' : LEGAL.pick(rng),
    establishedDate: addDays(asOf, -Math.round(age * 365.25)),
  };
  if (b.listed) {
    const exchange = b.international ? 'HKEX' : rng.pick(['SSE', 'SSE', 'SZSE', 'SZSE', 'BSE', 'HKEX']);
    out.listed = true;
    out.exchange = exchange;
    out.ticker = exchange === 'SSE' ? `60${String(rng.int(0, 9999)).padStart(4, '0')}` : exchange === 'SZSE' ? `00${String(rng.int(0, 3999)).padStart(4, '0')}` : exchange === 'BSE' ? `83${String(rng.int(0, 9999)).padStart(4, '0')}` : `${String(rng.int(1, 9999)).padStart(4, '0')}.HK`;
    out.marketCap = Math.round((Math.max(equityT0, 1e6) * rng.logNormal(1.3, 0.6)) / b.fx);
    const z = b.z[QUARTERS - 1];
    out.equityVol250d = Math.round(Math.min(0.95, Math.max(0.2, 0.35 - 0.08 * z + 0.05 * rng.normal())) * 1000) / 1000;
  } else out.listed = false;
  const restricted = ['3120', '3011', '0610'].includes(b.industryClass[0]);
  if (restricted) out.restrictedIndustry = true;
  if (b.international && rng.chance(0.003)) out.sanctionsFlag = true;
  if (rng.chance(0.005)) out.isRelatedParty = true;
  return out;
}

export function relationshipDetails(b: Borrower, asOf: string, seed: number, drawnCny: number, spreadBp: number, firstStart: string, books: number): Partial<ClientProfile> {
  const rng = new Rng(seed, STREAM.relationship, b.index, 3);
  const pool = Math.max(2, Math.round((books * (b.province ? b.province.weight / 100 : 0.15)) / 150));
  const rm = b.province ? `RM-${b.province.code}-${String(rng.int(1, pool)).padStart(3, '0')}` : `RM-INT-${String(rng.int(1, pool)).padStart(3, '0')}`;
  const tenureStart = addDays(asOf, -Math.round(Math.max(0.3, rng.gamma(2, 3)) * 365.25));
  const n = Math.min(PRODUCT_FAMILIES.length, 1 + rng.poisson(2.5) + (b.sizeTarget === 'large' ? 1 : 0));
  const others = PRODUCT_FAMILIES.filter((p) => p !== 'loans');
  const held = ['loans', ...others.filter(() => rng.chance((n - 1) / others.length))] as ClientProfile['productsHeld'];
  const nii = drawnCny * (0.008 + (Math.max(0, spreadBp) / 10_000) * 0.5);
  const fee = nii * rng.uniform(0.1, 0.5);
  const r = (x: number) => Math.round(x / b.fx);
  return {
    relationshipManager: rm,
    relationshipStartDate: tenureStart < firstStart ? tenureStart : firstStart,
    productsHeld: held,
    contribution: {
      nii12m: r(nii),
      fee12m: r(fee),
      avgDailyDeposits: r(drawnCny * rng.uniform(0.05, 0.4) * (b.ownership.startsWith('soe') ? 1.5 : 1)),
      operatingCost12m: r(0.3 * (nii + fee)),
      economicCapital: r(drawnCny * 0.08),
    },
  };
}
