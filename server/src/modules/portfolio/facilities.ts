/**
 * Facilities at our bank (portfolio-spec.md §4.4) with their schedules and payments (§4.5). Our drawn exposure
 * is a share of the borrower's bank debt on its T0 balance sheet, so it can never exceed what the statements
 * report (§6 rule 8). The truth default date is the day dpd reaches 91 (§6 rule 5 holds by construction).
 */
import type { Facility, Product, Restructuring, ScheduleItem, SecurityType } from '../facts/client-facility';
import { addMonths } from './days';
import type { PortfolioConfig } from './config';
import { addDays, daysBetween } from './days';
import type { FinancialResult } from './financials';
import { health } from './latent';
import { type Borrower, QUARTERS } from './model';
import { PRODUCTS } from './reference';
import { Rng, STREAM, Weighted } from './rng';
import { arrears, type Arrears, contractualItems, pay, type SchedulePlan } from './schedule';

const PRODUCT = new Weighted(PRODUCTS);
const TRADE = new Set(['bank_acceptance', 'letter_of_credit', 'guarantee']);
const SECURITY_LARGE = new Weighted<SecurityType>([['unsecured', 45], ['guaranteed', 25], ['mortgage', 16], ['pledge', 10], ['combined', 4]]);
const SECURITY_SME = new Weighted<SecurityType>([['unsecured', 10], ['guaranteed', 35], ['mortgage', 36], ['pledge', 10], ['combined', 9]]);
const TENOR: Record<string, number[]> = {
  working_capital: [6, 12, 12, 12, 12, 24, 36],
  fixed_asset: [36, 60, 60, 84, 120],
  m_and_a: [36, 60, 84],
  syndicated: [36, 60, 84],
  bank_acceptance: [3, 6, 6, 12],
  letter_of_credit: [3, 6],
  guarantee: [6, 12, 12],
  revolving: [12],
};
const RESTRUCTURE_TYPES = ['extension', 'reschedule', 'grace_period', 'interest_capitalised', 'rate_cut'] as const;

export interface FacilityPlan {
  facility: Facility;
  /** Contractual outstanding at T0 (yuan). */
  outstanding: number;
  items: ScheduleItem[];
  trade: boolean;
  arrears: Arrears;
  technicalDelay: boolean;
  restructured: boolean;
  restructuredAgain: boolean;
  observationEnd: string | null;
}

export interface LoanBook {
  plans: FacilityPlan[];
  /** Σ contractual outstanding at T0 (yuan). */
  drawn: number;
  restructured: boolean;
  /** The first date with an unpaid due item on or after the default window (null: performing). */
  firstUnpaid: string | null;
}

/** Base rates [UNSURE: check the current fixings]: LPR 1Y / 5Y and the usual international benchmarks. */
function pricing(b: Borrower, term: boolean, rng: Rng): { rateType: string; rate: number; spreadBp: number } {
  const spreadBp = Math.round(Math.min(200, Math.max(-60, -60 + 25 * (b.grade0 - 1) + 20 * rng.normal())));
  if (b.currency === 'CNY') return term ? { rateType: 'LPR5Y', rate: 0.035 + spreadBp / 10_000, spreadBp } : { rateType: 'LPR1Y', rate: 0.03 + spreadBp / 10_000, spreadBp };
  const margin = Math.round(rng.uniform(80, 400));
  const [rateType, base] = b.currency === 'EUR' ? ['EURIBOR', 0.025] : b.currency === 'HKD' ? ['HIBOR', 0.035] : ['SOFR', 0.043];
  return { rateType: rateType as string, rate: (base as number) + margin / 10_000, spreadBp: margin };
}

