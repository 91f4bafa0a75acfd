import type { ClientProfile } from './client-profile';
import { derive } from './derive';
import { ratingNotch } from './ratings';
import { eva, raroc } from './relationship';

const base: ClientProfile = {
  name: 'Event Co',
  country: 'CN',
  industry: { section: 'F', division: '51' },
  statements: [{ periodEnd: '2024-12-31', totalAssets: 1000, totalEquity: 400 }],
};
const asOf = '2025-06-30';

describe('event facts for the §4.2 catalogue', () => {
  const profile: ClientProfile = {
    ...base,
    events: [
      { type: 'litigation', date: '2025-03-01', amount: 30 },
      { type: 'litigation', date: '2025-04-01', amount: 15, status: 'verified' },
      { type: 'litigation', date: '2023-01-01', amount: 999 }, // outside the 365-day lookback
      { type: 'assets_frozen', date: '2025-05-20', amount: 80 },
      { type: 'negative_news', date: '2025-06-01', status: 'false_positive' },
      { type: 'negative_news', date: '2025-06-10', status: 'verified' },
      { type: 'equity_pledge', date: '2025-02-01', share: 0.85 },
      { type: 'administrative_penalty', date: '2025-01-15', amount: 2 },
      { type: 'capital_increase', date: '2025-06-20' },
      { type: 'key_person_missing', date: '2024-12-01', status: 'closed' },
    ],
  };
  const { facts } = derive(profile, { asOf });

  it('sums active litigation claims and relates them to net assets (N03: ≥ 10 %)', () => {
    expect(facts.litigationClaims).toBe(45);
    expect(facts.litigationToNetAssets).toBeCloseTo(45 / 400, 10);
  });
  it('relates frozen assets to total assets (N02: orange below 10 %)', () => {
    expect(facts.assetsFrozen).toBe(true);
    expect(facts.assetsFrozenShare).toBeCloseTo(0.08, 10);
  });
  it('counts days since the latest red event, closed ones included', () => {
    expect(facts.daysSinceLastRedEvent).toBe(41); // assets_frozen on 2025-05-20
  });
  it('ignores false positives and closed events as active signals', () => {
    expect(facts.keyPersonMissing).toBe(false);
    expect(facts.negativeNews).toBe(true);
    expect(facts.negativeNewsConfirmed).toBe(true);
  });
  it('flags a controlling stake pledged ≥ 80 % (N09)', () => {
    expect(facts.equityPledgeShare).toBe(0.85);
    expect(facts.equityPledgeOver80).toBe(true);
  });
  it('lists active types, their signals and the highest default level', () => {
    expect(facts.activeEventTypes).toEqual(['administrative_penalty', 'assets_frozen', 'capital_increase', 'equity_pledge', 'litigation', 'negative_news']);
    expect(facts.activeSignalIds).toEqual(['N02', 'N03', 'N04', 'N05', 'N09']);
    expect(facts.highestEventSeverity).toBe('red');
    expect(facts.administrativePenalty).toBe(true);
    expect(facts.penaltyAmount).toBe(2);
  });
  it('gives a null share with a reason when a frozen amount is unknown', () => {
    const r = derive({ ...base, events: [{ type: 'accounts_frozen', date: '2025-06-01' }] }, { asOf });
    expect(r.facts.assetsFrozenShare).toBeNull();
    expect(r.reasons.assetsFrozenShare).toMatch(/not known/);
    expect(derive(base, { asOf }).facts.assetsFrozenShare).toBe(0);
    expect(derive(base, { asOf }).reasons.daysSinceLastRedEvent).toMatch(/no red-level event/);
  });
  it('feeds the §1.1.2 event floors', () => {
    const r = derive({ ...base, events: [{ type: 'evading_debt', date: '2025-06-01' }, { type: 'other_bank_npl', date: '2025-06-02' }] }, { asOf });
    expect(r.facts.evadingDebt).toBe(true);
    expect(r.facts.hasNplAtOtherBank).toBe(true);
    expect(r.facts.bankruptcyLiquidation).toBe(false);
  });
});

describe('rating movements (N06)', () => {
  it('counts internal notches on the master scale (D = 11) and external notches on AAA … D', () => {
    const { facts } = derive(
      {
        ...base,
        internalRating: { grade: 7, date: '2025-05-01', previousGrade: 5, pd: 0.02 },
        externalRating: { agency: 'S&P', rating: 'BB+', previousRating: 'BBB', date: '2025-04-01', outlook: 'negative' },
      },
      { asOf },
    );
    expect(facts.internalGrade).toBe(7);
    expect(facts.internalRatingDowngradeNotches).toBe(2);
    expect(facts.externalRatingDowngradeNotches).toBe(2);
    expect(facts.belowInvestmentGrade).toBe(true);
    expect(facts.externalNegativeWatch).toBe(true);
  });

  it('reads S&P and Moody’s symbols onto one scale', () => {
    expect(ratingNotch('BBB-')).toBe(ratingNotch('Baa3'));
    expect(ratingNotch('BBB−')).toBe(9);
    expect(ratingNotch('SD')).toBe(ratingNotch('D'));
    expect(ratingNotch('A-1')).toBeNull();
  });

  it('maps grade D to 11', () => {
    expect(derive({ ...base, internalRating: { grade: 'D', date: '2025-05-01', previousGrade: 9 } }, { asOf }).facts).toMatchObject({ internalGrade: 11, internalRatingDowngradeNotches: 2 });
  });
});

describe('domain.md §6 relationship metrics', () => {
  it('RAROC worked example: (1.5 − 0.4 − 0.18 + 0.16) × 0.75 / 8 = 10.1 %, EVA −0.15 m at a 12 % hurdle', () => {
    const i = { revenue: 1.5, operatingCost: 0.4, expectedLoss: 0.004 * 0.45 * 100, economicCapital: 8, capitalReturnRate: 0.02, taxRate: 0.25 };
    expect(i.expectedLoss).toBeCloseTo(0.18, 10);
    expect(raroc(i).value).toBeCloseTo(0.101, 3);
    expect(eva(i, 0.12).value).toBeCloseTo(-0.15, 10);
  });

  it('derives EL, RAROC and EVA from the profile (loan 100 m, PD 0.40 %, LGD 45 %)', () => {
    const { facts } = derive(
      {
        ...base,
        internalRating: { grade: 5, date: '2025-01-01', pd: 0.004 },
        contribution: { nii12m: 1.2, fee12m: 0.3, operatingCost12m: 0.4, economicCapital: 8 },
        facilities: [{ id: 'F1', product: 'working_capital', limit: 100, drawn: 100 }],
      },
      { asOf },
    );
    expect(facts.expectedLoss).toBeCloseTo(0.18, 10);
    expect(facts.raroc).toBeCloseTo(0.10125, 10);
    expect(facts.eva).toBeCloseTo(-0.15, 10);
    expect(facts.totalContribution12m).toBeCloseTo(1.1, 10);
  });

  it('computes years in business and tenure from dates', () => {
    const { facts } = derive({ ...base, establishedDate: '2017-06-30', relationshipStartDate: '2020-06-30', productsHeld: ['loans', 'deposits', 'loans'] }, { asOf });
    expect(facts.yearsInBusiness).toBeCloseTo(8, 2);
    expect(facts.clientTenureYears).toBeCloseTo(5, 2);
    expect(facts.productsHeldCount).toBe(2);
  });
});
