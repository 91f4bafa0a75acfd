/**
 * Altman Z-score family, domain.md §3.4.
 *
 *   X1 = working capital / TA   X2 = retained earnings / TA   X3 = EBIT / TA   X5 = sales / TA
 *   X4 = market equity / TL (Z) or book equity / TL (Z′, Z″)
 *   Z   (1968) = 1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1.0·X5        zones < 1.81 / 1.81–2.99 / > 2.99
 *   Z′         = 0.717·X1 + 0.847·X2 + 3.107·X3 + 0.420·X4 + 0.998·X5  zones < 1.23 / 1.23–2.90 / > 2.90
 *   Z″         = 6.56·X1 + 3.26·X2 + 6.72·X3 + 1.05·X4               zones < 1.10 / 1.10–2.60 / > 2.60
 *   EMS        = Z″ + 3.25                                           zones < 4.35 / 4.35–5.85 / > 5.85
 *
 * Z″ zones are 1.10 / 2.60 (Altman's papers), not creditguru's 1.23 / 2.90 ([DISAGREE] in §3.4). EBIT and
 * sales are TTM; balances are the latest statement. The zone boundaries themselves count as grey.
 */
import type { IndustrySection } from './client-profile';
import { type Computed, div, finite, none, ok } from './computed';
import type { AltmanVariantChoice } from './params';

export type AltmanZone = 'distress' | 'grey' | 'safe';
export type AltmanVariant = 'Z' | 'Z_PRIME' | 'Z_DOUBLE_PRIME' | 'EMS';

export interface AltmanX {
  x1: number;
  x2: number;
  x3: number;
  /** Book equity / TL. */
  x4Book: number;
  /** Market equity / TL; undefined for unlisted firms. */
  x4Market?: number;
  x5: number;
}

export const ALTMAN_ZONES: Record<AltmanVariant, [number, number]> = {
  Z: [1.81, 2.99],
  Z_PRIME: [1.23, 2.9],
  Z_DOUBLE_PRIME: [1.1, 2.6],
  EMS: [4.35, 5.85],
};

export function altmanZ(x: AltmanX): Computed {
  if (x.x4Market === undefined) return none('the original Z needs the market value of equity (listed firms only)');
  return finite(1.2 * x.x1 + 1.4 * x.x2 + 3.3 * x.x3 + 0.6 * x.x4Market + 1.0 * x.x5, 'Z');
}

export function altmanZPrime(x: AltmanX): Computed {
  return finite(0.717 * x.x1 + 0.847 * x.x2 + 3.107 * x.x3 + 0.42 * x.x4Book + 0.998 * x.x5, 'Z′');
}

export function altmanZDoublePrime(x: AltmanX): Computed {
  return finite(6.56 * x.x1 + 3.26 * x.x2 + 6.72 * x.x3 + 1.05 * x.x4Book, 'Z″');
}

export function altmanEms(x: AltmanX): Computed {
  const z = altmanZDoublePrime(x);
  return z.value === null ? z : finite(z.value + 3.25, 'EMS');
}

export function altmanZoneOf(variant: AltmanVariant, score: number): AltmanZone {
  const [lo, hi] = ALTMAN_ZONES[variant];
  return score < lo ? 'distress' : score > hi ? 'safe' : 'grey';
}

/**
 * Which model sets altmanZone when params.altmanVariant is 'auto': §3.4 gives Z to listed manufacturers,
 * Z′ to private (here: unlisted) manufacturers, Z″ to non-manufacturers and emerging markets.
 */
export function chooseAltmanVariant(choice: AltmanVariantChoice, section: IndustrySection | undefined, hasMarketEquity: boolean): Exclude<AltmanVariant, 'EMS'> {
  if (choice !== 'auto') return choice;
  if (section === 'C') return hasMarketEquity ? 'Z' : 'Z_PRIME';
  return 'Z_DOUBLE_PRIME';
}

