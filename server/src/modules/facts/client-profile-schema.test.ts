/**
 * The TypeScript types and the JSON Schemas describe the same profile. FULL must name every field of the types
 * (DeepRequired, checked by tsc) and nothing else (excess-property check); the schema must accept it, and every
 * property the schema knows must appear in FULL (walk below). Together: same fields, compatible types.
 */
import { SchemaValidator } from '../../shared/validation';
import { CLASS_5CAT, PRODUCTS, RESTRUCTURE_TYPES, SECURITY_TYPES } from './client-facility';
import { EVENT_TYPE_NAMES, SEVERITIES } from './client-event';
import { INDUSTRY_SECTIONS, type ClientProfile } from './client-profile';
import { COLLATERAL_TYPES } from './client-security';
import { PROJECT_SECTORS } from './client-project';
import { DEFAULT_PARAMS } from './params';
import manufacturer from './fixtures/manufacturer-2024.json';

type DeepRequired<T> = T extends (infer U)[] ? DeepRequired<U>[] : T extends object ? { [K in keyof T]-?: DeepRequired<NonNullable<T[K]>> } : T;

const d = '2025-06-30';
const FULL: DeepRequired<ClientProfile> = {
  id: 'cli_1', uscc: '91350100M000100Y43', lei: '5493001KJTIIGC8Y1R12', localRegNo: 'HK-123', name: '某某公司', nameEn: 'Some Co', country: 'CN',
  provinceCode: '35', cityCode: '350100', industry: { section: 'C', division: '34', group: '344', class: '3441' }, sizeClass: 'medium', employees: 400,
  legalForm: '有限责任公司', ownership: 'private', establishedDate: '2010-01-01', fiscalYearEndMonth: 12, listed: true, exchange: 'SZSE', ticker: '000001',
  marketCap: 5e8, equityVol250d: 0.35, groupId: 'G0000001', groupType: 'private', actualControllerId: 'P1',
  relatedParties: [{ id: 'B2', name: 'Parent', relation: 'parent' }], isRelatedParty: false, sanctionsFlag: false, restrictedIndustry: false,
  relationshipManager: 'rm_1', relationshipStartDate: '2015-01-01', productsHeld: ['loans', 'deposits'],
  contribution: { nii12m: 1, fee12m: 0.3, avgDailyDeposits: 20, depositNii12m: 0.1, operatingCost12m: 0.4, economicCapital: 8 },
  internalRating: { grade: 5, date: d, pd: 0.006, model: 'hybrid-large', previousGrade: 4, previousDate: '2024-06-30' },
  externalRating: { agency: 'S&P', rating: 'BBB', date: d, scale: 'global', outlook: 'stable', watch: 'negative', previousRating: 'BBB+', previousDate: '2024-06-30' },
  statements: [{
    periodEnd: '2025-03-31', scope: 'consolidated', currency: 'CNY', audited: false, auditOpinion: 'standard', auditor: 'A&Co', reportDate: '2025-04-30', restated: false,
    cash: 1, tradingFinancialAssets: 1, notesReceivable: 1, accountsReceivable: 1, prepayments: 1, otherReceivables: 1, inventory: 1, contractAssets: 1,
    otherCurrentAssets: 1, totalCurrentAssets: 9, ltEquityInvestments: 1, fixedAssets: 1, constructionInProgress: 1, rightOfUseAssets: 1, intangibles: 1,
    goodwill: 1, otherNonCurrentAssets: 1, totalAssets: 16, stBorrowings: 1, notesPayable: 1, accountsPayable: 1, advancesReceived: 1, currentPortionLtd: 1,
    otherCurrentLiabilities: 1, totalCurrentLiabilities: 6, ltBorrowings: 1, bondsPayable: 1, leaseLiabilities: 1, otherNonCurrentLiabilities: 1,
    totalLiabilities: 10, paidInCapital: 1, capitalReserve: 1, retainedEarnings: 1, minorityInterest: 1, totalEquity: 6, revenue: 10, costOfSales: 7,
    taxesAndSurcharges: 0.1, sellingExpenses: 0.5, adminExpenses: 0.5, rdExpenses: 0.2, financeExpenses: 0.3, interestExpense: 0.3, capitalisedInterest: 0.1,
    interestIncome: 0.05, investmentIncome: 0, impairmentLosses: 0, operatingProfit: 1.4, nonOperatingItems: 0, totalProfit: 1.4, incomeTax: 0.35,
    netProfit: 1.05, netProfitParent: 1, da: 0.4, cfo: 1, cfi: -0.5, capex: 0.5, cff: -0.2, dividendsInterestPaid: 0.3, closingCash: 1,
  }],
  facilities: [{
    id: 'F1', product: 'working_capital', currency: 'CNY', limit: 100, drawn: 80, ccf: 0.5, startDate: '2024-01-01', maturityDate: '2026-01-01',
    securityType: 'mortgage', purpose: 'working_capital', rateType: 'LPR1Y', spreadBp: 45,
    schedule: [{ dueDate: '2025-03-20', kind: 'interest', amount: 1, paidAmount: 1, paid: true, paidDate: '2025-03-20' }],
    restructurings: [{ date: '2024-06-30', type: 'extension', firstRepaymentDate: '2024-09-30', repaymentPeriodMonths: 3, preClass5cat: '正常' }],
    monthly: [{
      snapshot: d, outstandingPrincipal: 80, scheduledPrincipalDue: 0, scheduledInterestDue: 1, paidPrincipal: 0, paidInterest: 1, overduePrincipal: 0,
      overdueInterest: 0, dpdPrincipal: 0, dpdInterest: 0, dpd: 0, earliestUnpaidDueDate: d, technicalDelay: false, limitUtilisation: 0.8,
      overdraftExcessDays: 0, restructuredFlag: true, restructureDate: '2024-06-30', restructureType: 'extension', observationEndDate: '2025-09-30',
      extensionCount12m: 1, refinancedFlag: false, class5cat: '关注', ifrs9Stage: 2, ecl: 2, nonaccrual: false, writeoffAmount: 0, transferFlag: false,
      otherBankNplFlag: false, otherBankOverdue90Share: 0,
    }],
  }],
  collateral: [{ id: 'C1', type: 'industrial_property', ownerId: 'B1', appraisedValue: 150, appraisalDate: '2024-06-30', currentValue: 140, valuationDate: d, lienRank: 1, allocations: [{ facilityId: 'F1', amount: 150, share: 1 }] }],
  guarantees: [{ id: 'G1', guarantorType: 'affiliate', guarantorId: 'B2', guarantorName: 'Parent', amount: 50, jointAndSeveral: true, facilityIds: ['F1'], guarantorInDefault: false }],
  guaranteesGiven: [{ beneficiaryId: 'B3', beneficiaryName: 'Peer', amount: 10, beneficiaryInDefault: false }],
  project: {
    id: 'P1', facilityId: 'F1', sector: 'solar', country: 'CN', phase: 'operation', totalProjectCost: 500, equityRatio: 0.3, equityMinimum: 0.2, seniorRate: 0.05,
    periodsPerYear: 2, seniorDebtOutstanding: 300, targetDscr: 1.3, lockupDscr: 1.15, defaultDscr: 1.05, minLlcr: 1.1, dsraMonths: 6,
    periods: [{ periodEnd: '2025-12-31', cfads: 40, seniorInterest: 7.5, seniorPrincipal: 20, dsraBalance: 15, dsraDrawn: 0 }],
  },
  events: [{ id: 'E1', type: 'litigation', date: d, detectedDate: d, source: 'court', amount: 5, share: 0, notches: 0, severity: 'orange', confidence: 0.9, status: 'new', relatedPartyId: 'B2', text: '诉讼' }],
  creditReport: { reportDate: d, totalBankDebt: 300, otherBankDebt: 220, otherBankOverdue90: 0, otherBankNpl: 0, otherBankSpecialMention: 0 },
};

