/**
 * Collateral and guarantee facts (portfolio-spec.md §4.6; signals N07, N08 and B05 of domain.md §4.2).
 *
 * - LTV = drawn / Σ allocated current value. An allocation `amount` is the pledged part of the appraised value,
 *   worth amount × current / appraised today; `share` is a fraction of the current value. A collateral without
 *   allocations secures all the client's facilities together, so the client-level LTV then covers them all.
 * - The LTV cap of a facility is the value-weighted cap of its collateral types (params.ltvCaps); types without
 *   a cap (the project-finance package) are left out of the weighting.
 * - Value change since appraisal = current / appraised − 1 (negative = decline; N07 fires at ≤ −20 %).
 */
import type { ClientProfile } from './client-profile';
import type { Collateral } from './client-security';
import { type Computed, div, isNum, none, ok } from './computed';
import { daysBetween } from './dates';
import type { FacilityStatus } from './loans';
import type { DeriveParams } from './params';

const current = (c: Collateral): number => (isNum(c.currentValue) ? c.currentValue : c.appraisedValue);

/** Current worth of the part of `c` pledged to one facility. */
export function allocatedValue(c: Collateral, alloc: { amount?: number; share?: number }): number {
  if (isNum(alloc.share)) return Math.max(0, alloc.share) * current(c);
  if (isNum(alloc.amount)) return c.appraisedValue > 0 ? (alloc.amount * current(c)) / c.appraisedValue : 0;
  return current(c);
}

interface Pledge {
  value: number;
  cap: number | null;
}

export function collateralFacts(
  profile: ClientProfile,
  st: FacilityStatus[],
  asOf: string,
  p: DeriveParams,
  netAssets: number | undefined,
): Record<string, Computed<unknown>> {
  const out: Record<string, Computed<unknown>> = {};
  const cols = profile.collateral ?? [];
  const byFacility = new Map<string, Pledge[]>();
  const pooled: Pledge[] = [];
  for (const c of cols) {
    const cap = p.ltvCaps[c.type] ?? null;
    if (!c.allocations || c.allocations.length === 0) pooled.push({ value: current(c), cap });
    else
      for (const a of c.allocations) {
        const list = byFacility.get(a.facilityId) ?? [];
        list.push({ value: allocatedValue(c, a), cap });
        byFacility.set(a.facilityId, list);
      }
  }
  const drawnOf = new Map(st.map((s) => [s.id, s.drawn ?? s.outstanding ?? 0]));
  const noCol = none('the client has no collateral');
  if (cols.length === 0) {
    out.collateralValue = ok(0);
    out.ltv = out.maxFacilityLtv = out.ltvCap = out.ltvOverCap = out.collateralValueChange = noCol;
    out.worstCollateralValueChange = out.oldestAppraisalAgeMonths = noCol;
    out.collateralByType = ok([]);
  } else {
    const totalCur = cols.reduce((a, c) => a + current(c), 0);
    const totalApp = cols.reduce((a, c) => a + c.appraisedValue, 0);
    out.collateralValue = ok(totalCur);
    const facLtv: { id: string; ltv: number; cap: number | null }[] = [];
    for (const [id, pl] of byFacility) {
      const v = pl.reduce((a, x) => a + x.value, 0);
      if (drawnOf.has(id) && v > 0) facLtv.push({ id, ltv: (drawnOf.get(id) as number) / v, cap: weightedCap(pl) });
    }
    const allPledges = [...pooled, ...[...byFacility.values()].flat()];
    const securedDrawn = pooled.length ? [...drawnOf.values()].reduce((a, b) => a + b, 0) : [...byFacility.keys()].reduce((a, id) => a + (drawnOf.get(id) ?? 0), 0);
    out.ltv = div(securedDrawn, allPledges.reduce((a, x) => a + x.value, 0), 'drawn amount secured', 'allocated collateral value');
    out.maxFacilityLtv = facLtv.length ? ok(Math.max(...facLtv.map((f) => f.ltv))) : none('no collateral is allocated to a facility with a positive value');
    const cap = weightedCap(allPledges);
    out.ltvCap = cap === null ? none('no collateral type with an LTV cap') : ok(cap);
    const clientOver = out.ltv.value !== null && cap !== null && (out.ltv.value as number) > cap;
    out.ltvOverCap = ok(facLtv.some((f) => f.cap !== null && f.ltv > f.cap) || (pooled.length > 0 && clientOver));
    out.collateralValueChange = totalApp > 0 ? ok(totalCur / totalApp - 1) : none('the appraised value is zero');
    const changes = cols.filter((c) => c.appraisedValue > 0).map((c) => current(c) / c.appraisedValue - 1);
    out.worstCollateralValueChange = changes.length ? ok(Math.min(...changes)) : none('no collateral has a positive appraised value');
    const ages = cols.map((c) => daysBetween(c.appraisalDate, asOf)).filter(isNum);
    out.oldestAppraisalAgeMonths = ages.length ? ok(Math.max(...ages) / 30.4375) : none('no readable appraisal date');
    out.collateralByType = ok(byType(cols, p));
  }
  Object.assign(out, guaranteeFacts(profile, netAssets));
  return out;
}

function weightedCap(pl: Pledge[]): number | null {
  const capped = pl.filter((x) => x.cap !== null && x.value > 0);
  const v = capped.reduce((a, x) => a + x.value, 0);
  return v > 0 ? capped.reduce((a, x) => a + x.value * (x.cap as number), 0) / v : null;
}

function byType(cols: Collateral[], p: DeriveParams): { type: string; currentValue: number; appraisedValue: number; share: number; ltvCap: number | null }[] {
  const total = cols.reduce((a, c) => a + current(c), 0);
  const m = new Map<string, { currentValue: number; appraisedValue: number }>();
  for (const c of cols) {
    const e = m.get(c.type) ?? { currentValue: 0, appraisedValue: 0 };
    e.currentValue += current(c);
    e.appraisedValue += c.appraisedValue;
    m.set(c.type, e);
  }
  return [...m.entries()].map(([type, e]) => ({
    type,
    ...e,
    share: total > 0 ? e.currentValue / total : 0,
    ltvCap: p.ltvCaps[type as Collateral['type']] ?? null,
  }));
}

function guaranteeFacts(profile: ClientProfile, netAssets: number | undefined): Record<string, Computed<unknown>> {
  const g = profile.guarantees ?? [];
  const given = profile.guaranteesGiven ?? [];
  const givenTotal = given.reduce((a, x) => a + x.amount, 0);
  return {
    guaranteeAmount: ok(g.reduce((a, x) => a + (isNum(x.amount) ? x.amount : 0), 0)),
    guarantorInDefault: ok(g.some((x) => x.guarantorInDefault === true)),
    guaranteesGivenAmount: ok(givenTotal),
    guaranteesGivenToNetAssets:
      given.length === 0 ? ok(0) : div(givenTotal, netAssets, 'guarantees given', 'net assets (latest statement)', { positiveDenominator: true }),
    guaranteeBeneficiaryInDefault: ok(given.some((x) => x.beneficiaryInDefault === true)),
  };
}
