/**
 * Financial statements from the latent path (portfolio-spec.md §4.3). Quarter by quarter: revenue follows the
 * industry drift and the change in z (one quarter of lag), margins and working capital worsen with z, losses eat
 * retained earnings and so raise leverage, and the balance sheet is built from the ratios with the identities
 * enforced to the yuan: TA = TL + TE, current subtotals sum, RE_t = RE_{t−1} + NI_parent − dividends, and the
 * cash-flow statement ends on the balance-sheet cash (CFF carries the residual). P&L and cash flow are reported
 * year to date, resetting in Q1.
 */
import type { Statement } from '../facts/client-profile';
import { addDays, addMonths } from './days';
import { health } from './latent';
import type { Borrower } from './model';
import { QUARTERS, WARMUP } from './model';
import { normCdf, Rng, STREAM } from './rng';

const FIXED_SHARE: Record<string, number> = { C: 0.35, K: 0.05, D: 0.6, G: 0.55, L: 0.2, N: 0.5, F: 0.1, E: 0.1, B: 0.5, I: 0.15, A: 0.35 };
const AUDITORS = ['立信会计师事务所', '天职国际会计师事务所', '大华会计师事务所', '信永中和会计师事务所', '致同会计师事务所', '容诚会计师事务所', '中审众环会计师事务所', '毕马威华振会计师事务所', '普华永道中天会计师事务所', '安永华明会计师事务所'];
/** Turnover multiplier by size: smaller firms carry more assets (and so more debt) per yuan of revenue [CAL]. */
const SIZE_ATO: Record<string, number> = { large: 1, medium: 0.9, small: 1, micro: 0.6 };
/** Sections whose lenders accept more debt per yuan of EBITDA (long-lived assets, regulated or contracted income). */
const INFRA = new Set(['D', 'G', 'N', 'L', 'K']);
/** Days payable outstanding, on cost of sales; traders turn their payables fastest [CAL]. */
const DPO: Record<string, number> = { F: 30 };

/**
 * Earnings of a borrower relative to its own normal level, from credit health x (latent.ts `health`): flat-ish
 * around the median, falling away as default nears — 0.88 at x = −1, 0.6 at −2, 0.31 at −3 [CAL]. Coverage
 * fails (ICR < 1, net debt / EBITDA > 6: F05 orange) beyond x ≈ −2.3, i.e. close to the default threshold,
 * whatever the grade.
 */
export function earningsFactor(x: number): number {
  return x >= 0 ? 1 + 0.15 * Math.tanh(x) : Math.exp(-0.13 * x * x);
}

export interface QuarterState {
  periodEnd: string;
  /** Balance sheet (yuan). */
  bs: Record<string, number>;
  /** Quarter flows and year-to-date flows (yuan), in FLOW_FIELDS order. */
  q: Float64Array;
  ytd: Float64Array;
}