const validator = new SchemaValidator();

/** Property paths the schema allows but `data` never shows. */
function unused(schemaId: string, schema: any, data: unknown, path: string, out: string[]): void {
  if (schema?.$ref) {
    const [id, ptr] = String(schema.$ref).split('#');
    const root = validator.schemas.get(id || schemaId) as any;
    const target = ptr ? ptr.split('/').slice(1).reduce((o: any, k: string) => o?.[k], root) : root;
    return unused(id || schemaId, target, data, path, out);
  }
  if (schema?.type === 'array' && Array.isArray(data)) for (const x of data) unused(schemaId, schema.items, x, `${path}[]`, out);
  if (schema?.properties && data && typeof data === 'object')
    for (const [k, s] of Object.entries(schema.properties)) {
      if (!(k in (data as object))) out.push(`${path}.${k}`);
      else unused(schemaId, s, (data as any)[k], `${path}.${k}`, out);
    }
}

describe('client-profile schema ↔ ClientProfile type', () => {
  it('accepts the full profile and the worked-example fixture', () => {
    expect(validator.check('client-profile', FULL)).toEqual([]);
    expect(validator.check('client-profile', manufacturer)).toEqual([]);
  });

  it('knows no property that the type lacks', () => {
    const out: string[] = [];
    unused('client-profile', validator.schemas.get('client-profile'), FULL, '', out);
    expect(out).toEqual([]);
  });

  it('accepts a minimal profile: only name, country and industry section are required', () => {
    expect(validator.check('client-profile', { name: 'X', country: 'HK', industry: { section: 'L' } })).toEqual([]);
  });

  it('refuses unknown properties at every level, and wrong enums and dates', () => {
    const bad = { ...FULL, color: 'red', facilities: [{ ...FULL.facilities[0], monthly: [{ snapshot: '2025-13-01', class5cat: 'normal' }] }] };
    const errors = validator.check('client-profile', bad);
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/color', '/facilities/0/monthly/0/class5cat', '/facilities/0/monthly/0/snapshot']);
  });

  it('uses the same enumerations as the TypeScript constants', () => {
    const s = (id: string) => validator.schemas.get(id) as any;
    expect(s('client-profile').properties.industry.properties.section.enum).toEqual([...INDUSTRY_SECTIONS]);
    expect(s('client-facility').$defs.class5cat.enum).toEqual([...CLASS_5CAT]);
    expect(s('client-facility').properties.product.enum).toEqual([...PRODUCTS]);
    expect(s('client-facility').properties.securityType.enum).toEqual([...SECURITY_TYPES]);
    expect(s('client-facility').$defs.restructuring.properties.type.enum).toEqual([...RESTRUCTURE_TYPES]);
    expect(s('client-security').$defs.collateral.properties.type.enum).toEqual([...COLLATERAL_TYPES]);
    expect(s('client-project').properties.sector.enum).toEqual([...PROJECT_SECTORS]);
    expect(s('client-event').properties.type.enum).toEqual(EVENT_TYPE_NAMES);
    expect(s('client-event').properties.severity.enum).toEqual([...SEVERITIES]);
  });
});

