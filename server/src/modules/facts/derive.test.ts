import fc from 'fast-check';
import { FACT_CATALOG } from './catalog';
import type { ClientProfile } from './client-profile';
import { type DeriveResult, derive } from './derive';
import manufacturer from './fixtures/manufacturer-2024.json';
import { factValueProblem } from './fact-value';

/** Every catalog fact is present and fits its definition; reasons exist exactly for the nulls. */
function expectWellFormed(r: DeriveResult): void {
  expect(Object.keys(r.facts).sort()).toEqual(FACT_CATALOG.map((f) => f.name).sort());
  const problems: string[] = [];
  for (const def of FACT_CATALOG) {
    const v = r.facts[def.name];
    const p = factValueProblem(def, v);
    if (p) problems.push(`${p}; it was ${JSON.stringify(v)}`);
    if ((v === null) !== (typeof r.reasons[def.name] === 'string')) problems.push(`${def.name}: a reason must accompany exactly the null values`);
  }
  expect(problems).toEqual([]);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const rich: ClientProfile = {
  ...(manufacturer as ClientProfile),
  equityVol250d: 0.4,
  relationshipStartDate: '2019-01-01',
  lei: '5493001KJTIIGC8Y1R12',
  facilities: [{ id: 'F1', product: 'working_capital', limit: 200, drawn: 150, monthly: [{ snapshot: '2025-03-31', outstandingPrincipal: 150, dpd: 0, class5cat: '正常', ifrs9Stage: 1, ecl: 1 }] }],
  collateral: [{ type: 'industrial_property', appraisedValue: 300, appraisalDate: '2024-12-31', currentValue: 270, allocations: [{ facilityId: 'F1', amount: 300 }] }],
  events: [{ type: 'negative_news', date: '2025-04-01' }],
  creditReport: { totalBankDebt: 400, otherBankOverdue90: 0, otherBankNpl: 0 },
};

describe('derive()', () => {
  it('returns every catalog fact, well formed, for the worked-example client', () => {
    const r = derive(rich, { asOf: '2025-04-30' });
    expectWellFormed(r);
    expect(r.asOf).toBe('2025-04-30');
    expect(r.facts).toMatchObject({ usccValid: true, usccEntityCategory: '91', leiValid: true, domestic: true, industrySection: 'C', maxDpd: 0 });
    expect(r.facts.ltv).toBeCloseTo(150 / 270, 10);
  });

  it('is pure: it does not touch its input and gives the same answer twice', () => {
    const frozen = deepFreeze(structuredClone(rich));
    expect(derive(frozen, { asOf: '2025-04-30' })).toEqual(derive(rich, { asOf: '2025-04-30' }));
  });

  it('sees only what existed on the as-of date', () => {
    const before = derive(rich, { asOf: '2025-04-01' }); // FY2024 reported 2025-04-15
    expect(before.facts.latestPeriodEnd).toBe('2023-12-31');
    expect(derive({ ...rich, statements: [] }, { asOf: '2025-04-30' }).reasons.currentRatio).toBe('the client has no financial statements');
    expect(before.reasons.ebit).toMatch(/total profit/);
  });

  it('refuses a malformed as-of date', () => {
    expect(() => derive(rich, { asOf: '2025-02-30' })).toThrow(RangeError);
    expect(() => derive(rich, { asOf: '30/04/2025' })).toThrow(/YYYY-MM-DD/);
  });

  it('applies parameter overrides', () => {
    const f: ClientProfile = { ...rich, facilities: [{ id: 'F1', product: 'working_capital', drawn: 1, schedule: [{ dueDate: '2025-01-01', kind: 'interest', amount: 1 }] }] };
    expect(derive(f, { asOf: '2025-04-01' }).facts.maxDpd).toBe(90);
    expect(derive(f, { asOf: '2025-04-01', params: { dpdCountsDueDate: true } }).facts.maxDpd).toBe(91);
  });

  it('reports why a USCC is invalid', () => {
    const r = derive({ ...rich, uscc: '91350100M000100Y44' }, { asOf: '2025-04-30' });
    expect(r.facts).toMatchObject({ usccValid: false, usccReason: 'check_character', usccEntityCategory: null });
    expect(r.notes.usccValid).toMatch(/call for '3'/);
  });
});

// ---- arbitrary partial profiles: any optional part may be missing, numbers include 0, negatives and extremes.
const num = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 1e-300, 5e-324, 1e308, -1e308),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
);
const dateArb = fc.date({ min: new Date('2015-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const quarterEnd = fc.tuple(fc.integer({ min: 2016, max: 2030 }), fc.constantFrom('03-31', '06-30', '09-30', '12-31', '05-31')).map(([y, md]) => `${y}-${md}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const STATEMENT_NUMBERS = ['cash', 'notesReceivable', 'accountsReceivable', 'inventory', 'totalCurrentAssets', 'totalAssets', 'stBorrowings', 'currentPortionLtd', 'ltBorrowings', 'bondsPayable', 'leaseLiabilities', 'advancesReceived', 'totalCurrentLiabilities', 'totalLiabilities', 'retainedEarnings', 'totalEquity', 'revenue', 'costOfSales', 'interestExpense', 'capitalisedInterest', 'interestIncome', 'totalProfit', 'netProfit', 'da', 'cfo'] as const;
const statementArb = fc.record(
  { periodEnd: quarterEnd, reportDate: dateArb, auditOpinion: fc.constantFrom('standard', 'qualified', 'disclaimer'), auditor: fc.constantFrom('A', 'B'), ...Object.fromEntries(STATEMENT_NUMBERS.map((k) => [k, num])) },
  { requiredKeys: ['periodEnd'] },
);
const facilityArb = fc.record(
  {
    id: fc.constantFrom('F1', 'F2', 'F3'),
    product: fc.constantFrom('working_capital', 'revolving', 'project_finance'),
    limit: num,
    drawn: num,
    ccf: num,
    purpose: fc.constantFrom('refinancing', 'capex'),
    schedule: fc.array(fc.record({ dueDate: dateArb, kind: fc.constantFrom('principal', 'interest'), amount: num, paidAmount: opt(num), paid: opt(fc.boolean()), paidDate: opt(dateArb) }), { maxLength: 6 }),
    restructurings: fc.array(fc.record({ date: dateArb, type: fc.constantFrom('extension', 'rate_cut'), firstRepaymentDate: opt(dateArb), repaymentPeriodMonths: opt(fc.integer({ min: 1, max: 12 })) }), { maxLength: 2 }),
    monthly: fc.array(
      fc.record(
        { snapshot: dateArb, outstandingPrincipal: num, overduePrincipal: num, overdueInterest: num, dpd: fc.nat(2000), earliestUnpaidDueDate: dateArb, technicalDelay: fc.boolean(), restructuredFlag: fc.boolean(), observationEndDate: dateArb, extensionCount12m: fc.nat(5), class5cat: fc.constantFrom('正常', '关注', '次级', '可疑', '损失'), ifrs9Stage: fc.constantFrom(1, 2, 3), ecl: num, otherBankNplFlag: fc.boolean(), otherBankOverdue90Share: num, overdraftExcessDays: fc.nat(90) },
        { requiredKeys: ['snapshot'] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['id', 'product'] },
);
const collateralArb = fc.record(
  { type: fc.constantFrom('machinery', 'deposits_bonds', 'project_package'), appraisedValue: num, appraisalDate: dateArb, currentValue: opt(num), allocations: opt(fc.array(fc.record({ facilityId: fc.constantFrom('F1', 'F2', 'F9'), amount: opt(num), share: opt(num) }), { maxLength: 2 })) },
  { requiredKeys: ['type', 'appraisedValue', 'appraisalDate'] },
);
const eventArb = fc.record(
  { type: fc.constantFrom('litigation', 'assets_frozen', 'equity_pledge', 'rating_downgrade', 'key_person_missing', 'other_bank_npl', 'award'), date: dateArb, amount: opt(num), share: opt(num), notches: opt(fc.integer({ min: -5, max: 5 })), status: opt(fc.constantFrom('new', 'verified', 'false_positive', 'closed')) },
  { requiredKeys: ['type', 'date'] },
);
const projectArb = fc.record(
  { sector: fc.constantFrom('solar', 'steel'), seniorRate: num, periodsPerYear: opt(fc.constantFrom(1, 2, 4)), seniorDebtOutstanding: opt(num), equityRatio: opt(num), lockupDscr: opt(num), defaultDscr: opt(num), minLlcr: opt(num), periods: fc.array(fc.record({ periodEnd: opt(dateArb), cfads: num, seniorInterest: opt(num), seniorPrincipal: opt(num), dsraBalance: opt(num), dsraDrawn: opt(num) }), { maxLength: 8 }) },
  { requiredKeys: ['sector', 'seniorRate', 'periods'] },
);
const profileArbitrary = fc.record(
  {
    name: fc.constant('Arbitrary Co'),
    country: fc.constantFrom('CN', 'HK', 'DE'),
    industry: fc.record({ section: fc.constantFrom('A', 'C', 'F', 'K', 'L', 'M'), division: opt(fc.constantFrom('51', '52', '59', '65')) }),
    uscc: fc.constantFrom('91350100M000100Y43', '9144030071526726XG', 'bad', '91350100M000100S43', ''),
    lei: fc.constantFrom('5493001KJTIIGC8Y1R12', 'X'),
    employees: fc.nat(5000),
    establishedDate: dateArb,
    relationshipStartDate: dateArb,
    fiscalYearEndMonth: fc.integer({ min: 1, max: 12 }),
    listed: fc.boolean(),
    marketCap: num,
    equityVol250d: num,
    productsHeld: fc.uniqueArray(fc.constantFrom('loans', 'deposits', 'payroll')),
    contribution: fc.record({ nii12m: num, fee12m: num, operatingCost12m: num, economicCapital: num }, { requiredKeys: [] }),
    internalRating: fc.record({ grade: fc.oneof(fc.integer({ min: 1, max: 10 }), fc.constant('D' as const)), date: dateArb, pd: opt(num), previousGrade: opt(fc.integer({ min: 1, max: 10 })) }),
    externalRating: fc.record({ agency: fc.constant('X'), rating: fc.constantFrom('AAA', 'BB+', 'Baa3', 'zz'), date: dateArb, previousRating: opt(fc.constantFrom('A', 'CCC')) }),
    statements: fc.array(statementArb, { maxLength: 9 }),
    facilities: fc.array(facilityArb, { maxLength: 3 }),
    collateral: fc.array(collateralArb, { maxLength: 3 }),
    guarantees: fc.array(fc.record({ guarantorType: fc.constant('affiliate' as const), amount: opt(num), guarantorInDefault: opt(fc.boolean()) }), { maxLength: 2 }),
    guaranteesGiven: fc.array(fc.record({ amount: num, beneficiaryInDefault: opt(fc.boolean()) }), { maxLength: 2 }),
    project: projectArb,
    events: fc.array(eventArb, { maxLength: 6 }),
    creditReport: fc.record({ totalBankDebt: num, otherBankDebt: num, otherBankOverdue90: num, otherBankNpl: num, otherBankSpecialMention: num }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name', 'country', 'industry'] },
) as unknown as fc.Arbitrary<ClientProfile>;

describe('derive() on arbitrary partial profiles (fast-check)', () => {
  it('never throws, never yields a non-finite number, and always gives a reason for null', () => {
    fc.assert(
      fc.property(profileArbitrary, fc.date({ min: new Date('2016-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.boolean(), (profile, when, countsDue) => {
        const r = derive(profile, { asOf: when.toISOString().slice(0, 10), params: { dpdCountsDueDate: countsDue } });
        expectWellFormed(r);
      }),
      { numRuns: 300 },
    );
  });
});
