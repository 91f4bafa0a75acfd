/**
 * The latent credit engine (portfolio-spec.md §3): one credit index z per borrower and quarter drives everything
 * observable about it.
 *
 *   z_t = ρ·z_{t−1} + √(1−ρ²)·(√w·M_{s(i),t} + √(1−w)·ε_{i,t})
 *   M_{s,t} = g·G_t + √(1−g²)·B_{section×region,t}       (G global macro, B bucket factor; both AR(1), unit variance)
 *   w(PD)   = 0.12·f + 0.24·(1 − f),  f = (1 − e^(−50·PD)) / (1 − e^(−50))   (Basel corporate correlation)
 *   default in the first reported quarter j (1 … 8) with z_j < Φ⁻¹(1 − (1 − PD)^(j/4))
 */
import type { PortfolioConfig } from './config';
import { type Borrower, type PathArchetype, QUARTERS, WARMUP } from './model';
import { GRADE_PD, GRADE_SHARES, INDUSTRIES, REGIONS } from './reference';
import { normCdf, normInv, Rng, STREAM, Weighted } from './rng';

const FACTOR_RHO = 0.7;
/** Weight of the global macro factor in M (the rest is the section × region bucket) [CAL]. */
const GLOBAL_WEIGHT = 0.35;

export function baselCorrelation(pd: number): number {
  const f = (1 - Math.exp(-50 * pd)) / (1 - Math.exp(-50));
  return 0.12 * f + 0.24 * (1 - f);
}

/** Systemic factors of one book: a global series and one series per (section, region) bucket, made on demand. */
export class Factors {
  private readonly global: number[];
  private readonly buckets = new Map<string, number[]>();

  constructor(
    private readonly seed: number,
    private readonly shift = 0,
  ) {
    this.global = ar1(new Rng(seed, STREAM.macro, 0), shift);
  }

  at(section: string, region: string, t: number): number {
    const key = `${section}:${region}`;
    let b = this.buckets.get(key);
    if (!b) {
      b = ar1(new Rng(this.seed, STREAM.macro, 1 + INDUSTRIES.findIndex((i) => i.section === section), 1 + REGIONS.indexOf(region as (typeof REGIONS)[number])), this.shift);
      this.buckets.set(key, b);
    }
    return GLOBAL_WEIGHT * this.global[t] + Math.sqrt(1 - GLOBAL_WEIGHT * GLOBAL_WEIGHT) * b[t];
  }
}

/**
 * An AR(1) path, detrended and shifted by the scenario: a raw path of a dozen quarters can drift a long way,
 * which moves the whole book's default rate with the seed. Detrending keeps the cycle's wiggles inside the window
 * but a neutral level and no net drift, so every seed lands near the calibration targets; `shift` < 0 is a
 * downturn [CAL].
 */
function ar1(rng: Rng, shift: number): number[] {
  const out: number[] = [];
  let x = rng.normal();
  for (let t = 0; t < QUARTERS; t++) {
    x = FACTOR_RHO * x + Math.sqrt(1 - FACTOR_RHO * FACTOR_RHO) * rng.normal();
    out.push(x);
  }
  // Least-squares line through the path, removed: the cycle's wiggles stay, its net drift over the window goes.
  const n = out.length;
  const tMean = (n - 1) / 2;
  const mean = out.reduce((a, v) => a + v, 0) / n;
  let num = 0;
  let den = 0;
  out.forEach((v, t) => {
    num += (t - tMean) * (v - mean);
    den += (t - tMean) ** 2;
  });
  const slope = num / den;
  return out.map((v, t) => v - mean - slope * (t - tMean) + shift);
}

const GRADES = new Weighted(GRADE_SHARES.map((s, i) => [i + 1, s] as const));
/** Larger firms rate better: a shift of the grade quantile, in standard-normal units [CAL]. */
const SIZE_TILT = { large: -0.3, medium: -0.1, small: 0.15, micro: 0.3 } as const;
const LEGACY_BY_SIZE = { large: 0.5, medium: 0.9, small: 1.1, micro: 1.3 } as const;
/**
 * International borrowers default less often than Chinese ones of the same grade: §7 has a 12-month default rate
 * of 0.6–1.2 % for them (1.0–1.6 % for the Chinese book) and 4–8 % of them with orange or red warnings (6–10 %).
 * At the Chinese hazard they defaulted at 1.2–1.7 % a year [CAL].
 */
const INTERNATIONAL_HAZARD = 0.65;

