/**
 * A formula's answer: a finite value, or null with the reason in plain words. Formulas never return Infinity or
 * NaN: a zero denominator or a missing input becomes null plus a reason a credit officer can act on.
 */
export type Computed<T = number> = { value: T; reason?: undefined; note?: string } | { value: null; reason: string; note?: undefined };

export function ok<T>(value: T, note?: string): Computed<T> {
  return note === undefined ? { value } : { value, note };
}

export function none(reason: string): Computed<never> {
  return { value: null, reason };
}

/** A finite number, or undefined (absent, null, NaN and ±Infinity all count as absent). */
export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

export function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Guards a result: a non-finite number (overflow) becomes null with a reason. */
export function finite(x: number, what: string): Computed {
  return Number.isFinite(x) ? ok(x) : none(`${what} is not a finite number (the inputs overflow)`);
}

export interface DivOptions {
  /** Ratios over equity or EBITDA mean nothing when the base is negative: refuse instead of flipping the sign. */
  positiveDenominator?: boolean;
}

/** numerator / denominator with a reason for every way it can fail. */
export function div(n: number | undefined | null, d: number | undefined | null, nName: string, dName: string, opts: DivOptions = {}): Computed {
  if (!isNum(n)) return none(`${nName} is missing`);
  if (!isNum(d)) return none(`${dName} is missing`);
  if (d === 0) return none(`${dName} is zero`);
  if (opts.positiveDenominator && d < 0) return none(`${dName} is negative, so the ratio is not meaningful`);
  return finite(n / d, `${nName} / ${dName}`);
}

/** Chains computations: the first missing input's reason wins. */
export function first(...xs: Computed<unknown>[]): string | undefined {
  for (const x of xs) if (x.value === null) return x.reason;
  return undefined;
}

/** Sum of the present parts; null when none is present (so "no data" is not read as zero). */
export function sumPresent(parts: (number | undefined | null)[]): number | undefined {
  let total: number | undefined;
  for (const p of parts) if (isNum(p)) total = (total ?? 0) + p;
  return total === undefined || Number.isFinite(total) ? total : undefined;
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
