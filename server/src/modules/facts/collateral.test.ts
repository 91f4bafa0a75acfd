import type { ClientProfile } from './client-profile';
import { allocatedValue } from './collateral';
import { derive } from './derive';

const base: ClientProfile = {
  name: 'Secured Co',
  country: 'CN',
  industry: { section: 'C' },
  statements: [{ periodEnd: '2024-12-31', totalEquity: 400, totalAssets: 1000 }],
  facilities: [
    { id: 'F1', product: 'fixed_asset', limit: 100, drawn: 80 },
    { id: 'F2', product: 'working_capital', limit: 50, drawn: 40 },
  ],
};

describe('LTV = drawn / Σ allocated current value (portfolio-spec §4.6)', () => {
  it('scales an allocated amount by current / appraised value', () => {
    const c = { type: 'residential_property' as const, appraisedValue: 200, appraisalDate: '2024-01-01', currentValue: 150 };
    expect(allocatedValue(c, { facilityId: 'F1', amount: 100 } as never)).toBe(75);
    expect(allocatedValue(c, { facilityId: 'F1', share: 0.5 } as never)).toBe(75);
  });

  it('computes facility and client LTV, the weighted cap and a breach (N08)', () => {
    const profile: ClientProfile = {
      ...base,
      collateral: [
        { type: 'commercial_property', appraisedValue: 200, appraisalDate: '2024-06-30', currentValue: 150, allocations: [{ facilityId: 'F1', amount: 200 }] },
        { type: 'deposits_bonds', appraisedValue: 50, appraisalDate: '2025-01-31', allocations: [{ facilityId: 'F2', amount: 50 }] },
      ],
    };
    const { facts } = derive(profile, { asOf: '2025-06-30' });
    expect(facts.collateralValue).toBe(200);
    expect(facts.ltv).toBeCloseTo(120 / 200, 10);
    expect(facts.maxFacilityLtv).toBeCloseTo(0.8, 10); // F2: 40 / 50; F1: 80 / 150 = 0.53
    expect(facts.ltvCap).toBeCloseTo((150 * 0.6 + 50 * 0.9) / 200, 10);
    expect(facts.ltvOverCap).toBe(false);
    expect(facts.worstCollateralValueChange).toBeCloseTo(-0.25, 10);
    expect(facts.collateralValueChange).toBeCloseTo(200 / 250 - 1, 10);
    expect(facts.oldestAppraisalAgeMonths).toBeCloseTo(365 / 30.4375, 6);
    expect(facts.collateralByType).toEqual([
      { type: 'commercial_property', currentValue: 150, appraisedValue: 200, share: 0.75, ltvCap: 0.6 },
      { type: 'deposits_bonds', currentValue: 50, appraisedValue: 50, share: 0.25, ltvCap: 0.9 },
    ]);
  });

  it('flags a facility above its cap', () => {
    const profile: ClientProfile = { ...base, collateral: [{ type: 'machinery', appraisedValue: 100, appraisalDate: '2025-01-01', allocations: [{ facilityId: 'F1', share: 1 }] }] };
    const { facts } = derive(profile, { asOf: '2025-06-30' });
    expect(facts.maxFacilityLtv).toBeCloseTo(0.8, 10);
    expect(facts.ltvOverCap).toBe(true); // machinery cap 50 %
    expect(derive(profile, { asOf: '2025-06-30', params: { ltvCaps: { machinery: 0.85 } } }).facts.ltvOverCap).toBe(false);
  });

  it('treats unallocated collateral as securing all facilities together', () => {
    const profile: ClientProfile = { ...base, collateral: [{ type: 'land_use_rights', appraisedValue: 300, appraisalDate: '2025-01-01' }] };
    const { facts, reasons } = derive(profile, { asOf: '2025-06-30' });
    expect(facts.ltv).toBeCloseTo(120 / 300, 10);
    expect(facts.maxFacilityLtv).toBeNull();
    expect(reasons.maxFacilityLtv).toMatch(/no collateral is allocated/);
  });

  it('reports no-collateral clients with zero value and null ratios', () => {
    const { facts, reasons } = derive(base, { asOf: '2025-06-30' });
    expect(facts.collateralValue).toBe(0);
    expect(facts.ltv).toBeNull();
    expect(reasons.ltv).toBe('the client has no collateral');
  });
});

describe('guarantees (B05)', () => {
  it('relates external guarantees to net assets and flags defaults', () => {
    const profile: ClientProfile = {
      ...base,
      guarantees: [{ guarantorType: 'affiliate', amount: 50, guarantorInDefault: false }],
      guaranteesGiven: [
        { amount: 300, beneficiaryName: 'A' },
        { amount: 200, beneficiaryName: 'B', beneficiaryInDefault: true },
      ],
    };
    const { facts } = derive(profile, { asOf: '2025-06-30' });
    expect(facts.guaranteeAmount).toBe(50);
    expect(facts.guaranteesGivenToNetAssets).toBeCloseTo(1.25, 10);
    expect(facts.guaranteeBeneficiaryInDefault).toBe(true);
    expect(facts.guarantorInDefault).toBe(false);
    const withEvent = derive({ ...profile, events: [{ type: 'guarantor_default', date: '2025-05-01' }] }, { asOf: '2025-06-30' });
    expect(withEvent.facts.guarantorInDefault).toBe(true);
  });
});
