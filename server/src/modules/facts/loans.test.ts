import type { ClientProfile, Facility } from './client-profile';
import { derive } from './derive';
import { dpdFromDueDate, facilityStatus, moreThanDays, scheduleArrears } from './loans';
import { DEFAULT_PARAMS } from './params';
import { observationEnd, restructuringObservation } from './restructuring';

const base: ClientProfile = { name: 'Test Co', country: 'CN', industry: { section: 'C' } };

describe('§1.1.2 days past due', () => {
  it('counts calendar days from the earliest unpaid due date to the as-of date', () => {
    expect(dpdFromDueDate('2024-01-01', '2024-04-01', false)).toBe(91); // 31 + 29 + 31 (leap year)
    expect(dpdFromDueDate('2024-01-01', '2024-03-31', false)).toBe(90);
    expect(dpdFromDueDate('2024-01-01', '2024-01-01', false)).toBe(0);
    expect(dpdFromDueDate('2024-01-02', '2024-01-01', false)).toBe(0);
  });

  it('adds one day when the due date itself counts (params.dpdCountsDueDate, [UNSURE] in domain.md)', () => {
    expect(dpdFromDueDate('2024-01-01', '2024-03-31', true)).toBe(91);
    expect(dpdFromDueDate('2024-01-01', '2024-01-01', true)).toBe(1);
  });

  it('"more than 90 days" means dpd ≥ 91', () => {
    expect(moreThanDays(90, 90)).toBe(false);
    expect(moreThanDays(91, 90)).toBe(true);
    expect(moreThanDays(270, 270)).toBe(false);
    expect(moreThanDays(361, 360)).toBe(true);
  });

  it.each([
    ['2024-03-31', 90, false],
    ['2024-04-01', 91, true],
  ])('a facility unpaid since 2024-01-01, seen on %s: maxDpd %d, dpdOver90 %s', (asOf, dpd, over) => {
    const f: Facility = { id: 'F1', product: 'working_capital', drawn: 50, schedule: [{ dueDate: '2024-01-01', kind: 'interest', amount: 1 }] };
    const { facts } = derive({ ...base, facilities: [f] }, { asOf });
    expect(facts.maxDpd).toBe(dpd);
    expect(facts.dpdOver90).toBe(over);
    expect(facts.interestArrears).toBe(true);
  });

  it('treats a payment made after the as-of date as unpaid on the as-of date, and part payments as part unpaid', () => {
    const schedule = [
      { dueDate: '2025-03-20', kind: 'interest' as const, amount: 10, paid: true, paidDate: '2025-05-02' },
      { dueDate: '2025-03-31', kind: 'principal' as const, amount: 100, paidAmount: 60 },
      { dueDate: '2025-06-30', kind: 'principal' as const, amount: 100 },
    ];
    const v = scheduleArrears(schedule, '2025-04-30', false);
    expect(v).toEqual({ earliest: '2025-03-20', overduePrincipal: 40, overdueInterest: 10 });
    expect(scheduleArrears(schedule, '2025-05-10', false).earliest).toBe('2025-03-31');
  });

  it('falls back to the snapshot: its earliest unpaid due date rolled to the as-of date, else its dpd', () => {
    const f: Facility = { id: 'F1', product: 'working_capital', monthly: [{ snapshot: '2025-03-31', earliestUnpaidDueDate: '2025-03-20', overdueInterest: 5 }] };
    expect(facilityStatus(f, '2025-04-30', DEFAULT_PARAMS)).toMatchObject({ dpd: 41, dpdSource: 'snapshot-date', overdueInterest: 5 });
    const g: Facility = { id: 'F2', product: 'working_capital', monthly: [{ snapshot: '2025-03-31', dpd: 12 }] };
    expect(facilityStatus(g, '2025-04-30', DEFAULT_PARAMS)).toMatchObject({ dpd: 12, dpdSource: 'snapshot-dpd' });
  });

  it('flags a technical delay of 7 days or less only when every late facility is marked technical', () => {
    const f: Facility = { id: 'F1', product: 'working_capital', monthly: [{ snapshot: '2025-04-30', dpd: 3, technicalDelay: true }] };
    expect(derive({ ...base, facilities: [f] }, { asOf: '2025-04-30' }).facts.technicalDelayOnly).toBe(true);
    const g = { ...f, monthly: [{ snapshot: '2025-04-30', dpd: 9, technicalDelay: true }] };
    expect(derive({ ...base, facilities: [g] }, { asOf: '2025-04-30' }).facts.technicalDelayOnly).toBe(false);
  });
});

