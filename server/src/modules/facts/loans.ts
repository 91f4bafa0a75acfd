/**
 * Status of one facility on the as-of date: days past due, overdue amounts, category, stage (domain.md §1.1.2,
 * portfolio-spec.md §4.5 and consistency rule §6.2: dpd = as-of − earliest unpaid due date).
 *
 * dpd comes from the repayment schedule when there is one (an item is unpaid on the as-of date when it is not
 * fully paid, or was paid after the as-of date); otherwise from the latest status snapshot on or before the
 * as-of date: its earliestUnpaidDueDate rolled to the as-of date, else the dpd it reports (not rolled forward,
 * since we cannot know whether the arrears were paid after the snapshot).
 */
import type { Class5cat, Facility, LoanMonth, ScheduleItem } from './client-facility';
import { NPL_CLASSES } from './client-facility';
import { isNum } from './computed';
import { daysBetween } from './dates';
import type { DeriveParams } from './params';
import { type Observation, restructuringObservation } from './restructuring';

/**
 * §1.1.2 dpd = calendar days from the earliest unpaid due date to the as-of date. Whether the due date itself
 * counts is [UNSURE] in domain.md: `countsDueDate` false gives as-of − due (day after the due date = 1), true
 * adds one (the due date = 1). Never negative.
 */
export function dpdFromDueDate(dueDate: string, asOf: string, countsDueDate: boolean): number {
  const d = daysBetween(dueDate, asOf);
  if (d === null || d < 0) return 0;
  const n = countsDueDate ? d + 1 : d;
  return Math.max(0, n);
}

/** "超过 N 天" excludes N: more than 90 dpd means dpd ≥ 91 (§1.1.2 day-count semantics). */
export function moreThanDays(dpd: number, n: number): boolean {
  return dpd >= n + 1;
}

export interface FacilityStatus {
  id: string;
  outstanding: number | null;
  limit: number | null;
  drawn: number | null;
  dpd: number | null;
  dpdSource: 'schedule' | 'snapshot-date' | 'snapshot-dpd' | 'none';
  earliestUnpaidDueDate: string | null;
  overduePrincipal: number;
  overdueInterest: number;
  technicalDelay: boolean;
  class5cat: Class5cat | null;
  /** The facility counts as non-performing: category 3–5, or (category unknown) dpd ≥ 91. Null when both are unknown. */
  npl: boolean | null;
  ifrs9Stage: number | null;
  ecl: number | null;
  restructured: boolean;
  observation: Observation | null;
  extensionCount12m: number;
  refinanced: boolean;
  overdraftExcessDays: number;
  otherBankNplFlag: boolean;
  otherBankOverdue90Share: number | null;
  ccf: number | null;
}

export function latestSnapshot(months: LoanMonth[] | undefined, asOf: string): LoanMonth | undefined {
  let best: LoanMonth | undefined;
  for (const m of months ?? []) if (m.snapshot <= asOf && (!best || m.snapshot > best.snapshot)) best = m;
  return best;
}

/** Amount of a schedule item still unpaid on the as-of date. */
export function unpaidOn(item: ScheduleItem, asOf: string): number {
  if (item.paidDate !== undefined && item.paidDate > asOf) return item.amount;
  if (item.paid === true) return 0;
  const paid = isNum(item.paidAmount) ? item.paidAmount : 0;
  return Math.max(0, item.amount - paid);
}

interface ScheduleView {
  earliest: string | null;
  overduePrincipal: number;
  overdueInterest: number;
}

