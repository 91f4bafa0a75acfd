/**
 * Five-category class and IFRS 9 stage as outputs of the domain.md §1 rules applied to the generated facts
 * (portfolio-spec.md §3.3, §4.5 rule 4: never sampled): the §1.1.2 floors, the debtor-level 10 % rule, the
 * cross-bank 20 % rule, the restructuring rules of §1.1.4, plus the judgemental overlay (关注 on signals). Then
 * ECL = PD × LGD × EAD by stage, with stage-3 coverage in the §1.1.5 ranges.
 */
import { CLASS_5CAT, type Class5cat, type LoanMonth } from '../facts/client-facility';
import type { FacilityPlan } from './facilities';
import { GRADE_PD } from './reference';
import type { Rng } from './rng';

export interface DebtorSignals {
  asOf: string;
  /** >90 dpd debt at other banks / the debtor's debt at all banks (§1.1.2 ≥ 次级 (d)). */
  crossBank90Share: number;
  otherBankNpl: boolean;
  evadingDebt: boolean;
  liquidation: boolean;
  /** Judgemental overlay: 关注 on early-warning signals even without arrears. */
  watch: boolean;
  /** Internal grade now (1 … 10) and notches lost since origination. */
  grade: number;
  gradeDrop: number;
}

export interface Classified {
  class5: Class5cat;
  stage: 1 | 2 | 3;
  ecl: number;
  /** Rule trace, for the truth file. */
  reasons: string[];
}

const rank = (c: Class5cat) => CLASS_5CAT.indexOf(c);

function floorOf(p: FacilityPlan, d: DebtorSignals): { c: number; reasons: string[] } {
  let c = 0;
  const reasons: string[] = [];
  const at = (n: number, why: string) => {
    if (n > c) c = n;
    if (n > 0) reasons.push(why);
  };
  const dpd = p.arrears.dpd;
  if (dpd >= 1 && !(p.technicalDelay && dpd <= 7)) at(1, 'overdue');
  if (p.facility.purpose === 'refinancing') at(1, 'refinanced');
  if (d.otherBankNpl) at(1, 'npl_at_other_bank');
  if (d.watch) at(1, 'watch_overlay');
  if (dpd >= 91) at(2, 'dpd_over_90');
  if (d.crossBank90Share > 0.2) at(2, 'cross_bank_20pct');
  if (dpd >= 271) at(3, 'dpd_over_270');
  if (d.evadingDebt) at(3, 'evading_debt');
  if (dpd >= 361) at(4, 'dpd_over_360');
  if (d.liquidation) at(4, 'liquidation');
  if (p.restructured && p.observationEnd !== null && p.observationEnd > d.asOf) at(2, 'restructured_npl_in_observation');
  else if (p.restructured) at(1, 'restructured');
  if (p.restructuredAgain) at(3, 'restructured_again');
  return { c, reasons };
}

/** Classes for every facility of one debtor (the debtor drives the class, §1.1.1). */
export function classify(plans: FacilityPlan[], d: DebtorSignals, rng: Rng): Classified[] {
  const floors = plans.map((p) => floorOf(p, d));
  const balance = (p: FacilityPlan) => p.outstanding + p.arrears.overduePrincipal;
  const total = plans.reduce((a, p) => a + balance(p), 0);
  const npl = plans.reduce((a, p, i) => a + (floors[i].c >= 2 ? balance(p) : 0), 0);
  const anyNpl = floors.some((f) => f.c >= 2);
  return plans.map((p, i) => {
    let c = floors[i].c;
    const reasons = [...floors[i].reasons];
    if (total > 0 && npl / total > 0.1 && c < 2) {
      c = 2;
      reasons.push('debtor_10pct_rule');
    } else if (anyNpl && c < 1) {
      c = 1;
      reasons.push('npl_elsewhere_at_bank');
    }
    const class5 = CLASS_5CAT[c];
    const dpd = p.arrears.dpd;
    const stage: 1 | 2 | 3 = c >= 2 || dpd >= 91 ? 3 : c === 1 || dpd >= 31 || p.restructured || d.gradeDrop >= 3 ? 2 : 1;
    const ead = balance(p);
    const secured = p.facility.securityType !== 'unsecured' && p.facility.securityType !== 'guaranteed';
    const lgd = Math.max(0.1, secured ? 0.28 : 0.45);
    let ratio: number;
    if (stage === 3) ratio = c === 4 ? rng.uniform(0.9, 1) : c === 3 ? rng.uniform(0.5, 0.75) : rng.uniform(0.25, 0.4);
    else if (stage === 2) ratio = Math.min(0.1, Math.max(0.02, 3 * GRADE_PD[d.grade - 1] * lgd));
    else ratio = GRADE_PD[d.grade - 1] * lgd;
    return { class5, stage, ecl: ead * ratio, reasons };
  });
}

/** The facility's status snapshot at T0 (portfolio-spec.md loan_month), in the client's currency. */
export function snapshot(p: FacilityPlan, cl: Classified, asOf: string, fx: number, resolved: 'written_off' | 'transferred' | null): LoanMonth {
  const r = (x: number) => Math.round(x / fx);
  const outstanding = p.outstanding + p.arrears.overduePrincipal;
  const m: LoanMonth = {
    snapshot: asOf,
    outstandingPrincipal: resolved ? 0 : r(outstanding),
    overduePrincipal: r(p.arrears.overduePrincipal),
    overdueInterest: r(p.arrears.overdueInterest),
    dpd: p.arrears.dpd,
    ...(p.arrears.earliest ? { earliestUnpaidDueDate: p.arrears.earliest } : {}),
    ...(p.technicalDelay ? { technicalDelay: true } : {}),
    ...(p.facility.limit ? { limitUtilisation: Math.round((outstanding / fx / p.facility.limit) * 1000) / 1000 } : {}),
    class5cat: cl.class5,
    ifrs9Stage: cl.stage,
    ecl: resolved ? 0 : r(cl.ecl),
  };
  if (p.restructured) {
    const last = p.facility.restructurings?.[p.facility.restructurings.length - 1];
    m.restructuredFlag = p.observationEnd !== null && p.observationEnd > asOf;
    if (last) {
      m.restructureDate = last.date;
      m.restructureType = last.type;
    }
    if (p.observationEnd) m.observationEndDate = p.observationEnd;
    m.extensionCount12m = p.restructuredAgain ? 2 : 1;
    m.refinancedFlag = true;
  }
  if (rank(cl.class5) >= 2) m.nonaccrual = true;
  if (resolved === 'written_off') m.writeoffAmount = r(outstanding);
  if (resolved === 'transferred') m.transferFlag = true;
  return m;
}
