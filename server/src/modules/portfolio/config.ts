/**
 * Generator settings. Every number here is `[CAL]` (portfolio-spec.md): an indicative default, to be calibrated to
 * the bank's own book. Same seed + same config ⇒ byte-identical output.
 */
export interface PortfolioConfig {
  clients: number;
  seed: number;
  /** T0, a quarter end (YYYY-MM-DD). */
  asOf: string;
  /** Inject the §5 data-quality issues (≈0.5 % invalid USCCs, missing fields, unit errors, late quarters). */
  dataQuality: boolean;
  /** Share of international borrowers (§1 book mix). */
  internationalShare: number;
  /** AR(1) persistence of the latent credit index (§3.1). */
  rho: number;
  /** Multiplies the master-scale PD of every grade: the main calibration knob for the NPL share. */
  hazardScale: number;
  /** Share of borrowers whose default predates the window (legacy NPL stock, §3.2). */
  legacyNplShare: number;
  /** Share of defaulted borrowers restructured (§4.5 rule 3: 20–40 %). */
  restructureShare: number;
  /** Share of 损失 balances older than 12 months written off (§4.5 rule 6: 30–50 %). */
  writeOffShare: number;
  /** Share of NPL transferred (sold) (§4.5 rule 6: 5–10 %). */
  transferShare: number;
  /** Share of slow-deterioration borrowers classed 关注 on signals with dpd 0 (§4.5 rule 4). */
  watchOverlayShare: number;
  /** Per-due-date miss probability of a borrower at credit health 0 (technical and short delinquencies; latent.ts `health`). */
  missBase: number;
  /** Share of borrowers that are project-finance SPVs (§2 scale presets: ~5 %). */
  projectShare: number;
  /** Level of the systemic factors over the window, in σ: 0 neutral, −1 a downturn, +1 a boom. */
  macroShift: number;
}

export const DEFAULT_CONFIG: Omit<PortfolioConfig, 'clients' | 'seed' | 'asOf'> = {
  dataQuality: false,
  internationalShare: 0.15,
  rho: 0.9,
  hazardScale: 0.42,
  legacyNplShare: 0.013,
  restructureShare: 0.3,
  writeOffShare: 0.3,
  transferShare: 0.07,
  watchOverlayShare: 0.1,
  missBase: 0.016,
  projectShare: 0.05,
  macroShift: 0,
};

export const GENERATOR_VERSION = '1.0.0';

/** The latest quarter end on or before `day` (YYYY-MM-DD). */
export function lastQuarterEnd(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  const ends: [number, number, number][] = [
    [3, 31, 0],
    [6, 30, 0],
    [9, 30, 0],
    [12, 31, 0],
  ];
  let best = `${y - 1}-12-31`;
  for (const [em, ed] of ends) if (m > em || (m === em && d >= ed)) best = `${y}-${String(em).padStart(2, '0')}-${ed}`;
  return best;
}

export function isQuarterEnd(day: string): boolean {
  return ['03-31', '06-30', '09-30', '12-31'].includes(day.slice(5));
}