describe('facts-derive schema', () => {
  it('accepts {client, asOf, params} and refuses anything else', () => {
    expect(validator.check('facts-derive', { client: FULL, asOf: d, params: { dpdCountsDueDate: true, ltvCaps: { machinery: 0.4 } } })).toEqual([]);
    expect(validator.check('facts-derive', { client: FULL }).length).toBe(0);
    expect(validator.check('facts-derive', { asOf: d }).map((e) => e.pointer)).toEqual(['/client']);
    expect(validator.check('facts-derive', { client: FULL, params: { dpdCountDueDate: true } }).map((e) => e.pointer)).toEqual(['/params/dpdCountDueDate']);
  });

  it('has exactly the parameters of DeriveParams, and each nested table has every key', () => {
    const p = (validator.schemas.get('facts-derive') as any).$defs.params.properties;
    expect(Object.keys(p).sort()).toEqual(Object.keys(DEFAULT_PARAMS).sort());
    expect(Object.keys(p.ltvCaps.properties).sort()).toEqual(Object.keys(DEFAULT_PARAMS.ltvCaps).sort());
    expect(Object.keys(p.equityMinimumBySector.properties).sort()).toEqual(Object.keys(DEFAULT_PARAMS.equityMinimumBySector).sort());
    expect(validator.check('facts-derive', { client: FULL, params: DEFAULT_PARAMS })).toEqual([]);
  });
});
