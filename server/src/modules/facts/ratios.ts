/**
 * Corporate financial ratios, domain.md §2.1 (worked example §2.2). Balances come from the latest statement
 * ("closing") and the one twelve months earlier ("opening", for averages); flows are TTM (ttm.ts).
 *
 * Choices where §2.1 leaves one open, each labelled on the fact:
 * - EBIT = total profit + interest expense − interest income (interest income counts as 0 when not reported).
 * - Interest-bearing debt = ST borrowings + current portion of LTD + LT borrowings + bonds payable + lease
 *   liabilities; absent components count as 0, but at least one must be present.
 * - quickRatio deducts inventories; quickRatioCashAr = (cash + trading financial assets + notes receivable +
 *   accounts receivable) / CL, with cash and accounts receivable required.
 * - Ratios over equity or EBITDA are null when the base is negative (the sign flip would read as "good").
 */
import type { FlowField, Statement } from './client-statement';
import { type Computed, div, finite, isNum, none, ok, sumPresent } from './computed';
import type { DeriveParams } from './params';

export interface RatioInputs {
  closing: Statement;
  /** Balance sheet twelve months before `closing`. */
  opening?: Statement;
  /** TTM flows at `closing`. */
  flows: Record<FlowField, Computed>;
}

type Bal = keyof Statement;

const val = (s: Statement | undefined, f: Bal): number | undefined => {
  const v = s?.[f];
  return isNum(v) ? v : undefined;
};

/** (opening + closing) / 2, or the closing balance when the opening one is missing and the params allow it. */
export function average(closing: number | undefined, opening: number | undefined, name: string, fallback: boolean): Computed {
  if (closing === undefined) return none(`${name} is missing`);
  if (opening !== undefined) return ok((opening + closing) / 2);
  return fallback ? ok(closing, `closing ${name} used: no balance sheet twelve months earlier`) : none(`average ${name} needs the balance sheet twelve months earlier`);
}

/** §2.1 interest-bearing debt (policy choice documented in the file comment). */
export function interestBearingDebt(s: Statement): Computed {
  const v = sumPresent([s.stBorrowings, s.currentPortionLtd, s.ltBorrowings, s.bondsPayable, s.leaseLiabilities]);
  return v === undefined ? none('no borrowing, bond or lease line is reported') : ok(v);
}

/** §2.1 EBIT = total profit + interest expense − interest income. */
export function ebit(flows: Record<FlowField, Computed>): Computed {
  const tp = flows.totalProfit;
  const ie = flows.interestExpense;
  if (tp.value === null) return none(`total profit: ${tp.reason}`);
  if (ie.value === null) return none(`interest expense: ${ie.reason}`);
  const ii = flows.interestIncome.value ?? 0;
  return finite(tp.value + ie.value - ii, 'EBIT');
}

/** §2.1 EBITDA = EBIT + depreciation and amortisation. */
export function ebitda(flows: Record<FlowField, Computed>): Computed {
  const e = ebit(flows);
  if (e.value === null) return e;
  if (flows.da.value === null) return none(`D&A: ${flows.da.reason}`);
  return finite(e.value + flows.da.value, 'EBITDA');
}

const flow = (c: Computed): number | undefined => (c.value === null ? undefined : c.value);
const POS = { positiveDenominator: true };

/** a − b when both are present, else the first missing name. */
function minus(a: number | undefined, b: number | undefined, aName: string, bName: string, what: string): Computed {
  if (a === undefined) return none(`${aName} is missing`);
  if (b === undefined) return none(`${bName} is missing`);
  return finite(a - b, what);
}

/** Divides a computed numerator by a computed (or plain) denominator, keeping the first reason and any note. */
function over(n: Computed, d: Computed | number | undefined, nName: string, dName: string, positive = false): Computed {
  if (n.value === null) return n;
  let den: number | undefined;
  let note = n.note;
  if (typeof d === 'object') {
    if (d.value === null) return d;
    den = d.value;
    note = note ?? d.note;
  } else den = d;
  const r = div(n.value, den, nName, dName, positive ? POS : {});
  return r.value === null || note === undefined ? r : ok(r.value, note);
}

