/**
 * Facts from the financial statements: the §2.1 ratios at the latest statement, trends (§4.2 F01–F05), statement
 * metadata (F07), Altman (§3.4), KMV (§3.3) and the MIIT size class (§5.2).
 */
import { altmanFacts } from './altman';
import type { ClientProfile } from './client-profile';
import { AUDIT_OPINIONS } from './client-statement';
import { type Computed, div, finite, isNum, none, ok } from './computed';
import { daysBetween } from './dates';
import { solveKmv } from './kmv';
import type { DeriveParams } from './params';
import { financialRatios } from './ratios';
import { miitSizeClass, sizeSector } from './size-class';
import { type Timeline, buildTimeline, consecutiveQuarters, fiscalQuarter, quarterFlow, statementMonthsBack, ttmFlow, ttmFlows } from './ttm';

export interface FinancialFacts {
  facts: Record<string, Computed<unknown>>;
  timeline: Timeline;
  /** Why every statement-based fact is null, when there is no usable statement. */
  unavailable?: string;
}

export function financialFacts(profile: ClientProfile, asOf: string, p: DeriveParams): FinancialFacts {
  const t = buildTimeline(profile.statements, asOf, profile.fiscalYearEndMonth ?? 12);
  const out: Record<string, Computed<unknown>> = {};
  const s = t.latest;
  if (!s) {
    const why = profile.statements?.length ? `no statement was available on ${asOf} (period end and report date must be on or before it)` : 'the client has no financial statements';
    return { facts: out, timeline: t, unavailable: why };
  }
  const flows = ttmFlows(t, s, p.annualiseWhenNoTtm);
  const opening = statementMonthsBack(t, s, 12);
  Object.assign(out, financialRatios({ closing: s, opening, flows }, p));

  out.latestPeriodEnd = ok(s.periodEnd);
  out.latestStatementAgeDays = ok(daysBetween(s.periodEnd, asOf) as number);
  out.flowBasis = flows.revenue.value === null ? none(`revenue: ${flows.revenue.reason}`) : ok(flows.revenue.note?.startsWith('annualised') ? 'annualised' : 'ttm', flows.revenue.note);
  out.revenueTtm = flows.revenue;
  out.netProfitTtm = flows.netProfit;
  out.cfoTtm = flows.cfo;
  out.totalAssets = isNum(s.totalAssets) ? ok(s.totalAssets) : none('total assets is missing');
  out.netAssets = isNum(s.totalEquity) ? ok(s.totalEquity) : none('total equity is missing');
  out.negativeEquity = isNum(s.totalEquity) ? ok(s.totalEquity < 0) : none('total equity is missing');

  const audited = [...t.statements].reverse().find((x) => x.auditOpinion !== undefined);
  out.auditOpinion = audited ? ok(audited.auditOpinion as string, `opinion on ${audited.periodEnd}`) : none('no statement carries an audit opinion');
  out.auditOpinionWorseThanStandard = audited ? ok(AUDIT_OPINIONS.indexOf(audited.auditOpinion as (typeof AUDIT_OPINIONS)[number]) >= 2) : none('no statement carries an audit opinion');
  const auditors = t.statements.filter((x) => x.auditor).map((x) => x.auditor as string);
  out.auditorChanged = auditors.length >= 2 ? ok(auditors[auditors.length - 1] !== auditors[auditors.length - 2]) : none('fewer than two statements name an auditor');

  Object.assign(out, trendFacts(t));
  Object.assign(out, warningLineFacts(profile, out.debtToAsset, p));
  const ebit = out.ebit.value as number | null;
  const rev = flows.revenue.value;
  Object.assign(
    out,
    altmanFacts(
      { ...s, ebit: ebit ?? undefined, revenue: rev ?? undefined, marketCap: profile.listed === false ? undefined : profile.marketCap },
      profile.industry?.section,
      p.altmanVariant,
    ),
  );
  Object.assign(out, kmvFacts(profile, t, p));
  out.sizeClassMiit = sizeClassFact(profile, t, rev ?? undefined);
  return { facts: out, timeline: t };
}

/** §5.2 MIIT size class, for Chinese enterprises: revenue = latest full fiscal year (TTM when there is none). */
function sizeClassFact(profile: ClientProfile, t: Timeline, ttmRevenue: number | undefined): Computed<unknown> {
  if ((profile.country ?? '').toUpperCase() !== 'CN') return none('the MIIT size standard applies to Chinese enterprises only');
  const fy = [...t.statements].reverse().find((x) => fiscalQuarter(x.periodEnd, t.fyEndMonth) === 4 && isNum(x.revenue));
  const industry = profile.industry ?? {};
  const sector = sizeSector(industry.section, industry.division, industry.class);
  return miitSizeClass(sector, { employees: profile.employees, revenue: fy ? fy.revenue : ttmRevenue, assets: t.latest?.totalAssets });
}

