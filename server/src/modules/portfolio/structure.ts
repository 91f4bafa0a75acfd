/**
 * Borrowers of one chunk: identity (§4.2), groups (§4.1), guarantee chains (§4.7), the latent path (§3) with
 * contagion (§3.4), and identifiers. Chunks are fixed runs of consecutive indices, so the book streams out in
 * bounded memory and the same seed always makes the same groups.
 */
import type { Ownership, SizeClass } from '../facts/client-profile';
import { SIZE_RULES, sizeSector } from '../facts/size-class';
import type { PortfolioConfig } from './config';
import { corruptUscc, localRegNo, makeLei, makeUscc } from './identifiers';
import { contagion, type Factors, simulateLatent } from './latent';
import type { Borrower } from './model';
import { COUNTRIES, FX_CNY, GROUP_TYPES, INDUSTRIES, INTL_NAME_WORDS, LEGAL_FORM_INTL, PROJECT_SECTORS, PROVINCES, TRADE_NAME_CHARS } from './reference';
import { Rng, STREAM, Weighted } from './rng';

export const CHUNK = 1000;

const PROVINCE = new Weighted(PROVINCES.map((p) => [p, p.weight] as const));
const COUNTRY = new Weighted(COUNTRIES.map((c) => [c, c[1]] as const));
/**
 * Count weights = exposure share × asset turnover × an empirical correction, so that the exposure mix (not the
 * count mix) lands near §4.2.1: low-turnover industries carry far more debt per borrower, less than their assets
 * suggest since debt is sized to earnings (financials.ts) [CAL].
 */
const COUNT_CORRECTION: Record<string, number> = { A: 17, B: 2.5, C: 4.1, D: 0.62, E: 3, F: 4.4, G: 2.9, I: 2.85, K: 3.2, L: 3.8, N: 0.48, H: 8, M: 1.2, O: 1.3, P: 2.1, Q: 1.8, R: 1.7 };
const INDUSTRY = new Weighted(INDUSTRIES.map((i) => [i, i.exposureShare * i.prior.assetTurnover[0] * (COUNT_CORRECTION[i.section] ?? 1)] as const));
const SIZE = new Weighted<SizeClass>([['large', 15], ['medium', 30], ['small', 40], ['micro', 15]]);
const GROUP_TYPE = new Weighted(GROUP_TYPES);
const NON_LGFV = new Weighted(GROUP_TYPES.filter(([o]) => o !== 'lgfv'));
const PROJECT_SECTOR = new Weighted(PROJECT_SECTORS.map((s) => [s, s.weight] as const));
const M = 1_000_000;

/** Generic revenue bands (yuan) for sectors whose MIIT row has no revenue limit. */
const GENERIC_REVENUE: Record<SizeClass, [number, number]> = { large: [1000 * M, 3000 * M], medium: [100 * M, 1000 * M], small: [10 * M, 100 * M], micro: [1 * M, 10 * M] };
const NEXT: Record<SizeClass, Exclude<SizeClass, 'micro'> | null> = { micro: 'small', small: 'medium', medium: 'large', large: null };

function logUniform(rng: Rng, lo: number, hi: number): number {
  return Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
}

/** Revenue and headcount inside the MIIT band of the target tier for the borrower's industry (§5.2). */
function sizeFigures(rng: Rng, section: string, division: string, klass: string, tier: SizeClass): { revenue: number; employees: number } {
  const rule = SIZE_RULES.find((r) => r.sector === sizeSector(section, division, klass)) ?? SIZE_RULES[SIZE_RULES.length - 1];
  const band = (metric: 'revenue' | 'employees'): [number, number] | null => {
    const lower = tier === 'micro' ? undefined : rule[tier][metric];
    const next = NEXT[tier];
    const upper = next ? rule[next][metric] : undefined;
    if (tier === 'micro') return upper === undefined ? null : [upper * 0.3, upper];
    if (lower === undefined) return null;
    return [lower, upper ?? lower * 3];
  };
  const rb = band('revenue') ?? GENERIC_REVENUE[tier];
  const eb = band('employees') ?? ({ large: [1000, 8000], medium: [200, 1000], small: [30, 200], micro: [3, 20] } as Record<SizeClass, [number, number]>)[tier];
  return { revenue: logUniform(rng, rb[0], rb[1]), employees: Math.max(1, Math.round(logUniform(rng, Math.max(1, eb[0]), eb[1]))) };
}