export interface AltmanInputs {
  totalCurrentAssets?: number;
  totalCurrentLiabilities?: number;
  totalAssets?: number;
  totalLiabilities?: number;
  totalEquity?: number;
  retainedEarnings?: number;
  ebit?: number;
  revenue?: number;
  marketCap?: number;
}

/** X1–X5 from statement figures, or the first missing input. */
export function altmanRatios(i: AltmanInputs): Computed<AltmanX> {
  if (i.totalCurrentAssets === undefined || i.totalCurrentLiabilities === undefined) return none('working capital needs total current assets and liabilities');
  const parts = {
    x1: div(i.totalCurrentAssets - i.totalCurrentLiabilities, i.totalAssets, 'working capital', 'total assets', { positiveDenominator: true }),
    x2: div(i.retainedEarnings, i.totalAssets, 'retained earnings', 'total assets', { positiveDenominator: true }),
    x3: div(i.ebit, i.totalAssets, 'EBIT (TTM)', 'total assets', { positiveDenominator: true }),
    x4Book: div(i.totalEquity, i.totalLiabilities, 'book equity', 'total liabilities', { positiveDenominator: true }),
    x5: div(i.revenue, i.totalAssets, 'revenue (TTM)', 'total assets', { positiveDenominator: true }),
  };
  for (const c of Object.values(parts)) if (c.value === null) return c;
  const x4m = i.marketCap === undefined ? undefined : div(i.marketCap, i.totalLiabilities, 'market cap', 'total liabilities', { positiveDenominator: true }).value ?? undefined;
  return ok({
    x1: parts.x1.value as number,
    x2: parts.x2.value as number,
    x3: parts.x3.value as number,
    x4Book: parts.x4Book.value as number,
    x4Market: x4m,
    x5: parts.x5.value as number,
  });
}

/** The altman* facts. */
export function altmanFacts(i: AltmanInputs, section: IndustrySection | undefined, choice: AltmanVariantChoice): Record<string, Computed<unknown>> {
  const xs = altmanRatios(i);
  const names = ['altmanZ', 'altmanZPrime', 'altmanZdd', 'altmanEms', 'altmanZZone', 'altmanZPrimeZone', 'altmanZddZone', 'altmanEmsZone', 'altmanZone', 'altmanVariant'];
  if (xs.value === null) return Object.fromEntries(names.map((n) => [n, xs]));
  const x = xs.value;
  const scores: Record<AltmanVariant, Computed> = { Z: altmanZ(x), Z_PRIME: altmanZPrime(x), Z_DOUBLE_PRIME: altmanZDoublePrime(x), EMS: altmanEms(x) };
  const zone = (v: AltmanVariant): Computed<unknown> => {
    const s = scores[v];
    return s.value === null ? s : ok(altmanZoneOf(v, s.value));
  };
  const variant = chooseAltmanVariant(choice, section, x.x4Market !== undefined);
  const note = `X1 ${x.x1.toFixed(3)}, X2 ${x.x2.toFixed(3)}, X3 ${x.x3.toFixed(3)}, X4 book ${x.x4Book.toFixed(3)}${x.x4Market === undefined ? '' : `, X4 market ${x.x4Market.toFixed(3)}`}, X5 ${x.x5.toFixed(3)}`;
  const chosen = zone(variant);
  return {
    altmanZ: scores.Z,
    altmanZPrime: withNote(scores.Z_PRIME, note),
    altmanZdd: withNote(scores.Z_DOUBLE_PRIME, note),
    altmanEms: scores.EMS,
    altmanZZone: zone('Z'),
    altmanZPrimeZone: zone('Z_PRIME'),
    altmanZddZone: zone('Z_DOUBLE_PRIME'),
    altmanEmsZone: zone('EMS'),
    altmanZone: chosen.value === null ? none(`the ${variant} variant cannot be computed: ${chosen.reason}`) : chosen,
    altmanVariant: ok(variant),
  };
}

function withNote<T>(c: Computed<T>, note: string): Computed<T> {
  return c.value === null ? c : ok(c.value, note);
}
