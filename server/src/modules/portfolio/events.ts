/**
 * Raw early-warning events (portfolio-spec.md §4.8): base rates per borrower-quarter by the borrower's state
 * (stable / deteriorating / distressed), a red event 0–6 months (median 2) before a default's first 91 dpd, and
 * neutral events (≈ 4 % a quarter) to test false positives. Events lead or coincide with z (§3.3).
 */
import type { ClientEvent } from '../facts/client-profile';
import type { EventType } from '../facts/client-event';
import { EVENT_TYPES } from '../facts/client-event';
import { addDays } from './days';
import { quarterEnds } from './financials';
import { stateAt } from './latent';
import { type Borrower, QUARTERS, WARMUP } from './model';
import { Rng, STREAM } from './rng';

type State = 'stable' | 'deteriorating' | 'distressed';
/**
 * §4.8 base rates per borrower-quarter (stable, deteriorating, distressed). Three stable-state rates sit below the
 * table [CAL]: assets frozen 0.05 % (table 0.2 %), dishonest debtor 0.02 % (0.05 %) and equity pledges ≥ 80 %
 * 0.05 % (0.5 %). Each is an orange or red signal for a year (the event look-back), so at the table's rates they
 * alone would flag ≈ 3 % of healthy borrowers, a third of the §7 budget of 6–10 % orange-or-red borrowers.
 */
const RATES: [EventType, number, number, number, string][] = [
  ['litigation', 0.03, 0.1, 0.35, '法院公告'],
  ['administrative_penalty', 0.02, 0.04, 0.08, '市场监管'],
  ['negative_news', 0.02, 0.08, 0.3, '舆情'],
  ['assets_frozen', 0.0005, 0.02, 0.25, '执行信息'],
  ['key_person_missing', 0.0002, 0.003, 0.05, '客户经理走访'],
  ['dishonest_debtor', 0.0002, 0.005, 0.15, '执行信息'],
  ['equity_pledge', 0.0005, 0.03, 0.1, '工商登记'],
];
/**
 * Litigation claim as a share of net assets: log-normal, median by state [CAL]. A healthy firm's suits are ordinary
 * commercial disputes (median 1 %, rarely the 10 % that makes signal N03); a failing one's are creditors' claims.
 */
const CLAIM_MEDIAN = { stable: 0.01, deteriorating: 0.04, distressed: 0.12 } as const;
const NEUTRAL: EventType[] = ['capital_increase', 'new_contract', 'award', 'management_change'];
const RED_BEFORE_DEFAULT: EventType[] = ['assets_frozen', 'accounts_frozen', 'dishonest_debtor', 'key_person_missing', 'litigation'];
const col = (s: State) => (s === 'stable' ? 1 : s === 'deteriorating' ? 2 : 3);

export function buildEvents(b: Borrower, asOf: string, seed: number, netAssetsCny: number, rated: boolean): ClientEvent[] {
  const rng = new Rng(seed, STREAM.events, b.index);
  const ends = quarterEnds(asOf);
  const out: ClientEvent[] = [];
  const add = (type: EventType, date: string, source: string, extra: Partial<ClientEvent> = {}) => {
    const detected = addDays(date, rng.int(0, 30));
    if (detected > asOf || date <= ends[WARMUP - 1]) return;
    out.push({ type, date, detectedDate: detected, source, confidence: Math.round(rng.uniform(0.6, 1) * 100) / 100, status: 'new', text: EVENT_TYPES[type].zh, ...extra });
  };
  const claim = (share: number) => Math.round((Math.max(netAssetsCny, 1_000_000) * Math.min(2, share)) / b.fx);
  const amount = (lo: number, hi: number) => claim(rng.uniform(lo, hi));
  for (let t = WARMUP; t < QUARTERS; t++) {
    const state = stateAt(b, t);
    const day = () => addDays(ends[t - 1], rng.int(1, 90));
    for (const [type, ...rest] of RATES) {
      const p = rest[col(state) - 1] as number;
      if (!rng.chance(p)) continue;
      const source = rest[3] as string;
      if (type === 'negative_news' && state === 'stable' && rng.chance(0.5)) add(type, day(), source, { status: 'false_positive', confidence: 0.3 });
      else if (type === 'litigation') add(type, day(), source, { amount: claim(CLAIM_MEDIAN[state] * Math.exp(0.9 * rng.normal())) });
      else if (type === 'assets_frozen') add(type, day(), source, { amount: amount(0.02, 0.3) });
      else if (type === 'administrative_penalty') add(type, day(), source, { amount: amount(0.001, 0.01) });
      else if (type === 'equity_pledge') add(type, day(), source, { share: Math.round(rng.uniform(0.8, 0.98) * 100) / 100 });
      else add(type, day(), source);
    }
    // External downgrades: 1.5 % a quarter in the stable state, below the table's 3 % [CAL] (a downgrade of an issuer
    // rated below investment grade is an orange signal, N06).
    if (rated && rng.chance([0.015, 0.15, 0.4][col(state) - 1])) add('rating_downgrade', day(), '评级机构', { notches: rng.int(1, 3) });
    if (rng.chance(0.04)) add(rng.pick(NEUTRAL), day(), rng.pick(['工商登记', '新闻', '客户经理走访']), { status: 'verified' });
  }
  if (b.defaultDate) {
    const lead = Math.min(180, Math.round(rng.gamma(2, 30)));
    add(rng.pick(RED_BEFORE_DEFAULT), addDays(b.defaultDate, -lead), '执行信息', { status: 'verified', confidence: 0.95 });
  }
  return out.sort((a, c) => (a.date < c.date ? -1 : a.date > c.date ? 1 : 0));
}