describe('§1.1.7 worked examples', () => {
  const fac = (id: string, outstanding: number, class5cat: '正常' | '次级', dpd = 0): Facility => ({
    id,
    product: 'working_capital',
    drawn: outstanding,
    monthly: [{ snapshot: '2025-06-30', outstandingPrincipal: outstanding, class5cat, dpd }],
  });

  it('example 1: 45 dpd alone is not NPL; 95 dpd is, even fully secured', () => {
    const at45 = derive({ ...base, facilities: [fac('F1', 50, '正常', 45)] }, { asOf: '2025-06-30' }).facts;
    expect(at45).toMatchObject({ maxDpd: 45, dpdOver90: false, hasNplAtBank: false, nplShareAtBank: 0 });
    const secured = { ...base, facilities: [fac('F1', 50, '正常', 95)], collateral: [{ type: 'residential_property' as const, appraisedValue: 200, appraisalDate: '2025-01-01' }] };
    expect(derive(secured, { asOf: '2025-06-30' }).facts).toMatchObject({ dpdOver90: true, hasNplAtBank: true, nplShareAtBank: 1 });
  });

  it('example 2 (10 % rule): 20 / 150 = 13.3 % > 10 %', () => {
    const { facts } = derive({ ...base, facilities: [fac('F1', 100, '正常'), fac('F2', 30, '正常'), fac('F3', 20, '次级')] }, { asOf: '2025-06-30' });
    expect(facts.nplBalanceAtBank).toBe(20);
    expect(facts.totalOutstanding).toBe(150);
    expect(facts.nplShareAtBank).toBeCloseTo(0.133, 3);
    expect((facts.nplShareAtBank as number) > 0.1).toBe(true);
    expect(facts.worstClass5cat).toBe('次级');
  });

  it('example 3 (20 % rule): 120 / 500 = 24 % > 20 % at other banks', () => {
    const { facts } = derive({ ...base, facilities: [fac('F1', 50, '正常')], creditReport: { totalBankDebt: 500, otherBankOverdue90: 120 } }, { asOf: '2025-06-30' });
    expect(facts.otherBankOverdue90Share).toBeCloseTo(0.24, 10);
    expect(facts.allBanksOverdue90Share).toBeCloseTo(0.24, 10);
    expect(facts.shareOfWallet).toBeCloseTo(0.1, 10);
    expect(facts.otherBankDebt).toBe(450);
  });

  it('example 4 (restructuring): extended 2024-03-31, quarterly, first due 2024-06-30 → observed to 2025-06-30', () => {
    expect(observationEnd('2024-06-30', 3)).toBe('2025-06-30');
    const schedule = ['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30'].map((dueDate) => ({ dueDate, kind: 'principal' as const, amount: 10, paid: true, paidDate: dueDate }));
    const f: Facility = { id: 'F1', product: 'working_capital', drawn: 60, schedule, restructurings: [{ date: '2024-03-31', type: 'extension', repaymentPeriodMonths: 3 }] };
    const obs = restructuringObservation(f, undefined, '2024-12-31');
    expect(obs).toMatchObject({ start: '2024-06-30', end: '2025-06-30', inObservation: true });
    expect(restructuringObservation(f, undefined, '2025-07-01')?.inObservation).toBe(false);
  });

  it('example 4, continued: a payment missed on 2024-12-31 restarts the clock from that date', () => {
    const schedule = ['2024-06-30', '2024-09-30', '2024-12-31', '2025-03-31'].map((dueDate) => ({
      dueDate,
      kind: 'principal' as const,
      amount: 10,
      ...(dueDate === '2024-12-31' ? { paid: true, paidDate: '2025-01-20' } : { paid: true, paidDate: dueDate }),
    }));
    const f: Facility = { id: 'F1', product: 'working_capital', drawn: 60, schedule, restructurings: [{ date: '2024-03-31', type: 'extension', repaymentPeriodMonths: 3 }] };
    const { facts } = derive({ ...base, facilities: [f] }, { asOf: '2025-07-31' });
    expect(facts).toMatchObject({ restructured: true, inObservationPeriod: true, observationEndDate: '2025-12-31' });
  });
});

describe('utilisation, EAD and NPL decisions', () => {
  it('computes utilisation and EAD with the facility CCF or the default', () => {
    const facilities: Facility[] = [
      { id: 'F1', product: 'revolving', limit: 100, drawn: 60, ccf: 0.5 },
      { id: 'F2', product: 'working_capital', limit: 50, drawn: 55 },
    ];
    const { facts } = derive({ ...base, facilities }, { asOf: '2025-06-30' });
    expect(facts.utilisation).toBeCloseTo(115 / 150, 10);
    expect(facts.maxFacilityUtilisation).toBeCloseTo(1.1, 10);
    expect(facts.limitOveruse).toBe(true);
    expect(facts.ead).toBeCloseTo(60 + 0.5 * 40 + 55, 10);
  });

  it('refuses an NPL share when a facility has neither a category nor dpd', () => {
    const { facts, reasons } = derive({ ...base, facilities: [{ id: 'F1', product: 'working_capital', drawn: 10 }] }, { asOf: '2025-06-30' });
    expect(facts.nplShareAtBank).toBeNull();
    expect(reasons.nplShareAtBank).toMatch(/F1/);
    expect(reasons.maxDpd).toMatch(/no facility has a repayment schedule/);
  });

  it('gives null loan facts with a reason for a client without facilities', () => {
    const { facts, reasons } = derive(base, { asOf: '2025-06-30' });
    expect(facts.facilityCount).toBe(0);
    expect(facts.maxDpd).toBeNull();
    expect(reasons.maxDpd).toMatch(/no facility/);
  });
});
