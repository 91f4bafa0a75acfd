/**
 * Collateral, allocations and guarantees (portfolio-spec.md §4.6–4.7). Appraisals are sized from the drawn amount
 * and a loan-to-value below the type's cap; the current value follows the type's drift and volatility since the
 * appraisal date, so some LTVs drift over the cap (signals N07/N08). Guarantee-chain members guarantee each other
 * in a cycle; a guarantor that defaulted is flagged (signal B05).
 */
import type { Collateral, Guarantee, GuaranteeGiven } from '../facts/client-profile';
import { addMonths } from './days';
import { DEFAULT_PARAMS } from '../facts/params';
import type { FacilityPlan } from './facilities';
import type { Borrower } from './model';
import { COLLATERAL } from './reference';
import { Rng, STREAM, Weighted } from './rng';

export interface Peer {
  /** USCC, else LEI. */
  id: string;
  name: string;
  defaulted: boolean;
  /** Our drawn exposure to the peer (yuan). */
  drawn: number;
}

const MORTGAGE = new Weighted(COLLATERAL.filter((c) => !c.pledge).map((c) => [c, c.weight] as const));
const PLEDGE = new Weighted(COLLATERAL.filter((c) => c.pledge).map((c) => [c, c.weight] as const));
const GUARANTOR = new Weighted<Guarantee['guarantorType']>([['affiliate', 35], ['third_party', 25], ['guarantee_company', 10], ['controller_personal', 20], ['parent_sblc', 10]]);

export interface SecurityResult {
  collateral: Collateral[];
  guarantees: Guarantee[];
  guaranteesGiven: GuaranteeGiven[];
}

export function buildSecurity(b: Borrower, plans: FacilityPlan[], peers: Map<number, Peer>, asOf: string, seed: number, dataQuality: boolean, netAssets: number): SecurityResult {
  const rng = new Rng(seed, STREAM.security, b.index);
  const collateral: Collateral[] = [];
  const guarantees: Guarantee[] = [];
  const r = (x: number) => Math.round(x / b.fx);
  plans.forEach((p) => {
    const f = p.facility;
    const drawn = p.outstanding + p.arrears.overduePrincipal;
    const sec = f.securityType;
    if (f.product === 'project_finance') {
      collateral.push({ id: `C${f.id.slice(1)}-1`, type: 'project_package', appraisedValue: r(drawn * rng.uniform(1.2, 1.5)), appraisalDate: addMonths(asOf, -rng.int(0, 12)) as string, valuationDate: asOf, lienRank: 1, allocations: [{ facilityId: f.id, share: 1 }] });
    } else if (sec === 'mortgage' || sec === 'pledge' || sec === 'combined') {
      const kind = p.trade && sec === 'pledge' ? COLLATERAL.find((c) => c.type === 'deposits_bonds')! : sec === 'pledge' ? PLEDGE.pick(rng) : MORTGAGE.pick(rng);
      const cap = DEFAULT_PARAMS.ltvCaps[kind.type as keyof typeof DEFAULT_PARAMS.ltvCaps] ?? 0.5;
      // Lenders keep headroom under the cap, so an LTV breach (N08) takes a real fall in value [CAL].
      const ltv = cap * rng.uniform(0.4, 0.8);
      const appraised = drawn / ltv;
      const stale = dataQuality && rng.chance(0.05);
      const months = stale ? rng.int(25, 40) : rng.int(0, 24);
      let value = appraised;
      for (let q = 0; q < Math.floor(months / 3); q++) value *= Math.exp(kind.drift + kind.sigma * rng.normal());
      const c: Collateral = {
        id: `C${f.id.slice(1)}-1`,
        type: kind.type as Collateral['type'],
        appraisedValue: r(appraised),
        appraisalDate: addMonths(asOf, -months),
        currentValue: r(value),
        valuationDate: asOf,
        lienRank: rng.chance(0.92) ? 1 : 2,
        allocations: [{ facilityId: f.id, amount: r(appraised) }],
      };
      if (rng.chance(0.1)) c.ownerId = `P${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      if (stale) b.dq.push('stale_appraisal');
      collateral.push(c);
    }
    if (sec === 'guaranteed' || sec === 'combined' || f.product === 'project_finance') {
      const chainPeer = b.chainMembers.length ? peers.get(b.chainMembers[0]) : undefined;
      const groupPeer = b.groupMembers.length ? peers.get(b.groupMembers[rng.int(0, b.groupMembers.length - 1)]) : undefined;
      let type = chainPeer ? 'third_party' : GUARANTOR.pick(rng);
      if (type === 'affiliate' && !groupPeer) type = 'third_party';
      if (type === 'parent_sblc' && !b.international) type = 'guarantee_company';
      const peer = chainPeer ?? (type === 'affiliate' ? groupPeer : undefined);
      const g: Guarantee = {
        guarantorType: type as Guarantee['guarantorType'],
        amount: r(drawn * rng.uniform(0.8, 1.2)),
        jointAndSeveral: rng.chance(0.9),
        facilityIds: [f.id],
      };
      if (peer) {
        g.guarantorId = peer.id;
        g.guarantorName = peer.name;
        if (peer.defaulted) g.guarantorInDefault = true;
      } else if (type === 'controller_personal') g.guarantorId = b.controllerId;
      guarantees.push(g);
    }
  });
  // In a chain each member guarantees the next one's borrowing (a cycle, §4.7).
  const guaranteesGiven: GuaranteeGiven[] = [];
  if (b.chainMembers.length) {
    const beneficiary = peers.get(b.chainMembers[b.chainMembers.length - 1]);
    if (beneficiary) {
      // Sized to the beneficiary's borrowing, within what the guarantor can stand behind (30–90 % of its net
      // assets): the chain signal (B05) comes from defaults in the chain, not from the sizing [CAL].
      const amount = Math.min(beneficiary.drawn * rng.uniform(0.8, 1.2), Math.max(netAssets, 0) * rng.uniform(0.3, 0.9));
      guaranteesGiven.push({ beneficiaryId: beneficiary.id, beneficiaryName: beneficiary.name, amount: r(amount), ...(beneficiary.defaulted ? { beneficiaryInDefault: true } : {}) });
    }
  }
  return { collateral, guarantees, guaranteesGiven };
}
