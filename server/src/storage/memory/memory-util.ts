export const clone = <T>(v: T): T => structuredClone(v);

export function pageLimit(limit: number | undefined, dflt = 50, max = 500): number {
  if (!limit || !Number.isFinite(limit) || limit < 1) return dflt;
  return Math.min(Math.floor(limit), max);
}