/** §4.2 F01–F04 trends. */
function trendFacts(t: Timeline): Record<string, Computed<unknown>> {
  const s = t.latest as NonNullable<Timeline['latest']>;
  const out: Record<string, Computed<unknown>> = {};
  out.consecutiveLossQuarters = consecutiveQuarters(t, 'netProfit', (v) => v < 0);
  out.consecutiveNegativeCfoQuarters = consecutiveQuarters(t, 'cfo', (v) => v < 0);
  out.latestQuarterNetProfit = quarterFlow(t, s, 'netProfit');
  out.latestQuarterCfo = quarterFlow(t, s, 'cfo');
  const yearAgo = statementMonthsBack(t, s, 12);
  // §2.1: compare like with like: TTM vs TTM when both can be built, else YTD vs prior-year YTD.
  const now = ttmFlow(t, s, 'revenue', false);
  const then = yearAgo ? ttmFlow(t, yearAgo, 'revenue', false) : none('no statement twelve months earlier');
  if (now.value !== null && then.value !== null) out.revenueGrowth = withNote(div(now.value - then.value, then.value, 'revenue change', 'revenue a year earlier (TTM)', { positiveDenominator: true }), 'TTM vs TTM');
  else if (yearAgo && isNum(s.revenue) && isNum(yearAgo.revenue))
    out.revenueGrowth = withNote(div(s.revenue - yearAgo.revenue, yearAgo.revenue, 'revenue change', 'prior-year YTD revenue', { positiveDenominator: true }), 'YTD vs prior-year YTD');
  else out.revenueGrowth = none(yearAgo ? 'revenue is missing in the latest statement or the one twelve months earlier' : 'no statement twelve months earlier');
  const da = (x: typeof s | undefined) => (x && isNum(x.totalLiabilities) && isNum(x.totalAssets) && x.totalAssets > 0 ? x.totalLiabilities / x.totalAssets : null);
  const a = da(s);
  const b = da(yearAgo);
  out.debtToAssetChangePp = a !== null && b !== null ? finite((a - b) * 100, 'debt-to-asset change') : none(yearAgo ? 'debt-to-asset cannot be computed at both dates' : 'no statement twelve months earlier');
  return out;
}

/** §2.3 SASAC debt-to-asset warning lines: industrial (B, C, D) 70 %, research and design (M) 65 %, other 75 %. */
function warningLineFacts(profile: ClientProfile, debtToAsset: Computed<unknown>, p: DeriveParams): Record<string, Computed<unknown>> {
  const sec = profile.industry?.section;
  const w = p.debtToAssetWarningLines;
  const line = sec === 'B' || sec === 'C' || sec === 'D' ? w.industrial : sec === 'M' ? w.research : w.nonIndustrial;
  return {
    debtToAssetWarningLine: ok(line),
    debtToAssetAboveWarningLine: debtToAsset.value === null ? debtToAsset : ok((debtToAsset.value as number) > line),
  };
}

/**
 * §3.3 inputs from the profile: E = marketCap, σE = equityVol250d, STD = total current liabilities, LTD = total
 * liabilities − current liabilities (KMV's short-term / long-term split of liabilities).
 */
function kmvFacts(profile: ClientProfile, t: Timeline, p: DeriveParams): Record<string, Computed<unknown>> {
  const names = ['kmvAssetValue', 'kmvAssetVolatility', 'kmvDefaultPoint', 'kmvDdMerton', 'kmvDdRiskNeutral', 'kmvDdSimple', 'kmvPdMerton', 'kmvPdRiskNeutral'];
  const s = t.latest;
  const fail = (why: string) => Object.fromEntries(names.map((n) => [n, none(why)]));
  if (!isNum(profile.marketCap) || !isNum(profile.equityVol250d)) return fail('KMV needs market capitalisation and 250-day equity volatility (listed firms only)');
  if (!s || !isNum(s.totalCurrentLiabilities) || !isNum(s.totalLiabilities)) return fail('KMV needs total current and total liabilities');
  const r = solveKmv({
    equity: profile.marketCap,
    equityVol: profile.equityVol250d,
    shortTermDebt: s.totalCurrentLiabilities,
    longTermDebt: Math.max(0, s.totalLiabilities - s.totalCurrentLiabilities),
    riskFreeRate: p.riskFreeRate,
    horizonYears: p.horizonYears,
    assetDrift: p.assetDrift,
  });
  if (r.value === null) return fail(r.reason);
  const k = r.value;
  const noMu = none('params.assetDrift (μ) is not set');
  return {
    kmvAssetValue: ok(k.assetValue, `${k.iterations} iterations`),
    kmvAssetVolatility: ok(k.assetVol),
    kmvDefaultPoint: ok(k.defaultPoint),
    kmvDdMerton: k.ddMerton === null ? noMu : ok(k.ddMerton),
    kmvDdRiskNeutral: ok(k.ddRiskNeutral),
    kmvDdSimple: ok(k.ddSimple),
    kmvPdMerton: k.pdMerton === null ? noMu : ok(k.pdMerton),
    kmvPdRiskNeutral: ok(k.pdRiskNeutral),
  };
}

function withNote(c: Computed, note: string): Computed {
  return c.value === null ? c : ok(c.value, note);
}