function tradeName(rng: Rng): [string, string] {
  const n = rng.chance(0.75) ? 2 : 3;
  let zh = '';
  let en = '';
  for (let i = 0; i < n; i++) {
    const [c, p] = rng.pick(TRADE_NAME_CHARS);
    zh += c;
    en += i === 0 ? p : p.toLowerCase();
  }
  return [zh, en];
}

function drawIdentity(i: number, cfg: PortfolioConfig): Borrower {
  const rng = new Rng(cfg.seed, STREAM.identity, i);
  const international = rng.chance(cfg.internationalShare);
  const spv = rng.chance(cfg.projectShare);
  const sector = spv ? PROJECT_SECTOR.pick(rng) : null;
  const industry = sector ? (INDUSTRIES.find((x) => x.section === sector.section) ?? INDUSTRIES[0]) : INDUSTRY.pick(rng);
  const industryClass = rng.pick(industry.classes);
  const country = international ? COUNTRY.pick(rng) : null;
  const province = international ? null : PROVINCE.pick(rng);
  const city = province ? rng.pick(province.cities) : null;
  const currency = country ? (rng.chance(0.05) ? 'CNY' : rng.chance(0.6) ? 'USD' : rng.pick(country[2])) : 'CNY';
  const sizeTarget: SizeClass = spv ? (rng.chance(0.7) ? 'large' : 'medium') : SIZE.pick(rng);
  // A project company's revenue is the project's, not its sponsor's: 50 m – 400 m a year [CAL].
  const fig = spv ? { revenue: logUniform(rng, 50 * M, 400 * M), employees: rng.int(20, 300) } : sizeFigures(rng, industry.section, industryClass[0].slice(0, 2), industryClass[0], sizeTarget);
  const lgfvCandidate = !international && (industry.section === 'L' || industry.section === 'N');
  const ownership: Ownership = international ? (rng.chance(0.3) ? 'soe_central' : 'foreign') : lgfvCandidate && rng.chance(0.35) ? 'lgfv' : NON_LGFV.pick(rng);
  const listed = !spv && (sizeTarget === 'large' ? rng.chance(0.12) : sizeTarget === 'medium' ? rng.chance(0.03) : false);
  return {
    index: i,
    borrowerId: `B${String(i + 1).padStart(8, '0')}`,
    international,
    country: country ? country[0] : 'CN',
    currency,
    fx: FX_CNY[currency] ?? 1,
    province,
    city,
    industry,
    industryClass: sector ? [industryClass[0], sectorWord(sector.sector)[0], sectorWord(sector.sector)[1]] : industryClass,
    ownership,
    sizeTarget,
    revenue0: fig.revenue,
    employees: fig.employees,
    listed,
    spv,
    projectSector: sector ? sector.sector : null,
    groupId: null,
    groupType: null,
    groupMembers: [],
    chainMembers: [],
    controllerId: `P${String(hashInt(cfg.seed, i) % 100_000_000).padStart(8, '0')}`,
    grade0: 5,
    pd: 0,
    w: 0,
    z: [],
    legacy: false,
    defaultQuarter: null,
    defaultDate: null,
    path: 'stable',
    uscc: null,
    lei: null,
    localRegNo: null,
    name: '',
    nameEn: '',
    dq: [],
  };
}

export function sectorWord(sector: string): [string, string] {
  const words: Record<string, [string, string]> = {
    solar: ['光伏发电', 'Solar Power'], onshore_wind: ['风力发电', 'Wind Power'], offshore_wind: ['海上风电', 'Offshore Wind'], hydro: ['水电', 'Hydropower'],
    toll_road: ['高速公路', 'Expressway'], port_logistics: ['港口物流', 'Port Logistics'], water_waste: ['水务环保', 'Water & Waste'], data_centre: ['数据中心', 'Data Centre'],
    lng_petrochem: ['石化', 'Petrochemical'], mining: ['矿业', 'Mining'], ppp_availability: ['城市基础设施', 'Urban Infrastructure'],
  };
  return words[sector] ?? ['项目', 'Project'];
}

function hashInt(seed: number, i: number): number {
  return new Rng(seed, STREAM.structure, i, 99).int(0, 99_999_999);
}

