/**
 * Merton / KMV distance to default, domain.md §3.3 (worked example: V = 885.2, σV = 18.08 %, DD 3.40 / 3.23 / 2.41).
 *
 *   E = V·N(d1) − D·e^(−rT)·N(d2),  d1 = [ln(V/D) + (r + σV²/2)T] / (σV√T),  d2 = d1 − σV√T,  σE·E = N(d1)·σV·V
 *   D = default point DPT = short-term debt + ½ × long-term debt
 *
 * Solved by the fixed-point iteration of §3.3 (method 1): V₀ = E + D, σV₀ = σE·E/(E + D); repeat
 * V ← (E + D·e^(−rT)·N(d2)) / N(d1), σV ← σE·E / (V·N(d1)) until |ΔV| < 1e-8·V.
 * The two DD families are not interchangeable ([DISAGREE] §3.3), so all three are reported under their own names.
 */
import { type Computed, isNum, none, ok } from './computed';

/**
 * Standard normal CDF, W. J. Cody's rational approximations as arranged by G. West ("Better approximations to
 * cumulative normal functions", 2005): double precision, accurate to about 1e-15.
 */
export function normCdf(x: number): number {
  const z = Math.abs(x);
  let c: number;
  if (z > 37) c = 0;
  else {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      c = (e * n) / d;
    } else {
      let d = z + 0.65;
      d = z + 4 / d;
      d = z + 3 / d;
      d = z + 2 / d;
      d = z + 1 / d;
      c = e / d / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

export interface KmvInputs {
  /** Market value of equity. */
  equity: number;
  /** Annualised equity volatility (decimal). */
  equityVol: number;
  shortTermDebt: number;
  longTermDebt: number;
  riskFreeRate: number;
  horizonYears: number;
  /** Expected asset return μ for the physical-measure DD; omit to skip it. */
  assetDrift?: number | null;
}

export interface KmvResult {
  assetValue: number;
  assetVol: number;
  defaultPoint: number;
  iterations: number;
  /** [ln(V/DPT) + (μ − σV²/2)T] / (σV√T); null without μ. */
  ddMerton: number | null;
  /** d2 at D = DPT: [ln(V/DPT) + (r − σV²/2)T] / (σV√T). */
  ddRiskNeutral: number;
  /** (V − DPT) / (σV·V). */
  ddSimple: number;
  pdMerton: number | null;
  pdRiskNeutral: number;
}

/** DPT = STD + ½·LTD, KMV's empirical default point. */
export function defaultPoint(shortTermDebt: number, longTermDebt: number): number {
  return shortTermDebt + 0.5 * longTermDebt;
}

export function solveKmv(i: KmvInputs, maxIterations = 500): Computed<KmvResult> {
  const { equity: E, equityVol: sE, riskFreeRate: r, horizonYears: T } = i;
  if (!(E > 0)) return none('market capitalisation must be positive');
  if (!(sE > 0)) return none('equity volatility must be positive');
  if (!(T > 0)) return none('the horizon must be positive');
  const D = defaultPoint(i.shortTermDebt, i.longTermDebt);
  if (!(D > 0)) return none('the default point (short-term debt + ½ long-term debt) must be positive');
  const sqrtT = Math.sqrt(T);
  const disc = D * Math.exp(-r * T);
  let V = E + D;
  let sV = (sE * E) / (E + D);
  for (let it = 1; it <= maxIterations; it++) {
    const d1 = (Math.log(V / D) + (r + (sV * sV) / 2) * T) / (sV * sqrtT);
    const d2 = d1 - sV * sqrtT;
    const n1 = normCdf(d1);
    if (!(n1 > 0)) return none('the iteration left the region where N(d1) > 0');
    const nextV = (E + disc * normCdf(d2)) / n1;
    const nextSV = (sE * E) / (nextV * n1);
    const done = Math.abs(nextV - V) < 1e-8 * nextV;
    V = nextV;
    sV = nextSV;
    if (!Number.isFinite(V) || !Number.isFinite(sV) || sV <= 0) return none('the fixed-point iteration diverged');
    if (done) return ok(distances(V, sV, D, i, it));
  }
  return none(`the fixed-point iteration did not converge in ${maxIterations} steps`);
}

function distances(V: number, sV: number, D: number, i: KmvInputs, iterations: number): KmvResult {
  const T = i.horizonYears;
  const den = sV * Math.sqrt(T);
  const mu = isNum(i.assetDrift) ? i.assetDrift : null;
  const ddMerton = mu === null ? null : (Math.log(V / D) + (mu - (sV * sV) / 2) * T) / den;
  const ddRiskNeutral = (Math.log(V / D) + (i.riskFreeRate - (sV * sV) / 2) * T) / den;
  return {
    assetValue: V,
    assetVol: sV,
    defaultPoint: D,
    iterations,
    ddMerton,
    ddRiskNeutral,
    ddSimple: (V - D) / (sV * V),
    pdMerton: ddMerton === null ? null : normCdf(-ddMerton),
    pdRiskNeutral: normCdf(-ddRiskNeutral),
  };
}

/** Equity value implied by (V, σV): used by the tests to check the solution reprices E. */
export function mertonEquity(V: number, sV: number, D: number, r: number, T: number): number {
  const d1 = (Math.log(V / D) + (r + (sV * sV) / 2) * T) / (sV * Math.sqrt(T));
  return V * normCdf(d1) - D * Math.exp(-r * T) * normCdf(d1 - sV * Math.sqrt(T));
}
