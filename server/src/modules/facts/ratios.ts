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
  const ibd = interestBearingDebt(c);
  const e = ebit(f);
  const ed = ebitda(f);
  const rev = flow(f.revenue);
  const np = flow(f.netProfit);
  const inv = val(c, 'inventory');
  const stDebt = sumPresent([c.stBorrowings, c.currentPortionLtd]);

  const out: Record<string, Computed> = {};
  out.currentRatio = div(ca, cl, 'total current assets', 'total current liabilities');
  out.quickRatio = ca === undefined || inv === undefined ? none(ca === undefined ? 'total current assets is missing' : 'inventory is missing') : div(ca - inv, cl, 'quick assets', 'total current liabilities');
  out.quickRatioCashAr =
    cash === undefined || val(c, 'accountsReceivable') === undefined
      ? none(cash === undefined ? 'cash is missing' : 'accounts receivable is missing')
      : div(sumPresent([cash, c.tradingFinancialAssets, c.notesReceivable, c.accountsReceivable]), cl, 'cash and receivables', 'total current liabilities');
  out.workingCapital = ca === undefined || cl === undefined ? none(`${ca === undefined ? 'total current assets' : 'total current liabilities'} is missing`) : finite(ca - cl, 'working capital');
  out.debtToAsset = div(tl, ta, 'total liabilities', 'total assets', { positiveDenominator: true });
  out.tlToEquity = div(tl, te, 'total liabilities', 'total equity', { positiveDenominator: true });
  out.interestBearingDebt = ibd;
  out.ibdToEquity = ibd.value === null ? ibd : div(ibd.value, te, 'interest-bearing debt', 'total equity', { positiveDenominator: true });
  out.ebit = e;
  out.ebitda = ed;
  out.interestCoverage = e.value === null ? e : div(e.value, flow(f.interestExpense), 'EBIT', 'interest expense (TTM)');
  const ieCap = sumPresent([flow(f.interestExpense), flow(f.capitalisedInterest)]);
  out.interestCoverageInclCapitalised =
    e.value === null ? e : f.capitalisedInterest.value === null ? none('capitalised interest is not reported') : div(e.value, ieCap, 'EBIT', 'interest expense incl. capitalised interest');
  out.ebitdaInterestCoverage = ed.value === null ? ed : div(ed.value, flow(f.interestExpense), 'EBITDA', 'interest expense (TTM)');
  out.netMargin = div(np, rev, 'net profit (TTM)', 'revenue (TTM)', { positiveDenominator: true });
  const cogs = flow(f.costOfSales);
  out.grossMargin = rev === undefined || cogs === undefined ? none(`${rev === undefined ? 'revenue' : 'cost of sales'} (TTM) is missing`) : div(rev - cogs, rev, 'gross profit', 'revenue (TTM)', { positiveDenominator: true });
  const avgEq = average(te, val(o, 'totalEquity'), 'total equity', fb);
  out.roe = avgEq.value === null ? avgEq : withNote(div(np, avgEq.value, 'net profit (TTM)', 'average equity', { positiveDenominator: true }), avgEq.note);
  out.roeClosing = div(np, te, 'net profit (TTM)', 'closing equity', { positiveDenominator: true });
  const avgTa = average(ta, val(o, 'totalAssets'), 'total assets', fb);
  out.roa = avgTa.value === null ? avgTa : withNote(div(np, avgTa.value, 'net profit (TTM)', 'average total assets', { positiveDenominator: true }), avgTa.note);
  const tp = flow(f.totalProfit);
  const ie = flow(f.interestExpense);
  out.roaEbit =
    avgTa.value === null ? avgTa : tp === undefined || ie === undefined ? none(`${tp === undefined ? 'total profit' : 'interest expense'} (TTM) is missing`) : withNote(div(tp + ie, avgTa.value, 'total profit + interest expense', 'average total assets', { positiveDenominator: true }), avgTa.note);

  const ar = (s: Statement | undefined) => (p.receivablesIncludeNotes ? sumPresent([val(s, 'accountsReceivable'), val(s, 'notesReceivable')]) : val(s, 'accountsReceivable'));
  const avgAr = average(ar(c), ar(o), 'accounts receivable', fb);
  out.receivablesTurnover = avgAr.value === null ? avgAr : withNote(div(rev, avgAr.value, 'revenue (TTM)', 'average receivables', { positiveDenominator: true }), avgAr.note);
  out.dso = out.receivablesTurnover.value === null ? out.receivablesTurnover : div(p.dayCount, out.receivablesTurnover.value, 'day count', 'receivables turnover');
  const avgInv = average(inv, val(o, 'inventory'), 'inventory', fb);
  out.inventoryTurnover = avgInv.value === null ? avgInv : withNote(div(cogs, avgInv.value, 'cost of sales (TTM)', 'average inventory', { positiveDenominator: true }), avgInv.note);
  out.dio = out.inventoryTurnover.value === null ? out.inventoryTurnover : div(p.dayCount, out.inventoryTurnover.value, 'day count', 'inventory turnover');
  out.cfoToCurrentLiabilities = div(flow(f.cfo), cl, 'CFO (TTM)', 'total current liabilities', { positiveDenominator: true });
  out.netDebt = ibd.value === null ? ibd : cash === undefined ? none('cash is missing') : finite(ibd.value - cash, 'net debt');
  out.netDebtToEbitda = out.netDebt.value === null ? out.netDebt : ed.value === null ? ed : div(out.netDebt.value, ed.value, 'net debt', 'EBITDA (TTM)', { positiveDenominator: true });
  out.debtToEbitda = ibd.value === null ? ibd : ed.value === null ? ed : div(ibd.value, ed.value, 'interest-bearing debt', 'EBITDA (TTM)', { positiveDenominator: true });
  out.cashToShortTermDebt = div(cash, stDebt, 'cash', 'short-term interest-bearing debt');
  out.shortTermDebtShare = ibd.value === null ? ibd : div(stDebt ?? 0, ibd.value, 'short-term interest-bearing debt', 'interest-bearing debt');
  const adv = val(c, 'advancesReceived') ?? 0;
  out.debtToAssetExAdvances = tl === undefined || ta === undefined ? none(`${tl === undefined ? 'total liabilities' : 'total assets'} is missing`) : div(tl - adv, ta - adv, 'liabilities excl. advances', 'assets excl. advances', { positiveDenominator: true });
  out.netGearing = out.netDebt.value === null ? out.netDebt : div(out.netDebt.value, te, 'net debt', 'total equity', { positiveDenominator: true });
  return out;
}

function withNote(c: Computed, note: string | undefined): Computed {
  return c.value === null || note === undefined ? c : ok(c.value, note);
}