export function buildLoans(b: Borrower, fin: FinancialResult, cfg: PortfolioConfig, ends: string[], projectPlan: SchedulePlan | null): LoanBook {
  const rng = new Rng(cfg.seed, STREAM.facilities, b.index);
  const asOf = cfg.asOf;
  const sow = b.spv ? rng.uniform(0.15, 0.4) : { large: rng.uniform(0.15, 0.45), medium: rng.uniform(0.2, 0.55), small: rng.uniform(0.25, 0.6), micro: rng.uniform(0.4, 0.8) }[b.sizeTarget];
  const total = Math.max(fin.bankDebtT0 * sow, 50_000);
  const count = b.spv ? (rng.chance(0.2) ? 2 : 1) : { large: rng.int(2, 4), medium: rng.int(1, 3), small: rng.int(1, 2), micro: 1 }[b.sizeTarget];
  const weights = Array.from({ length: count }, (_, k) => (b.spv && k === 0 ? 6 : rng.uniform(0.5, 1.5)));
  const wsum = weights.reduce((a, x) => a + x, 0);
  const security = b.sizeTarget === 'large' ? SECURITY_LARGE : SECURITY_SME;
  const plans: FacilityPlan[] = [];
  const schedules: { plan: SchedulePlan; product: Product; security: SecurityType; outstanding: number; pricing: ReturnType<typeof pricing> }[] = [];
  for (let k = 0; k < count; k++) {
    const product = (b.spv && k === 0 ? 'project_finance' : b.spv ? 'working_capital' : PRODUCT.pick(rng)) as Product;
    const outstanding = (total * weights[k]) / wsum;
    const term = ['fixed_asset', 'm_and_a', 'syndicated', 'project_finance'].includes(product);
    const pr = pricing(b, term, rng);
    let plan: SchedulePlan;
    if (product === 'project_finance' && projectPlan) {
      // Our share of a syndicated project loan: the project's debt service scaled to our part of the debt.
      const share = outstanding / Math.max(1, projectPlan.outstanding);
      plan = { ...projectPlan, outstanding, custom: (projectPlan.custom ?? []).map((i) => ({ ...i, amount: i.amount * share })) };
    }
    else {
      const tenor = rng.pick(TENOR[product] ?? [12]);
      const back = rng.int(1, Math.max(1, tenor - 1));
      const startDate = addDays(addMonths(asOf, -back), -rng.int(0, 27));
      const maturityDate = addMonths(startDate, tenor);
      const principal = product === 'fixed_asset' || product === 'syndicated' ? 'equal' : product === 'm_and_a' ? 'annual' : 'bullet';
      plan = { outstanding, annualRate: pr.rate, interestMonths: TRADE.has(product) ? 0 : rng.chance(0.2) ? 1 : 3, principal, startDate, maturityDate };
    }
    const sec: SecurityType = product === 'project_finance' ? 'combined' : TRADE.has(product) ? (rng.chance(0.5) ? 'pledge' : security.pick(rng)) : security.pick(rng);
    schedules.push({ plan, product, security: sec, outstanding, pricing: pr });
  }

  // When arrears start: a default in the window (the day z crossed, minus 91 days), or long before it (legacy).
  let missFrom: string | null = null;
  if (b.legacy) missFrom = addMonths(ends[0], -rng.int(3, 27));
  else if (b.defaultQuarter !== null) missFrom = addDays(ends[b.defaultQuarter - 1], rng.int(1, 90) - 91);
  // The contractual items of every facility first, so the default date is known before payments are drawn.
  const itemLists = schedules.map((s) => {
    let items = contractualItems(s.plan, asOf);
    if (missFrom !== null && !items.some((i) => i.dueDate >= missFrom! && i.dueDate <= asOf)) {
      // An acceptance or bullet loan with nothing due in the window still goes bad: the bank pays out (垫款) and is not repaid.
      const floor = [missFrom, addMonths(asOf, -24), s.plan.startDate].sort().pop() as string;
      const advance = floor < asOf ? floor : addDays(asOf, -1);
      items = [...items, { dueDate: addDays(advance, 1), kind: 'principal' as const, amount: s.outstanding * 0.3 }].sort((x, y) => (x.dueDate < y.dueDate ? -1 : 1));
    }
    if (b.legacy && missFrom) items = [{ dueDate: missFrom, kind: 'interest', amount: (s.outstanding * s.plan.annualRate) / 4 }, ...items];
    return items;
  });
  // The first due date the borrower misses; dpd reaches 91 three months later (the truth default date).
  let firstUnpaid: string | null = null;
  if (missFrom !== null) for (const items of itemLists) for (const i of items) if (i.dueDate >= missFrom && i.dueDate <= asOf && (firstUnpaid === null || i.dueDate < firstUnpaid)) firstUnpaid = i.dueDate;
  const restructure = firstUnpaid !== null && !b.legacy && rng.chance(cfg.restructureShare);
  let settleOn: string | null = null;
  if (restructure && firstUnpaid) {
    const candidate = addDays(firstUnpaid, 91 + rng.int(30, 150));
    if (candidate < addDays(asOf, -30)) settleOn = candidate;
  }
  const again = settleOn !== null && rng.chance(0.05 / cfg.restructureShare);
  // Short delinquencies follow credit health (z against the grade's default threshold): a weak borrower misses a
  // payment long before it defaults, a sound one rarely, whatever the level of its z.
  const healthAt = (day: string) => health(b, Math.max(0, QUARTERS - 1 - Math.max(0, Math.floor(daysBetween(day, asOf) / 91.3))));
  for (let k = 0; k < count; k++) {
    const s = schedules[k];
    const items = itemLists[k];
    const observationMiss = settleOn && rng.chance(0.15) ? (items.find((i) => i.dueDate > settleOn! && i.dueDate <= asOf)?.dueDate ?? null) : null;
    const paid = pay(items, { asOf, missFrom, settleOn, observationMiss, missChance: (d) => cfg.missBase * Math.exp(-1.2 * healthAt(d)) }, rng);
    const arr = arrears(paid, asOf);
    const restructurings: Restructuring[] = [];
    let observationEnd: string | null = null;
    if (settleOn) {
      const firstRepaymentDate = paid.find((i) => i.dueDate > settleOn!)?.dueDate ?? addMonths(settleOn, 3);
      restructurings.push({ date: settleOn, type: rng.pick(RESTRUCTURE_TYPES), firstRepaymentDate, repaymentPeriodMonths: s.plan.interestMonths || 3, preClass5cat: '次级' });
      observationEnd = addMonths(observationMiss ?? firstRepaymentDate, 12);
      const second = addDays(settleOn, rng.int(60, 120));
      if (again && second < asOf) restructurings.push({ date: second, type: 'extension', repaymentPeriodMonths: 3, preClass5cat: '关注' });
    }
    const facility: Facility = {
      id: `F${String(b.index + 1).padStart(8, '0')}-${k + 1}`,
      product: s.product,
      currency: b.currency,
      limit: 0,
      drawn: 0,
      startDate: s.plan.startDate,
      maturityDate: s.plan.maturityDate,
      securityType: s.security,
      purpose: purposeOf(s.product, settleOn !== null),
      rateType: s.pricing.rateType,
      spreadBp: s.pricing.spreadBp,
      ...(s.product === 'bank_acceptance' || s.product === 'letter_of_credit' ? { ccf: 0.2 } : s.product === 'guarantee' ? { ccf: 0.5 } : {}),
    };
    if (restructurings.length) facility.restructurings = restructurings;
    plans.push({
      facility,
      outstanding: s.outstanding,
      items: paid,
      trade: TRADE.has(s.product),
      arrears: arr,
      technicalDelay: arr.dpd > 0 && arr.dpd <= 7 && missFrom === null && rng.chance(0.7),
      restructured: settleOn !== null,
      restructuredAgain: again,
      observationEnd,
    });
  }
  return { plans, drawn: total, restructured: settleOn !== null, firstUnpaid };
}

function purposeOf(product: Product, refinanced: boolean): Facility['purpose'] {
  if (refinanced) return 'refinancing';
  switch (product) {
    case 'fixed_asset':
    case 'syndicated':
      return 'capex';
    case 'project_finance':
      return 'project';
    case 'm_and_a':
      return 'acquisition';
    case 'bank_acceptance':
    case 'letter_of_credit':
    case 'guarantee':
      return 'trade';
    default:
      return 'working_capital';
  }
}

/** Limit from drawn and a utilisation draw (§4.4: term loans Beta(4, 2), revolving Beta(2, 2)). */
export function utilisation(product: Product, rng: Rng): number {
  if (product === 'revolving' || product === 'working_capital') return Math.max(0.05, rng.beta(2, 2));
  if (TRADE.has(product)) return rng.uniform(0.7, 1);
  return Math.max(0.2, rng.beta(4, 2));
}

export { TRADE };