/** Unpaid items that are past due on the as-of date (dpd ≥ 1 under the chosen day-count convention). */
export function scheduleArrears(schedule: ScheduleItem[], asOf: string, countsDueDate: boolean): ScheduleView {
  let earliest: string | null = null;
  let overduePrincipal = 0;
  let overdueInterest = 0;
  for (const it of schedule) {
    if (it.dueDate > asOf) continue;
    const unpaid = unpaidOn(it, asOf);
    if (unpaid <= 0 || dpdFromDueDate(it.dueDate, asOf, countsDueDate) < 1) continue;
    if (earliest === null || it.dueDate < earliest) earliest = it.dueDate;
    if (it.kind === 'interest') overdueInterest += unpaid;
    else overduePrincipal += unpaid;
  }
  return { earliest, overduePrincipal, overdueInterest };
}

export function facilityStatus(f: Facility, asOf: string, p: DeriveParams): FacilityStatus {
  const snap = latestSnapshot(f.monthly, asOf);
  let dpd: number | null = null;
  let dpdSource: FacilityStatus['dpdSource'] = 'none';
  let earliest: string | null = null;
  let overduePrincipal = 0;
  let overdueInterest = 0;
  if (f.schedule && f.schedule.length > 0) {
    const v = scheduleArrears(f.schedule, asOf, p.dpdCountsDueDate);
    earliest = v.earliest;
    dpd = earliest === null ? 0 : dpdFromDueDate(earliest, asOf, p.dpdCountsDueDate);
    overduePrincipal = v.overduePrincipal;
    overdueInterest = v.overdueInterest;
    dpdSource = 'schedule';
  } else if (snap) {
    overduePrincipal = nonNeg(snap.overduePrincipal);
    overdueInterest = nonNeg(snap.overdueInterest);
    if (snap.earliestUnpaidDueDate) {
      earliest = snap.earliestUnpaidDueDate;
      dpd = dpdFromDueDate(earliest, asOf, p.dpdCountsDueDate);
      dpdSource = 'snapshot-date';
    } else if (isNum(snap.dpd) || isNum(snap.dpdPrincipal) || isNum(snap.dpdInterest)) {
      dpd = Math.max(nonNeg(snap.dpd), nonNeg(snap.dpdPrincipal), nonNeg(snap.dpdInterest));
      dpdSource = 'snapshot-dpd';
    } else if (isNum(snap.overduePrincipal) || isNum(snap.overdueInterest)) {
      dpd = overduePrincipal + overdueInterest > 0 ? null : 0;
    }
  }
  const outstanding = isNum(snap?.outstandingPrincipal) ? snap.outstandingPrincipal : isNum(f.drawn) ? f.drawn : null;
  const class5cat = snap?.class5cat ?? null;
  const npl = class5cat !== null ? NPL_CLASSES.includes(class5cat) || (dpd !== null && dpd >= 91) : dpd !== null ? moreThanDays(dpd, 90) : null;
  const observation = restructuringObservation(f, snap, asOf);
  return {
    id: f.id,
    outstanding,
    limit: isNum(f.limit) ? f.limit : null,
    drawn: isNum(f.drawn) ? f.drawn : outstanding,
    dpd,
    dpdSource,
    earliestUnpaidDueDate: earliest,
    overduePrincipal,
    overdueInterest,
    technicalDelay: snap?.technicalDelay === true,
    class5cat,
    npl,
    ifrs9Stage: snap?.ifrs9Stage ?? null,
    ecl: isNum(snap?.ecl) ? snap.ecl : null,
    restructured: snap?.restructuredFlag === true || (observation !== null && observation.inObservation),
    observation,
    extensionCount12m: nonNeg(snap?.extensionCount12m),
    refinanced: snap?.refinancedFlag === true || f.purpose === 'refinancing',
    overdraftExcessDays: nonNeg(snap?.overdraftExcessDays),
    otherBankNplFlag: snap?.otherBankNplFlag === true,
    otherBankOverdue90Share: isNum(snap?.otherBankOverdue90Share) ? snap.otherBankOverdue90Share : null,
    ccf: isNum(f.ccf) ? f.ccf : null,
  };
}

function nonNeg(x: number | undefined): number {
  return isNum(x) && x > 0 ? x : 0;
}
