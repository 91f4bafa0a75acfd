/**
 * Display helpers of the decision log only. The ones other areas use too (dates, actors, reasons and outputs) are in
 * src/components/format/.
 */

/** `sha256:b28ee35d…` — enough to tell versions apart in a table; the full hash is shown where it matters. */
export function shortHash(hash: string): string {
  const [algo, hex] = hash.includes(':') ? hash.split(':', 2) : ['', hash];
  return `${algo ? `${algo}:` : ''}${hex.slice(0, 12)}…`;
}

export function latencyText(ms: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: ms < 10 ? 2 : 0 }).format(ms)} ms`;
}

/** The reasons a fired rule gave (`event.params.reasons` then `event.params.reason`). */
export function ruleReasons(params: Record<string, unknown> | undefined): unknown[] {
  if (!params) return [];
  const many = params.reasons;
  const one = params.reason;
  return [...(Array.isArray(many) ? many : many !== undefined ? [many] : []), ...(one !== undefined ? [one] : [])];
}
