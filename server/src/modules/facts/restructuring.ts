/**
 * Restructured assets and their observation period, domain.md §1.1.4 (worked example §1.1.7 no. 4).
 *
 * - The period starts on the first repayment date after the change and must cover at least two consecutive
 *   repayment periods and at least one year: end = max(start + 12 months, start + 2 × period length).
 * - A missed payment inside the period restarts it from the date of the missed payment (same length rule).
 * - When the snapshot carries observationEndDate, that value wins: the bank's booking is the record.
 */
import type { Facility, LoanMonth, ScheduleItem } from './client-facility';
import { addMonths, maxDate } from './dates';

export interface Observation {
  restructureDate: string;
  start: string | null;
  end: string | null;
  inObservation: boolean;
  /** Due dates of missed payments that restarted the period. */
  restarts: string[];
}

/** §1.1.4: the end of an observation period that starts on `start`, with repayments every `periodMonths`. */
export function observationEnd(start: string, periodMonths: number | undefined): string | null {
  const oneYear = addMonths(start, 12);
  if (periodMonths === undefined || periodMonths <= 0) return oneYear;
  return maxDate(oneYear, addMonths(start, 2 * periodMonths));
}

/** A scheduled payment was missed: not fully paid by its due date (paid late, or still unpaid on the as-of date). */
function missed(item: ScheduleItem, asOf: string): boolean {
  if (item.dueDate > asOf) return false;
  if (item.paidDate !== undefined) return item.paidDate > item.dueDate;
  if (item.paid === true) return false;
  return (item.paidAmount ?? 0) < item.amount;
}

/**
 * The observation period of the facility's latest restructuring on or before the as-of date, with restarts for
 * missed payments found in the schedule. Null when the facility has no restructuring record and no snapshot flag.
 */
export function restructuringObservation(f: Facility, snap: LoanMonth | undefined, asOf: string): Observation | null {
  const r = (f.restructurings ?? []).filter((x) => x.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1)).pop();
  if (snap?.observationEndDate && (snap.restructuredFlag || r)) {
    return {
      restructureDate: snap.restructureDate ?? r?.date ?? snap.snapshot,
      start: r?.firstRepaymentDate ?? null,
      end: snap.observationEndDate,
      inObservation: snap.observationEndDate > asOf,
      restarts: [],
    };
  }
  if (!r) {
    if (!snap?.restructuredFlag) return null;
    return { restructureDate: snap.restructureDate ?? snap.snapshot, start: null, end: null, inObservation: true, restarts: [] };
  }
  const schedule = [...(f.schedule ?? [])].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  const start = r.firstRepaymentDate ?? schedule.find((s) => s.dueDate > r.date)?.dueDate ?? null;
  if (start === null) return { restructureDate: r.date, start: null, end: null, inObservation: true, restarts: [] };
  let end = observationEnd(start, r.repaymentPeriodMonths);
  const restarts: string[] = [];
  let from = start;
  for (;;) {
    const miss = schedule.find((s) => s.dueDate >= from && end !== null && s.dueDate <= end && !restarts.includes(s.dueDate) && missed(s, asOf));
    if (!miss) break;
    restarts.push(miss.dueDate);
    from = miss.dueDate;
    end = observationEnd(miss.dueDate, r.repaymentPeriodMonths);
  }
  return { restructureDate: r.date, start, end, inObservation: end === null || end > asOf, restarts };
}
