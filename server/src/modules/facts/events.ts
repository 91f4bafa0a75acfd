/**
 * Event facts for the warning catalogue, domain.md §4.2 (N01–N09, B02, B05) and the §1.1.2 event floors
 * (evading debt → 可疑, bankruptcy liquidation → 损失, unauthorised use of funds → 关注).
 *
 * An event is active when it happened on or before the as-of date, within params.eventLookbackDays, and its status
 * is neither false_positive nor closed. "Days since the last red event" looks at all non-false-positive history.
 */
import type { ClientEvent, EventType, Severity } from './client-event';
import { EVENT_TYPES, SEVERITIES } from './client-event';
import { type Computed, div, isNum, none, ok } from './computed';
import { daysBetween } from './dates';

export function severityOf(e: ClientEvent): Severity | null {
  return e.severity ?? EVENT_TYPES[e.type]?.defaultSeverity ?? null;
}

export function activeEvents(events: ClientEvent[] | undefined, asOf: string, lookbackDays: number): ClientEvent[] {
  return (events ?? []).filter((e) => {
    if (e.status === 'false_positive' || e.status === 'closed') return false;
    const age = daysBetween(e.date, asOf);
    return age !== null && age >= 0 && age <= lookbackDays;
  });
}

export interface EventContext {
  totalAssets?: number;
  netAssets?: number;
}

export function eventFacts(all: ClientEvent[] | undefined, active: ClientEvent[], asOf: string, ctx: EventContext): Record<string, Computed<unknown>> {
  const has = (...types: EventType[]) => active.some((e) => types.includes(e.type));
  const of = (...types: EventType[]) => active.filter((e) => types.includes(e.type));
  const out: Record<string, Computed<unknown>> = {};

  const red = (all ?? []).filter((e) => e.status !== 'false_positive' && e.date <= asOf && severityOf(e) === 'red');
  const lastRed = red.map((e) => e.date).sort().pop();
  out.daysSinceLastRedEvent = lastRed === undefined ? none('no red-level event on record') : ok(daysBetween(lastRed, asOf) as number);

  out.keyPersonMissing = ok(has('key_person_missing', 'key_person_detained'));
  const frozen = of('assets_frozen', 'accounts_frozen', 'equity_frozen');
  out.assetsFrozen = ok(frozen.length > 0);
  out.assetsFrozenShare = amountShare(frozen, ctx.totalAssets, 'frozen assets', 'total assets');
  const suits = of('litigation');
  out.litigationClaims = ok(suits.reduce((a, e) => a + (isNum(e.amount) ? e.amount : 0), 0), unknownAmounts(suits));
  out.litigationToNetAssets = amountShare(suits, ctx.netAssets, 'litigation claims', 'net assets');
  out.dishonestDebtor = ok(has('dishonest_debtor'));
  const penalties = of('administrative_penalty');
  out.administrativePenalty = ok(penalties.length > 0);
  out.penaltyAmount = ok(penalties.reduce((a, e) => a + (isNum(e.amount) ? e.amount : 0), 0), unknownAmounts(penalties));
  out.licenceSuspended = ok(has('licence_suspended'));
  out.negativeNews = ok(has('negative_news'));
  out.negativeNewsConfirmed = ok(of('negative_news').some((e) => e.status === 'verified'));
  const pledges = of('equity_pledge').map((e) => e.share).filter(isNum);
  out.equityPledgeShare = ok(pledges.length ? Math.max(...pledges) : 0);
  out.equityPledgeOver80 = ok(pledges.some((s) => s >= 0.8));
  out.changeOfControl = ok(has('change_of_control'));
  out.pledgedSharesLiquidated = ok(has('pledged_shares_liquidated'));
  out.evadingDebt = ok(has('evading_debt'));
  out.bankruptcyLiquidation = ok(has('bankruptcy_liquidation'));
  out.bankruptcyReorganisation = ok(has('bankruptcy_reorganisation'));
  out.unauthorisedUseOfFunds = ok(has('unauthorised_use_of_funds'));
  out.activeEventTypes = ok([...new Set(active.map((e) => e.type))].sort());
  out.activeSignalIds = ok([...new Set(active.map((e): string | null => EVENT_TYPES[e.type]?.signal ?? null).filter((s): s is string => !!s && s !== 'floor'))].sort());
  const sev = active.map(severityOf).filter((s): s is Severity => s !== null);
  out.highestEventSeverity = sev.length ? ok(SEVERITIES[Math.max(...sev.map((s) => SEVERITIES.indexOf(s)))]) : none('no active event carries a severity');
  return out;
}

function unknownAmounts(es: ClientEvent[]): string | undefined {
  const n = es.filter((e) => !isNum(e.amount)).length;
  return n ? `${n} event(s) without an amount counted as 0` : undefined;
}

/** Σ event amounts / a balance. 0 when there is no such event; null when an event lacks its amount. */
function amountShare(es: ClientEvent[], base: number | undefined, what: string, baseName: string): Computed {
  if (es.length === 0) return ok(0);
  if (es.some((e) => !isNum(e.amount))) return none(`the amount of at least one ${what} event is not known`);
  const total = es.reduce((a, e) => a + (e.amount as number), 0);
  return div(total, base, what, baseName, { positiveDenominator: true });
}
