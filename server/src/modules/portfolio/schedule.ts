/**
 * Repayment schedules and payments (portfolio-spec.md §4.5 rule 1): the schedule comes first, then each due date
 * is paid on time, late, part-paid or not at all with a probability that falls with z, so days past due emerge
 * from missed payments and are never sampled. The schedule lists the items due in the 24 months to T0 (and
 * for an old default the first unpaid item before that); items due after T0 are not listed, so a later as-of
 * date never sees them as missed.
 */
import type { Facility, ScheduleItem } from '../facts/client-facility';
import { addDays, addMonths, daysBetween } from './days';
import type { Rng } from './rng';

export interface SchedulePlan {
  /** Contractual outstanding principal at T0 (yuan), what the balance would be with every payment made. */
  outstanding: number;
  annualRate: number;
  /** Months between interest dates (0: no interest schedule, e.g. acceptances). */
  interestMonths: number;
  /** 'bullet' | 'equal' (semi-annual after a 12-month grace) | 'annual' | 'custom' (PF: items given). */
  principal: 'bullet' | 'equal' | 'annual' | 'custom';
  startDate: string;
  maturityDate: string;
  custom?: ScheduleItem[];
}

const due20 = (iso: string) => `${iso.slice(0, 7)}-20`;

/** Contractual items due in (T0 − 24 months, T0], amounts in yuan. */
export function contractualItems(p: SchedulePlan, asOf: string): ScheduleItem[] {
  const from = addMonths(asOf, -24);
  const items: ScheduleItem[] = [];
  if (p.principal === 'custom') return (p.custom ?? []).filter((i) => i.dueDate > from && i.dueDate <= asOf);
  // Principal instalment dates.
  const inst: string[] = [];
  if (p.principal === 'bullet') inst.push(p.maturityDate);
  else {
    const step = p.principal === 'equal' ? 6 : 12;
    for (let d = due20(addMonths(p.startDate, 12)); d <= p.maturityDate; d = addMonths(d, step)) inst.push(d);
    if (!inst.length || inst[inst.length - 1] < p.maturityDate) inst.push(p.maturityDate);
  }
  const paidByT0 = inst.filter((d) => d <= asOf).length;
  const remaining = inst.length - paidByT0;
  const each = remaining > 0 ? p.outstanding / remaining : p.outstanding / Math.max(1, inst.length);
  const original = each * inst.length;
  const outstandingOn = (day: string) => original - each * inst.filter((d) => d < day).length;
  for (const d of inst) if (d > from && d <= asOf) items.push({ dueDate: d, kind: 'principal', amount: each });
  if (p.interestMonths > 0) {
    const first = due20(addMonths(p.startDate, p.interestMonths - (Number(p.startDate.slice(5, 7)) % p.interestMonths)));
    for (let d = first; d <= asOf && d <= p.maturityDate; d = addMonths(d, p.interestMonths))
      if (d > from && d > p.startDate) items.push({ dueDate: d, kind: 'interest', amount: (outstandingOn(d) * p.annualRate * p.interestMonths) / 12 });
  }
  return items.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.kind < b.kind ? 1 : -1));
}

export interface PaymentContext {
  asOf: string;
  /** Items due on or after this date are not paid (default); null: performing. */
  missFrom: string | null;
  /** Arrears settled on this date (restructuring), payments normal after it. */
  settleOn: string | null;
  /** Probability of a short delinquency on one due date, by the date. */
  missChance: (dueDate: string) => number;
  /** A due date after settleOn missed during observation (paid late), if any. */
  observationMiss: string | null;
}

/** Marks each item paid (on time or late), part-paid or unpaid, as of T0. */
export function pay(items: ScheduleItem[], ctx: PaymentContext, rng: Rng): ScheduleItem[] {
  return items.map((it) => {
    const out: ScheduleItem = { ...it };
    const defaulted = ctx.missFrom !== null && it.dueDate >= ctx.missFrom && (ctx.settleOn === null || it.dueDate <= ctx.settleOn);
    if (defaulted) {
      if (ctx.settleOn !== null && ctx.settleOn <= ctx.asOf) {
        out.paid = true;
        out.paidDate = ctx.settleOn;
      } else if (rng.chance(0.15)) out.paidAmount = Math.round(it.amount * rng.uniform(0.05, 0.4));
      return out;
    }
    if (it.dueDate === ctx.observationMiss) {
      out.paid = true;
      out.paidDate = addDays(it.dueDate, rng.int(15, 45));
      if (out.paidDate > ctx.asOf) {
        delete out.paid;
        delete out.paidDate;
      }
      return out;
    }
    if (rng.chance(ctx.missChance(it.dueDate))) {
      const lag = 1 + Math.floor(-Math.log(1 - rng.next()) * 18);
      const paidDate = addDays(it.dueDate, Math.min(lag, 85));
      if (paidDate <= ctx.asOf) {
        out.paid = true;
        out.paidDate = paidDate;
      } else if (rng.chance(0.3)) out.paidAmount = Math.round(it.amount * rng.uniform(0.2, 0.8));
      return out;
    }
    out.paid = true;
    return out;
  });
}

/** Unpaid on T0: not fully paid, or paid after T0 (the facts module's rule). */
export function unpaidAt(it: ScheduleItem, asOf: string): number {
  if (it.dueDate > asOf) return 0;
  if (it.paidDate !== undefined && it.paidDate > asOf) return it.amount;
  if (it.paid === true) return 0;
  return Math.max(0, it.amount - (it.paidAmount ?? 0));
}

export interface Arrears {
  earliest: string | null;
  dpd: number;
  overduePrincipal: number;
  overdueInterest: number;
}

export function arrears(items: ScheduleItem[], asOf: string): Arrears {
  let earliest: string | null = null;
  let op = 0;
  let oi = 0;
  for (const it of items) {
    const u = unpaidAt(it, asOf);
    if (u <= 0 || daysBetween(it.dueDate, asOf) < 1) continue;
    if (earliest === null || it.dueDate < earliest) earliest = it.dueDate;
    if (it.kind === 'principal') op += u;
    else oi += u;
  }
  return { earliest, dpd: earliest ? daysBetween(earliest, asOf) : 0, overduePrincipal: op, overdueInterest: oi };
}

/** Amounts to the client's currency, whole units; fully paid items stay compact (`paid: true`). */
export function toCurrency(items: ScheduleItem[], fx: number): ScheduleItem[] {
  return items.map((it) => {
    const out: ScheduleItem = { dueDate: it.dueDate, kind: it.kind, amount: Math.max(1, Math.round(it.amount / fx)) };
    if (it.paidAmount !== undefined) out.paidAmount = Math.round(it.paidAmount / fx);
    if (it.paid) out.paid = true;
    if (it.paidDate) out.paidDate = it.paidDate;
    return out;
  });
}

export type { Facility };