export interface FinancialResult {
  statements: Statement[];
  quarters: QuarterState[];
  /** Interest-bearing bank debt at T0 (short-term, current portion, long-term borrowings), yuan. */
  bankDebtT0: number;
  /** The MIIT size inputs as derive() reads them on T0 (yuan): the latest published full-year revenue, the latest total assets. */
  revenueTtm: number;
  totalAssetsT0: number;
  equityT0: number;
  netProfitTtm: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function quarterEnds(asOf: string): string[] {
  const out: string[] = [];
  for (let t = 0; t < QUARTERS; t++) out.push(addMonths(asOf, 3 * (t - (QUARTERS - 1))));
  return out;
}

export function generateFinancials(b: Borrower, asOf: string, seed: number, spvRevenue?: number): FinancialResult {
  const rng = new Rng(seed, STREAM.financials, b.index);
  const pr = b.industry.prior;
  const sec = b.industry.section;
  const draw = ([m, s]: [number, number], lo: number, hi: number) => clamp(m + 0.7 * s * rng.normal(), lo, hi);
  const ato = draw(pr.assetTurnover, 0.75 * pr.assetTurnover[0], 1.5 * pr.assetTurnover[0]) * SIZE_ATO[b.sizeTarget];
  // Leverage at the start stays under the SASAC key-monitoring line of domain.md §2.3 (warning line + 5 pp), where
  // the bank's own policy would have stopped lending; only losses and stress push it over (F04 orange) [CAL].
  const da0 = draw(pr.debtToAsset, 0.15, (['B', 'C', 'D'].includes(sec) ? 0.75 : sec === 'M' ? 0.7 : 0.8) - 0.02);
  // Margins of a going concern: half the prior's spread and at least 70 % of its mean — weak earnings come from
  // the credit path (earningsFactor), not from the draw, so a borrower far from default does not look like one [CAL].
  const tight = ([m, sd]: [number, number], hi: number) => clamp(m + 0.5 * sd * rng.normal(), 0.7 * m, hi);
  const gm = tight(pr.grossMargin, 0.85);
  const em = Math.min(tight(pr.ebitdaMargin, 0.7), gm * 0.9);
  const dso = draw(pr.dso, 5, 400);
  const dio = draw(pr.dio, 0, 400);
  // Debt capacity: interest-bearing debt is what lenders advance against earnings, cash on top — net debt /
  // EBITDA at normal earnings around 2 (2.4 for infrastructure-like sections) [CAL]. The rest of the liabilities the
  // D/A prior calls for are operating ones (payables, advances, other and long-term payables).
  const ndToEbitda = clamp(Math.exp(Math.log(INFRA.has(sec) ? 2.4 : 2) + 0.3 * rng.normal()), 0.3, 3.8);
  const cashRatio = rng.uniform(0.04, 0.14);
  const minority = rng.chance(0.4) ? rng.uniform(0.02, 0.15) : 0;
  const fixedShare = clamp((FIXED_SHARE[sec] ?? 0.3) * rng.uniform(0.7, 1.3), 0.02, 0.8);
  // Depreciation: D&A about a third of EBITDA at normal earnings (long-lived infrastructure depreciates slowly,
  // light-asset firms fast), 2–12 % of fixed assets a year [CAL].
  const depRate = clamp((rng.uniform(0.25, 0.45) * em * ato) / fixedShare, 0.02, 0.12);
  const inventoryShare = rng.uniform(0.5, 0.6);
  const rate = rng.uniform(0.035, 0.055);
  const bonds = (b.listed || b.ownership.startsWith('soe') || b.ownership === 'lgfv') && b.sizeTarget === 'large' ? rng.uniform(0.1, 0.3) : 0;
  const season = b.industry.season;
  const ends = quarterEnds(asOf);

  let level = spvRevenue ?? b.revenue0;
  let wcLevel = 0;
  let prevZ = b.z[0];
  const ta0 = level / ato;
  const te0 = ta0 * (1 - da0);
  const paidIn = te0 * 0.3;
  const capRes = te0 * 0.15;
  let re = te0 * 0.5;
  let mi = te0 * 0.05;
  let prev: Record<string, number> | null = null;
  let lastFyNp = 0;
  let ytdNp = 0;
  const quarters: QuarterState[] = [];
  for (let t = 0; t < QUARTERS; t++) {
    // Ratios follow z with one quarter of lag (§3.3); levels follow credit health, changes follow z.
    const zLag = t === 0 ? b.z[0] : b.z[t - 1];
    const h = health(b, t === 0 ? 0 : t - 1);
    const defaulted = b.legacy || (b.defaultQuarter !== null && t > b.defaultQuarter);
    const month = Number(ends[t].slice(5, 7));
    const cq = Math.ceil(month / 3) - 1;
    // Revenue follows the change in z (§4.3 rule 1), the more so the weaker the borrower: a healthy firm's sales
    // hardly move with its credit index, a failing one's fall with it (0.05 at x = 0, 0.09 at −1, 0.13 at −2) [CAL].
    const beta = 0.03 + 0.12 * normCdf(-(h + 1));
    level *= Math.exp(b.industry.drift / 4 + beta * (zLag - prevZ) + 0.015 * rng.normal() - (defaulted ? 0.12 : 0));
    prevZ = zLag;
    const stress = Math.max(0, -h - 0.5);
    const rev = (level / 4) * season[cq];
    // Working capital follows the business with a lag (orders, stock and credit terms adjust over months), so one
    // quarter's revenue swing does not turn its cash flow negative.
    wcLevel = wcLevel === 0 ? level : 0.5 * wcLevel + 0.5 * level;
    const emT = clamp(defaulted ? em * earningsFactor(h) * 0.3 - 0.03 : em * earningsFactor(h), -0.6, 0.9);
    const gmT = clamp(gm + (emT - em), -0.3, 0.9);
    const ta = (level / ato) * (1 + 0.1 * stress);

    // P&L of the quarter. D&A sits inside cost of sales and admin (as in Chinese statements); EBITDA = EBIT + D&A.
    const fixedPrev = prev ? prev.fixedAssets : fixedShare * ta;
    const daQ = (depRate / 4) * fixedPrev;
    const cogs = rev * (1 - gmT);
    const taxes = rev * 0.006;
    let opex = rev * gmT - taxes - rev * emT + daQ;
    if (opex < rev * 0.02) opex = rev * 0.02;
    const cashBase = cashRatio * ta;
    // Cash beyond a year of EBITDA is the borrower's own (net cash), not borrowed. Near default a borrower draws
    // its lines and rolls what it owes: debt about doubles by health −2.5 (what the NPL ratio by balance needs).
    const debtCapacity = (assets: number) => Math.min(0.9 * da0 * assets, Math.min(cashBase, em * level) + ndToEbitda * em * level * (1 + 0.15 * stress + 0.8 * Math.max(0, -h - 1.2)));
    const debtPrev = prev ? prev.ibd : debtCapacity(ta);
    const interest = (debtPrev * (rate + 0.01 * stress)) / 4;
    const cashPrev = prev ? prev.cash : cashRatio * ta;
    const interestIncome = (cashPrev * 0.01) / 4;
    const impairment = stress > 1 ? rev * 0.01 * (stress - 1) + (defaulted ? rev * 0.05 : 0) : 0;
    const invIncome = ta * 0.0004 * rng.normal();
    const finance = interest - interestIncome;
    const op = rev - cogs - taxes - opex - finance + invIncome - impairment;
    const nonOp = rev * 0.002 * rng.normal();
    const tp = op + nonOp;
    const tax = Math.max(0, tp * 0.25);
    const np = tp - tax;
    const npParent = np * (1 - minority);
    const dividend = cq === 1 && lastFyNp > 0 && !defaulted ? lastFyNp * 0.3 : 0;
    re += npParent - dividend;
    mi += np - npParent;
    ytdNp = cq === 0 ? npParent : ytdNp + npParent;
    if (cq === 3) lastFyNp = ytdNp;
    const te = paidIn + capRes + re + mi;
    const tl = Math.max(ta - te, 0.05 * ta);
    const taFinal = te + tl;

    // Balance sheet from the ratios (one fixed-shape object: spreading and re-keying objects is slow in V8).
    const ar = ((dso * (1 + 0.15 * stress)) / 365) * wcLevel;
    const cogsYear = wcLevel * (1 - gmT);
    const payables = ((cogsYear * (DPO[sec] ?? 45)) / 365) * (1 + 0.3 * stress);
    const notesPayable = ['C', 'F'].includes(sec) ? (0.12 * cogsYear * (DPO[sec] ?? 45)) / 365 : 0;
    const advances = sec === 'K' ? 0.1 * tl : (sec === 'E' ? 0.1 : 0.02) * level;
    const operating = payables + notesPayable + advances + 0.02 * level;
    // Operating liabilities come first; a borrower whose liabilities leave little room beside them borrows less
    // (never below 30 % of its liabilities, the operating ones are then scaled down).
    let ibd = Math.min(0.9 * tl, debtCapacity(taFinal));
    // A borrower in difficulty cannot pay its debt down as its earnings shrink: it keeps (and rolls) what it owes.
    if (prev && stress > 0) ibd = Math.min(0.9 * tl, Math.max(ibd, 0.97 * prev.ibd));
    if (ibd + operating > tl) ibd = Math.max(Math.min(ibd, 0.3 * tl), tl - operating);
    const stShare = clamp(0.2 + 0.08 * stress + (['C', 'F'].includes(sec) ? 0.1 : 0), 0.1, 0.8);
    const bs: Record<string, number> = {
      cash: cashRatio * taFinal * clamp(1 + 0.3 * Math.min(h, 1), 0.3, 1.3),
      tradingFinancialAssets: 0.005 * taFinal,
      notesReceivable: ['C', 'F'].includes(sec) ? 0.1 * ar : 0,
      accountsReceivable: ar,
      prepayments: 0.02 * taFinal,
      otherReceivables: (sec === 'L' ? 0.15 : 0.02) * taFinal,
      inventory: sec === 'K' ? (prev ? 0.75 * prev.inventory + 0.25 * inventoryShare * taFinal : inventoryShare * taFinal) : (dio / 365) * cogsYear,
      contractAssets: sec === 'E' ? 0.12 * taFinal : 0,
      otherCurrentAssets: 0.01 * taFinal,
      ltEquityInvestments: (sec === 'L' ? 0.2 : 0.03) * taFinal,
      fixedAssets: fixedShare * taFinal,
      constructionInProgress: (['D', 'G', 'N'].includes(sec) ? 0.1 : 0.04) * taFinal,
      rightOfUseAssets: 0.01 * taFinal,
      intangibles: 0.05 * taFinal,
      goodwill: b.sizeTarget === 'large' ? 0.02 * taFinal : 0,
      otherNonCurrentAssets: 0,
      stBorrowings: ibd * stShare * (1 - bonds),
      currentPortionLtd: ibd * 0.1 * (1 - bonds),
      bondsPayable: ibd * bonds,
      leaseLiabilities: ibd * 0.02,
      ltBorrowings: 0,
      notesPayable,
      accountsPayable: payables,
      advancesReceived: advances,
      otherCurrentLiabilities: 0.02 * level,
      otherNonCurrentLiabilities: 0,
      paidInCapital: paidIn,
      capitalReserve: capRes,
      retainedEarnings: re,
      minorityInterest: mi,
      ibd,
    };
    scaleTo(bs, ASSET_FIELDS, 0.9 * taFinal);
    const sumCurrent = sumOf(bs, ASSET_FIELDS);
    scaleTo(bs, NONCURRENT_FIELDS, taFinal - sumCurrent);
    bs.otherNonCurrentAssets = Math.max(0, taFinal - sumCurrent - sumOf(bs, NONCURRENT_FIELDS));
    bs.ltBorrowings = Math.max(0, ibd - bs.stBorrowings - bs.currentPortionLtd - bs.bondsPayable - bs.leaseLiabilities);
    scaleTo(bs, OPERATING_LIABILITIES, tl - ibd);
    bs.otherNonCurrentLiabilities = Math.max(0, tl - ibd - sumOf(bs, OPERATING_LIABILITIES));
    const cash = bs.cash;

    const wc = (x: Record<string, number>) => x.accountsReceivable + x.notesReceivable + x.inventory + x.prepayments + x.contractAssets - x.accountsPayable - x.notesPayable - x.advancesReceived;
    const dWc = prev ? wc(bs) - wc(prev) : 0;
    const cfo = np + daQ + impairment + finance - dWc;
    const capex = prev ? Math.max(0, bs.fixedAssets - prev.fixedAssets + daQ + bs.constructionInProgress - prev.constructionInProgress) : daQ;
    const cfi = -capex + invIncome;
    const cff = cash - cashPrev - cfo - cfi;
    const sell = opex * 0.35;
    const rdShare = sec === 'I' || sec === 'C' ? 0.2 : 0.05;
    // In FLOW_FIELDS order.
    const q = Float64Array.of(rev, cogs, taxes, sell, opex - sell - opex * rdShare, opex * rdShare, finance, interest, interestIncome, invIncome, impairment, op, nonOp, tp, tax, np, npParent, daQ, cfo, cfi, capex, cff, dividend + interest);
    const ytd = new Float64Array(FLOW_FIELDS.length);
    const before = cq === 0 || !quarters.length ? null : quarters[quarters.length - 1].ytd;
    for (let i = 0; i < q.length; i++) ytd[i] = (before ? before[i] : 0) + q[i];
    quarters.push({ periodEnd: ends[t], bs, q, ytd });
    prev = bs;
  }
  const statements = quarters.slice(WARMUP).map((_, k) => toStatement(b, quarters, WARMUP + k, rng));
  const last = quarters[QUARTERS - 1];
  const ttm = (field: string, end = QUARTERS - 1) => quarters.slice(end - 3, end + 1).reduce((a, x) => a + x.q[FLOW_FIELDS.indexOf(field)], 0);
  // The MIIT size inputs are those of the latest statement published by T0 (what derive() sees on that date).
  let published = statements.length - 1;
  while (published > 0 && (statements[published].reportDate ?? '') > asOf) published--;
  const sizeQuarter = WARMUP + published;
  return {
    statements,
    quarters,
    bankDebtT0: last.bs.stBorrowings + last.bs.currentPortionLtd + last.bs.ltBorrowings,
    revenueTtm: fullYearRevenue(quarters, statements, published, asOf) ?? ttm('revenue', sizeQuarter),
    totalAssetsT0: sumAssets(quarters[sizeQuarter].bs),
    equityT0: last.bs.paidInCapital + last.bs.capitalReserve + last.bs.retainedEarnings + last.bs.minorityInterest,
    netProfitTtm: ttm('netProfit'),
  };
}

const ASSET_FIELDS = ['cash', 'tradingFinancialAssets', 'notesReceivable', 'accountsReceivable', 'prepayments', 'otherReceivables', 'inventory', 'contractAssets', 'otherCurrentAssets'];
const NONCURRENT_FIELDS = ['ltEquityInvestments', 'fixedAssets', 'constructionInProgress', 'rightOfUseAssets', 'intangibles', 'goodwill', 'otherNonCurrentAssets'];
const OPERATING_LIABILITIES = ['notesPayable', 'accountsPayable', 'advancesReceived', 'otherCurrentLiabilities'];
const CL_FIELDS = ['stBorrowings', 'notesPayable', 'accountsPayable', 'advancesReceived', 'currentPortionLtd', 'otherCurrentLiabilities'];
const NCL_FIELDS = ['ltBorrowings', 'bondsPayable', 'leaseLiabilities'];
const EQUITY_FIELDS = ['paidInCapital', 'capitalReserve', 'retainedEarnings', 'minorityInterest'];
const FLOW_FIELDS = ['revenue', 'costOfSales', 'taxesAndSurcharges', 'sellingExpenses', 'adminExpenses', 'rdExpenses', 'financeExpenses', 'interestExpense', 'interestIncome', 'investmentIncome', 'impairmentLosses', 'operatingProfit', 'nonOperatingItems', 'totalProfit', 'incomeTax', 'netProfit', 'netProfitParent', 'da', 'cfo', 'cfi', 'capex', 'cff', 'dividendsInterestPaid'];

/** Revenue of the latest fiscal year (December) whose statement was published by `asOf`. */
function fullYearRevenue(qs: QuarterState[], statements: Statement[], published: number, asOf: string): number | null {
  for (let k = published; k >= 0; k--) {
    if (statements[k].periodEnd.slice(5, 7) === '12' && (statements[k].reportDate ?? '') <= asOf) return qs[WARMUP + k].ytd[0];
  }
  return null;
}

function sumAssets(bs: Record<string, number>): number {
  return sumOf(bs, ASSET_FIELDS) + sumOf(bs, NONCURRENT_FIELDS);
}

const BS_FIELDS = [...ASSET_FIELDS, ...NONCURRENT_FIELDS, ...CL_FIELDS, ...NCL_FIELDS, 'otherNonCurrentLiabilities', ...EQUITY_FIELDS];
const at = (name: string) => BS_FIELDS.indexOf(name);
const [A0, A1, N1, C1, L1, PLUG, E0] = [0, ASSET_FIELDS.length, ASSET_FIELDS.length + NONCURRENT_FIELDS.length, ASSET_FIELDS.length + NONCURRENT_FIELDS.length + CL_FIELDS.length, ASSET_FIELDS.length + NONCURRENT_FIELDS.length + CL_FIELDS.length + NCL_FIELDS.length, at('otherNonCurrentLiabilities'), at('paidInCapital')];
/** Lines the rounding remainder may be taken from, with whether they are current liabilities. */
const TAKE_FROM: [number, boolean][] = [[at('otherCurrentLiabilities'), true], [at('accountsPayable'), true], [at('stBorrowings'), true], [at('ltBorrowings'), false]];

/** One reported statement in the client's currency, whole units, identities exact after rounding. */
function toStatement(b: Borrower, qs: QuarterState[], t: number, rng: Rng): Statement {
  const { bs, periodEnd, ytd } = qs[t];
  const fx = b.fx;
  const v = new Float64Array(BS_FIELDS.length);
  for (let i = 0; i < BS_FIELDS.length; i++) v[i] = i === PLUG ? 0 : Math.round(bs[BS_FIELDS[i]] / fx);
  const range = (from: number, to: number) => {
    let a = 0;
    for (let i = from; i < to; i++) a += v[i];
    return a;
  };
  const tca = range(A0, A1);
  const ta = tca + range(A1, N1);
  const te = range(E0, BS_FIELDS.length);
  let tcl = range(N1, C1);
  let plug = ta - te - tcl - range(C1, L1);
  // Rounding (or a thin liability side) can leave the plug a few units short: take them from other lines.
  for (const [i, current] of TAKE_FROM) {
    if (plug >= 0) break;
    const take = Math.min(v[i], -plug);
    v[i] -= take;
    if (current) tcl -= take;
    plug += take;
  }
  v[PLUG] = plug;
  const month = Number(periodEnd.slice(5, 7));
  const s: Record<string, unknown> = { periodEnd, scope: 'consolidated', currency: b.currency };
  for (let i = 0; i < BS_FIELDS.length; i++) if (v[i] !== 0) s[BS_FIELDS[i]] = v[i];
  s.totalCurrentAssets = tca;
  s.totalAssets = ta;
  s.totalCurrentLiabilities = tcl;
  s.totalLiabilities = ta - te;
  s.totalEquity = te;
  // Year to date (the calendar year is the fiscal year).
  for (let i = 0; i < FLOW_FIELDS.length; i++) {
    const x = Math.round(ytd[i] / fx);
    if (x !== 0) s[FLOW_FIELDS[i]] = x;
  }
  s.closingCash = v[0];
  const h = health(b, t);
  if (month === 12) {
    const audited = rng.chance(b.sizeTarget === 'large' || b.sizeTarget === 'medium' ? 0.85 : 0.4);
    s.audited = audited;
    if (audited) {
      // §4.3: opinions worse than "emphasis" come from borrowers close to default: 0.5 % at x = −1, 27 % at x = −2,
      // 62 % at x = −2.5 — well under the table's 2 % of the book, since each is an orange or red signal (F07) [CAL].
      const bad = normCdf(-2 * (h + 2.3));
      const u = rng.next();
      s.auditOpinion = u < bad * 0.4 ? 'disclaimer' : u < bad * 0.6 ? 'adverse' : u < bad ? 'qualified' : u < bad + 0.02 ? 'emphasis' : 'standard';
      s.auditor = AUDITORS[(b.index + (h < -2 && rng.chance(0.3) ? t : 0)) % AUDITORS.length];
    }
  } else s.audited = false;
  // §4.3 has 5 % of statements late beyond 150 days, more often when z is low. Late filers are borrowers in
  // difficulty: 0.15 % at x = 0, 4 % at x = −1.5, 20 % at −2, 37 % at −2.5 — about 1 % of the book, not 5 %, since
  // a late statement is an orange signal (F07) and §7 caps those at 6–10 % of borrowers [CAL].
  const lateP = 0.0015 + 0.4 * normCdf(-3 * (h + 2));
  const lag = rng.chance(lateP) ? rng.int(151, 200) : month === 12 ? (b.listed ? rng.int(60, 118) : rng.int(60, 120)) : b.listed ? rng.int(20, 30) : rng.int(25, 60);
  s.reportDate = addDays(periodEnd, lag);
  return s as unknown as Statement;
}

function sumOf(o: Record<string, number>, keys: readonly string[]): number {
  let a = 0;
  for (const k of keys) a += o[k];
  return a;
}

/** Scales the named values down (never up) so that they sum to at most `cap`. */
function scaleTo(o: Record<string, number>, keys: readonly string[], cap: number): void {
  const total = sumOf(o, keys);
  if (total <= cap || total <= 0) return;
  const f = Math.max(0, cap) / total;
  for (const k of keys) o[k] *= f;
}