/** Every §2.1 ratio at one statement. Keys are fact names. */
export function financialRatios(inp: RatioInputs, p: DeriveParams): Record<string, Computed> {
  const { closing: c, opening: o, flows: f } = inp;
  const fb = p.averageFallbackToClosing;
  const ca = val(c, 'totalCurrentAssets');
  const cl = val(c, 'totalCurrentLiabilities');
  const ta = val(c, 'totalAssets');
  const tl = val(c, 'totalLiabilities');
  const te = val(c, 'totalEquity');
  const cash = val(c, 'cash');
  const inv = val(c, 'inventory');
  const rev = flow(f.revenue);
  const np = flow(f.netProfit);
  const cogs = flow(f.costOfSales);
  const ibd = interestBearingDebt(c);
  const e = ebit(f);
  const ed = ebitda(f);
  const stDebt = sumPresent([c.stBorrowings, c.currentPortionLtd]);
  const out: Record<string, Computed> = {};

  // Liquidity and leverage (balance sheet at the latest statement).
  out.currentRatio = div(ca, cl, 'total current assets', 'total current liabilities');
  out.quickRatio = over(minus(ca, inv, 'total current assets', 'inventory', 'quick assets'), cl, 'quick assets', 'total current liabilities');
  const cashAr = cash === undefined ? none('cash is missing') : val(c, 'accountsReceivable') === undefined ? none('accounts receivable is missing') : ok(sumPresent([cash, c.tradingFinancialAssets, c.notesReceivable, c.accountsReceivable]) as number);
  out.quickRatioCashAr = over(cashAr, cl, 'cash and receivables', 'total current liabilities');
  out.workingCapital = minus(ca, cl, 'total current assets', 'total current liabilities', 'working capital');
  out.debtToAsset = div(tl, ta, 'total liabilities', 'total assets', POS);
  out.tlToEquity = div(tl, te, 'total liabilities', 'total equity', POS);
  out.interestBearingDebt = ibd;
  out.ibdToEquity = over(ibd, te, 'interest-bearing debt', 'total equity', true);
  out.netDebt = ibd.value === null ? ibd : minus(ibd.value, cash, 'interest-bearing debt', 'cash', 'net debt');
  out.netGearing = over(out.netDebt, te, 'net debt', 'total equity', true);
  out.cashToShortTermDebt = div(cash, stDebt, 'cash', 'short-term interest-bearing debt');
  out.shortTermDebtShare = over(ok(stDebt ?? 0), ibd, 'short-term interest-bearing debt', 'interest-bearing debt');
  const adv = val(c, 'advancesReceived') ?? 0;
  const taEx = minus(ta, adv, 'total assets', 'advances received', 'assets excl. advances');
  out.debtToAssetExAdvances = over(minus(tl, adv, 'total liabilities', 'advances received', 'liabilities excl. advances'), taEx, 'liabilities excl. advances', 'assets excl. advances', true);

  // Earnings and coverage (TTM flows).
  out.ebit = e;
  out.ebitda = ed;
  const ie = flow(f.interestExpense);
  out.interestCoverage = over(e, ie, 'EBIT', 'interest expense (TTM)');
  const withCap = f.capitalisedInterest.value === null ? none('capitalised interest is not reported') : ok(sumPresent([ie, flow(f.capitalisedInterest)]) as number);
  out.interestCoverageInclCapitalised = over(e, withCap, 'EBIT', 'interest expense incl. capitalised interest');
  out.ebitdaInterestCoverage = over(ed, ie, 'EBITDA', 'interest expense (TTM)');
  out.netDebtToEbitda = over(out.netDebt, ed, 'net debt', 'EBITDA (TTM)', true);
  out.debtToEbitda = over(ibd, ed, 'interest-bearing debt', 'EBITDA (TTM)', true);
  out.netMargin = div(np, rev, 'net profit (TTM)', 'revenue (TTM)', POS);
  out.grossMargin = over(minus(rev, cogs, 'revenue (TTM)', 'cost of sales (TTM)', 'gross profit'), rev, 'gross profit', 'revenue (TTM)', true);
  out.cfoToCurrentLiabilities = div(flow(f.cfo), cl, 'CFO (TTM)', 'total current liabilities', POS);

  // Returns and turnover over average balances (opening = twelve months earlier).
  const avgEq = average(te, val(o, 'totalEquity'), 'total equity', fb);
  const avgTa = average(ta, val(o, 'totalAssets'), 'total assets', fb);
  out.roe = np === undefined ? none('net profit (TTM) is missing') : over(ok(np), avgEq, 'net profit (TTM)', 'average equity', true);
  out.roeClosing = div(np, te, 'net profit (TTM)', 'closing equity', POS);
  out.roa = np === undefined ? none('net profit (TTM) is missing') : over(ok(np), avgTa, 'net profit (TTM)', 'average total assets', true);
  const tp = flow(f.totalProfit);
  const tpIe = tp === undefined || ie === undefined ? none(`${tp === undefined ? 'total profit' : 'interest expense'} (TTM) is missing`) : ok(tp + ie);
  out.roaEbit = over(tpIe, avgTa, 'total profit + interest expense', 'average total assets', true);
  const ar = (s: Statement | undefined) => (p.receivablesIncludeNotes ? sumPresent([val(s, 'accountsReceivable'), val(s, 'notesReceivable')]) : val(s, 'accountsReceivable'));
  const avgAr = average(ar(c), ar(o), 'accounts receivable', fb);
  out.receivablesTurnover = rev === undefined ? none('revenue (TTM) is missing') : over(ok(rev), avgAr, 'revenue (TTM)', 'average receivables', true);
  out.dso = over(ok(p.dayCount), out.receivablesTurnover, 'day count', 'receivables turnover');
  const avgInv = average(inv, val(o, 'inventory'), 'inventory', fb);
  out.inventoryTurnover = cogs === undefined ? none('cost of sales (TTM) is missing') : over(ok(cogs), avgInv, 'cost of sales (TTM)', 'average inventory', true);
  out.dio = over(ok(p.dayCount), out.inventoryTurnover, 'day count', 'inventory turnover');
  return out;
}