/** Initial grade, PD, correlation and the z path; legacy NPLs start defaulted. */
export function simulateLatent(b: Borrower, cfg: PortfolioConfig, factors: Factors): void {
  const rng = new Rng(cfg.seed, STREAM.latent, b.index);
  const u = normCdf(normInv(Math.min(0.999999, Math.max(1e-6, rng.next()))) + SIZE_TILT[b.sizeTarget]);
  b.grade0 = GRADES.at(u);
  b.pd = Math.min(0.5, GRADE_PD[b.grade0 - 1] * cfg.hazardScale * (b.international ? INTERNATIONAL_HAZARD : 1));
  b.w = baselCorrelation(b.pd);
  // The NPL stock sits mostly with smaller borrowers [CAL].
  b.legacy = rng.chance(cfg.legacyNplShare * LEGACY_BY_SIZE[b.sizeTarget]);
  const region = b.international ? 'international' : (b.province?.region ?? 'east');
  const a = Math.sqrt(1 - cfg.rho * cfg.rho);
  let z = b.legacy ? -2.5 + 0.5 * rng.normal() : rng.normal();
  b.z = [];
  for (let t = 0; t < QUARTERS; t++) {
    const m = factors.at(b.industry.section, region, t);
    z = cfg.rho * z + a * (Math.sqrt(b.w) * m + Math.sqrt(1 - b.w) * rng.normal());
    if (b.legacy) z = Math.min(z, -1.8);
    b.z.push(z);
  }
  b.defaultQuarter = b.legacy ? null : firstDefault(b);
}

/** The quarter index in which z first crosses its cumulative-PD threshold, within the reported window. */
export function firstDefault(b: Borrower): number | null {
  for (let j = 1; j <= QUARTERS - WARMUP; j++) {
    const t = WARMUP + j - 1;
    if (b.z[t] < normInv(1 - Math.pow(1 - b.pd, j / 4))) return t;
  }
  return null;
}

/**
 * Group and guarantee-chain contagion (§3.4): when a member defaults, each other member takes a negative ε shock
 * with the given probability; its effect on z decays at rate ρ. Defaults are then re-tested.
 */
export function contagion(members: Borrower[], cfg: PortfolioConfig, rng: Rng, p: number, size: [number, number]): void {
  const defaults = members.filter((m) => m.defaultQuarter !== null).map((m) => m.defaultQuarter as number);
  if (!defaults.length) return;
  const first = Math.min(...defaults);
  const a = Math.sqrt(1 - cfg.rho * cfg.rho);
  for (const m of members) {
    if (m.legacy || (m.defaultQuarter !== null && m.defaultQuarter <= first) || !rng.chance(p)) continue;
    const shock = rng.uniform(size[0], size[1]) * a * Math.sqrt(1 - m.w);
    for (let t = first + 1; t < QUARTERS; t++) m.z[t] -= shock * Math.pow(cfg.rho, t - first - 1);
    m.defaultQuarter = firstDefault(m);
  }
}

/** §3.2 path archetype from the shape of z over the reported window (thresholds [CAL] to the target shares). */
export function archetype(b: Borrower): PathArchetype {
  if (b.legacy) return 'legacy_npl';
  if (b.defaultDate !== null) return 'defaulted';
  const start = b.z[WARMUP];
  const end = b.z[QUARTERS - 1];
  const d = (end - start) / 1.02;
  if (d <= -1.7 || end < -2.0 || b.defaultQuarter !== null) return 'distressed';
  if (d <= -1.1) return 'slow_deterioration';
  if (d > 1.34) return 'improving';
  return 'stable';
}

/**
 * Median distance to default of the book, in σ of z: the default threshold of a mid-scale grade sits about 2.6 σ
 * below z = 0 [CAL].
 */
const DD_CENTER = 2.0;

/**
 * Credit health at quarter t: the borrower's distance to default (z above the Φ⁻¹(PD) threshold of its grade),
 * centred on the book's median. z alone says nothing about the grade — a grade-10 borrower at z = 0 is as close
 * to default as a grade-5 one at z = −1.4 — so the observables that the early-warning signals read (margins,
 * coverage, reporting quality, events) follow this instead: about 0 for a typical borrower, below −2 close to
 * default whatever the grade.
 */
export function health(b: Borrower, t: number): number {
  return b.z[t] + gradeAnchor(b.pd);
}

/** −Φ⁻¹(PD) − DD_CENTER, bounded: +1 for the best grades, −1.2 for the worst. */
export function gradeAnchor(pd: number): number {
  return Math.min(1.5, Math.max(-1.5, -normInv(Math.min(0.5, Math.max(1e-6, pd))) - DD_CENTER));
}

/** Per-quarter state for event base rates (§4.8), from credit health. */
export function stateAt(b: Borrower, t: number): 'stable' | 'deteriorating' | 'distressed' {
  const h = health(b, t);
  if (b.legacy || h < -2.4 || (b.defaultQuarter !== null && t >= b.defaultQuarter - 2)) return 'distressed';
  if (h < -1.8 || (t >= 2 && b.z[t] - b.z[t - 2] < -1.2)) return 'deteriorating';
  return 'stable';
}
