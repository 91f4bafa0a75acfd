/**
 * Client-level loan facts from the facilities at our bank and the credit report (征信), domain.md §1.1.1–1.1.2
 * and the behavioural signals B01–B04 of §4.2.
 *
 * - nplShareAtBank (the 10 % rule): Σ outstanding of non-performing facilities / Σ outstanding at our bank.
 * - otherBankOverdue90Share (the 20 % rule, as in example §1.1.7 no. 3): >90 dpd debt at other banks / the
 *   client's debt at all banks. allBanksOverdue90Share adds our own >90 dpd balances to the numerator, which is
 *   what the rule's wording ("across all banks") strictly asks for.
 */
import type { ClientProfile } from './client-profile';
import { CLASS_5CAT } from './client-facility';
import { type Computed, div, isNum, none, ok } from './computed';
import { type FacilityStatus, facilityStatus, moreThanDays } from './loans';
import type { DeriveParams } from './params';

export function facilityStatuses(profile: ClientProfile, asOf: string, p: DeriveParams): FacilityStatus[] {
  return (profile.facilities ?? []).filter((f) => !f.startDate || f.startDate <= asOf).map((f) => facilityStatus(f, asOf, p));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function loanFacts(profile: ClientProfile, st: FacilityStatus[], p: DeriveParams): Record<string, Computed<unknown>> {
  const out: Record<string, Computed<unknown>> = {};
  const noFac = none('the client has no facility at our bank on the as-of date');
  out.facilityCount = ok(st.length);
  if (st.length === 0) {
    for (const k of ['maxDpd', 'dpdOver90', 'dpdOver270', 'dpdOver360', 'technicalDelayOnly', 'overdueAmount', 'overduePrincipal', 'overdueInterest', 'interestArrears'])
      out[k] = noFac;
    for (const k of ['worstClass5cat', 'worstIfrs9Stage', 'nplBalanceAtBank', 'nplShareAtBank', 'hasNplAtBank', 'maxEclRatio', 'totalOutstanding', 'totalLimit'])
      out[k] = noFac;
    for (const k of ['utilisation', 'maxFacilityUtilisation', 'limitOveruse', 'overdraftExcessDays', 'ead', 'restructured', 'inObservationPeriod'])
      out[k] = noFac;
    for (const k of ['observationEndDate', 'extensionCount12m', 'refinanced']) out[k] = noFac;
  } else {
    Object.assign(out, dpdFacts(st, p), portfolioFacts(st, p), restructuringFacts(st));
  }
  Object.assign(out, creditReportFacts(profile, st));
  return out;
}

function dpdFacts(st: FacilityStatus[], p: DeriveParams): Record<string, Computed<unknown>> {
  const known = st.filter((s) => s.dpd !== null);
  const unknown = st.filter((s) => s.dpd === null).map((s) => s.id);
  const out: Record<string, Computed<unknown>> = {};
  const note = unknown.length ? `dpd unknown for ${unknown.join(', ')}` : undefined;
  if (known.length === 0) {
    const r = none('no facility has a repayment schedule or a status snapshot on or before the as-of date');
    out.maxDpd = out.dpdOver90 = out.dpdOver270 = out.dpdOver360 = out.technicalDelayOnly = r;
  } else {
    const max = Math.max(...known.map((s) => s.dpd as number));
    out.maxDpd = ok(max, note);
    out.dpdOver90 = ok(moreThanDays(max, 90), note);
    out.dpdOver270 = ok(moreThanDays(max, 270), note);
    out.dpdOver360 = ok(moreThanDays(max, 360), note);
    const late = known.filter((s) => (s.dpd as number) >= 1);
    out.technicalDelayOnly = ok(late.length > 0 && max <= p.technicalDelayDays && late.every((s) => s.technicalDelay));
  }
  const op = sum(st.map((s) => s.overduePrincipal));
  const oi = sum(st.map((s) => s.overdueInterest));
  out.overduePrincipal = ok(op);
  out.overdueInterest = ok(oi);
  out.overdueAmount = ok(op + oi);
  out.interestArrears = ok(oi > 0);
  return out;
}

function portfolioFacts(st: FacilityStatus[], p: DeriveParams): Record<string, Computed<unknown>> {
  const out: Record<string, Computed<unknown>> = {};
  const classes = st.map((s) => s.class5cat).filter((c): c is NonNullable<typeof c> => c !== null);
  out.worstClass5cat = classes.length ? ok(CLASS_5CAT[Math.max(...classes.map((c) => CLASS_5CAT.indexOf(c)))]) : none('no facility reports a five-category class');
  const stages = st.map((s) => s.ifrs9Stage).filter(isNum);
  out.worstIfrs9Stage = stages.length ? ok(Math.max(...stages)) : none('no facility reports an IFRS 9 stage');
  const withBal = st.filter((s) => s.outstanding !== null);
  const total = sum(withBal.map((s) => s.outstanding as number));
  out.totalOutstanding = withBal.length ? ok(total) : none('no facility reports an outstanding or drawn amount');
  const undecided = withBal.filter((s) => s.npl === null && (s.outstanding as number) > 0).map((s) => s.id);
  if (undecided.length) {
    const r = none(`neither category nor dpd is known for ${undecided.join(', ')}`);
    out.nplBalanceAtBank = out.nplShareAtBank = out.hasNplAtBank = r;
  } else {
    const npl = sum(withBal.filter((s) => s.npl).map((s) => s.outstanding as number));
    out.nplBalanceAtBank = ok(npl);
    out.hasNplAtBank = ok(npl > 0 || st.some((s) => s.npl));
    out.nplShareAtBank = div(npl, total, 'NPL balance at our bank', 'total outstanding at our bank');
  }
  const ecl = withBal.filter((s) => s.ecl !== null && (s.outstanding as number) > 0).map((s) => (s.ecl as number) / (s.outstanding as number));
  out.maxEclRatio = ecl.length ? ok(Math.max(...ecl)) : none('no facility reports ECL with a positive balance');
  const lim = st.filter((s) => s.limit !== null && s.drawn !== null);
  const totalLimit = sum(lim.map((s) => s.limit as number));
  out.totalLimit = lim.length ? ok(totalLimit) : none('no facility reports a limit');
  out.utilisation = lim.length ? div(sum(lim.map((s) => s.drawn as number)), totalLimit, 'drawn', 'total limit') : none('no facility reports both limit and drawn');
  const perFac = lim.filter((s) => (s.limit as number) > 0).map((s) => (s.drawn as number) / (s.limit as number));
  out.maxFacilityUtilisation = perFac.length ? ok(Math.max(...perFac)) : none('no facility has a positive limit');
  out.limitOveruse = ok(lim.some((s) => (s.drawn as number) > (s.limit as number)) || st.some((s) => s.overdraftExcessDays > 0));
  out.overdraftExcessDays = ok(Math.max(0, ...st.map((s) => s.overdraftExcessDays)));
  const eadParts = st.filter((s) => s.drawn !== null);
  out.ead = eadParts.length
    ? ok(sum(eadParts.map((s) => (s.drawn as number) + (s.ccf ?? p.defaultCcf) * Math.max(0, (s.limit ?? (s.drawn as number)) - (s.drawn as number)))))
    : none('no facility reports a drawn amount');
  return out;
}

function restructuringFacts(st: FacilityStatus[]): Record<string, Computed<unknown>> {
  const obs = st.map((s) => s.observation).filter((o): o is NonNullable<typeof o> => o !== null);
  const ends = obs.filter((o) => o.inObservation && o.end !== null).map((o) => o.end as string);
  return {
    restructured: ok(st.some((s) => s.restructured)),
    inObservationPeriod: ok(obs.some((o) => o.inObservation)),
    observationEndDate: ends.length ? ok(ends.sort().pop() as string) : none(obs.some((o) => o.inObservation) ? 'the observation end cannot be computed (no first repayment date)' : 'no facility is in a restructuring observation period'),
    extensionCount12m: ok(sum(st.map((s) => s.extensionCount12m))),
    refinanced: ok(st.some((s) => s.refinanced)),
  };
}

function creditReportFacts(profile: ClientProfile, st: FacilityStatus[]): Record<string, Computed<unknown>> {
  const cr = profile.creditReport;
  const ours = sum(st.map((s) => s.outstanding ?? 0));
  const ours90 = sum(st.filter((s) => s.dpd !== null && moreThanDays(s.dpd, 90)).map((s) => s.outstanding ?? 0));
  const out: Record<string, Computed<unknown>> = {};
  const total = cr?.totalBankDebt;
  out.totalBankDebt = isNum(total) ? ok(total) : none('the credit report gives no total bank debt');
  out.otherBankDebt = isNum(cr?.otherBankDebt) ? ok(cr.otherBankDebt) : isNum(total) ? ok(Math.max(0, total - ours)) : none('the credit report gives no bank debt');
  const snapShares = st.map((s) => s.otherBankOverdue90Share).filter(isNum);
  if (isNum(cr?.otherBankOverdue90) && isNum(total)) out.otherBankOverdue90Share = div(cr.otherBankOverdue90, total, '>90 dpd debt at other banks', 'total bank debt');
  else if (snapShares.length) out.otherBankOverdue90Share = ok(Math.max(...snapShares), 'from the latest loan status snapshot');
  else out.otherBankOverdue90Share = none('the credit report gives no >90 dpd amount at other banks or no total bank debt');
  out.allBanksOverdue90Share = isNum(cr?.otherBankOverdue90) && isNum(total)
    ? div(cr.otherBankOverdue90 + ours90, total, '>90 dpd debt at all banks', 'total bank debt')
    : none('the credit report gives no >90 dpd amount at other banks or no total bank debt');
  out.hasNplAtOtherBank = ok((isNum(cr?.otherBankNpl) && cr.otherBankNpl > 0) || st.some((s) => s.otherBankNplFlag));
  out.hasSpecialMentionAtOtherBank = ok(isNum(cr?.otherBankSpecialMention) && cr.otherBankSpecialMention > 0);
  out.shareOfWallet = isNum(total) ? div(ours, total, 'our outstanding', 'total bank debt') : none('the credit report gives no total bank debt');
  return out;
}