/** Groups: consecutive borrowers, 60 % standalone, other groups of 2 + Geometric(0.45) members (§4.1). */
function formGroups(chunk: Borrower[], cfg: PortfolioConfig, rng: Rng): Borrower[][] {
  const groups: Borrower[][] = [];
  for (let k = 0; k < chunk.length; ) {
    if (rng.chance(0.828)) {
      k++;
      continue;
    }
    const size = Math.min(30, 2 + rng.geometric(0.45), chunk.length - k);
    const members = chunk.slice(k, k + size);
    const lead = members[0];
    const type: Ownership = lead.international ? lead.ownership : lead.ownership === 'lgfv' ? 'lgfv' : GROUP_TYPE.pick(rng);
    const gid = `G${String(lead.index + 1).padStart(7, '0')}`;
    for (const m of members) {
      m.groupId = gid;
      m.groupType = type;
      m.groupMembers = members.filter((x) => x !== m).map((x) => x.index);
      m.controllerId = lead.controllerId;
      if (rng.chance(0.9) && !(m.international && type === 'lgfv')) m.ownership = type;
      if (m !== lead && m.international === lead.international && lead.province && rng.chance(0.7)) {
        m.province = lead.province;
        m.city = rng.pick(lead.province.cities);
      }
    }
    groups.push(members);
    k += size;
  }
  return groups;
}

/** Guarantee chains: 3–6 private SMEs of one coastal manufacturing city guaranteeing each other in a cycle (§4.7). */
function formChains(chunk: Borrower[], rng: Rng): Borrower[][] {
  const eligible = chunk.filter(
    (b) => !b.international && !b.spv && b.ownership === 'private' && (b.sizeTarget === 'small' || b.sizeTarget === 'medium') && b.province?.coastalManufacturing && ['C', 'F'].includes(b.industry.section),
  );
  const byProvince = new Map<string, Borrower[]>();
  for (const b of eligible) if (rng.chance(0.45)) byProvince.set(b.province!.code, [...(byProvince.get(b.province!.code) ?? []), b]);
  const chains: Borrower[][] = [];
  for (const list of byProvince.values()) {
    for (let k = 0; k + 3 <= list.length; ) {
      const size = Math.min(list.length - k, rng.int(3, 6));
      const members = list.slice(k, k + size);
      for (const m of members) {
        m.city = members[0].city;
        m.chainMembers = members.filter((x) => x !== m).map((x) => x.index);
      }
      chains.push(members);
      k += size;
    }
  }
  return chains;
}

function identify(b: Borrower, cfg: PortfolioConfig): void {
  const rng = new Rng(cfg.seed, STREAM.identity, b.index, 7);
  const [tzh, ten] = tradeName(rng);
  const [word, wordEn] = [b.industryClass[1], b.industryClass[2]];
  if (b.international) {
    const legal = LEGAL_FORM_INTL[b.country] ?? ['Ltd', 'Limited'];
    b.name = `${rng.pick(INTL_NAME_WORDS)} ${wordEn} ${legal[1]}`;
    b.nameEn = b.name;
    b.lei = makeLei(rng);
    b.localRegNo = localRegNo(b.country, rng);
    return;
  }
  const suffix = b.spv ? '项目有限公司' : rng.chance(0.2) ? '股份有限公司' : '有限公司';
  const suffixEn = b.spv ? 'Project Co., Ltd.' : 'Co., Ltd.';
  b.name = `${b.city![1]}${tzh}${word}${suffix}`;
  b.nameEn = `${b.city![2]} ${ten} ${wordEn} ${suffixEn}`;
  const u = rng.next();
  const category = b.sizeTarget === 'micro' && u < 0.05 ? '92' : u > 0.99 ? '93' : '91';
  b.uscc = makeUscc(category as '91' | '92' | '93', b.city![0], b.index, cfg.seed);
  if (b.sizeTarget === 'large' && rng.chance(0.3)) b.lei = makeLei(rng);
  if (cfg.dataQuality && new Rng(cfg.seed, STREAM.quality, b.index, 1).chance(0.005)) {
    b.uscc = corruptUscc(b.uscc, rng);
    b.dq.push('invalid_uscc');
  }
}

/** Borrowers [start, start + count): identity, structure, latent paths with contagion, identifiers. */
export function buildChunk(start: number, count: number, cfg: PortfolioConfig, factors: Factors): Borrower[] {
  const chunk: Borrower[] = [];
  for (let i = start; i < start + count; i++) chunk.push(drawIdentity(i, cfg));
  const rng = new Rng(cfg.seed, STREAM.structure, Math.floor(start / CHUNK));
  const groups = formGroups(chunk, cfg, rng);
  const chains = formChains(chunk, rng);
  for (const b of chunk) simulateLatent(b, cfg, factors);
  for (const g of groups) contagion(g, cfg, rng, 0.4, [0.5, 1.5]);
  for (const c of chains) contagion(c, cfg, rng, 0.3, [0.3, 1.0]);
  for (const b of chunk) identify(b, cfg);
  return chunk;
}
