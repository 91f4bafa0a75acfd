/**
 * The synthetic corporate portfolio (portfolio-spec.md): client profiles, one per borrower, each coherent with one
 * latent credit path. Borrowers stream out chunk by chunk (groups and guarantee chains live inside a chunk), so
 * a book of any size is generated in bounded memory.
 */
import type { ClientProfile, Facility } from '../facts/client-profile';
import { miitSizeClass, sizeSector } from '../facts/size-class';
import type { CalibrationRecord } from './calibration';
import { classify, snapshot } from './classify';
import { DEFAULT_CONFIG, type PortfolioConfig } from './config';
import { buildEvents } from './events';
import { buildLoans, type LoanBook, utilisation } from './facilities';
import { addDays } from './days';
import { type FinancialResult, generateFinancials, quarterEnds } from './financials';
import { archetype, Factors } from './latent';
import type { Borrower, Truth } from './model';
import { buildProject, type ProjectResult } from './project';
import { identityDetails, ratings, relationshipDetails } from './relationship';
import { Rng, STREAM } from './rng';
import { toCurrency } from './schedule';
import { buildSecurity, type Peer } from './security';
import { buildChunk, CHUNK } from './structure';

export interface Generated {
  profile: ClientProfile;
  truth: Truth;
  /** What the calibration summary needs from this client. */
  calibration: CalibrationRecord;
}

interface StageA {
  b: Borrower;
  fin: FinancialResult;
  project: ProjectResult | null;
  book: LoanBook;
}

export function resolveConfig(c: Partial<PortfolioConfig> & Pick<PortfolioConfig, 'clients' | 'seed' | 'asOf'>): PortfolioConfig {
  return { ...DEFAULT_CONFIG, ...c };
}

/** Every client of the book, in index order. */
export function* generatePortfolio(config: PortfolioConfig): Generator<Generated> {
  const factors = new Factors(config.seed, config.macroShift);
  for (let c = 0; c * CHUNK < config.clients; c++) yield* generateChunk(config, c, factors);
}

export function chunkCount(config: PortfolioConfig): number {
  return Math.ceil(config.clients / CHUNK);
}

/** The clients of one chunk (indices c·CHUNK …): chunks are independent, so they can be made in parallel. */
export function generateChunk(config: PortfolioConfig, c: number, factors = new Factors(config.seed, config.macroShift)): Generated[] {
  const ends = quarterEnds(config.asOf);
  const start = c * CHUNK;
  const chunk = buildChunk(start, Math.min(CHUNK, config.clients - start), config, factors);
  const staged = chunk.map((b) => stageA(b, config, ends));
  const peers = new Map<number, Peer>();
  for (const s of staged) peers.set(s.b.index, { id: (s.b.uscc ?? s.b.lei) as string, name: s.b.name, defaulted: s.b.defaultDate !== null, drawn: s.book.drawn });
  return staged.map((s) => stageB(s, peers, config, ends));
}

function stageA(b: Borrower, cfg: PortfolioConfig, ends: string[]): StageA {
  const fin = generateFinancials(b, cfg.asOf, cfg.seed);
  const project = b.spv ? buildProject(b, cfg.asOf, cfg.seed, fin.bankDebtT0) : null;
  const book = buildLoans(b, fin, cfg, ends, project?.plan ?? null);
  const defaultDate = book.firstUnpaid ? addDays(book.firstUnpaid, 91) : null;
  b.defaultDate = defaultDate !== null && defaultDate <= cfg.asOf ? defaultDate : null;
  b.path = archetype(b);
  return { b, fin, project, book };
}

function stageB({ b, fin, project, book }: StageA, peers: Map<number, Peer>, cfg: PortfolioConfig, ends: string[]): Generated {
  const asOf = cfg.asOf;
  const rng = new Rng(cfg.seed, STREAM.facilities, b.index, 2);
  const r = (x: number) => Math.round(x / b.fx);
  const defaulted = b.defaultDate !== null || b.legacy;
  const rt = ratings(b, asOf, cfg.seed, defaulted);

  // The credit-report view (征信): other banks see the same borrower.
  const ours = book.plans.reduce((a, p) => a + p.outstanding + p.arrears.overduePrincipal, 0);
  const totalBank = Math.max(fin.bankDebtT0, ours);
  const otherBank = totalBank - ours;
  const distressedOnly = b.path === 'distressed' && !defaulted;
  const otherOverdue90 = defaulted ? otherBank * rng.uniform(0.3, 1) : distressedOnly && rng.chance(0.03) ? otherBank * rng.uniform(0.25, 0.6) : 0;
  const otherSpecialMention = distressedOnly && rng.chance(0.2) ? otherBank * rng.uniform(0.05, 0.3) : 0;
  const creditReport = {
    reportDate: asOf,
    totalBankDebt: r(totalBank),
    otherBankDebt: r(otherBank),
    otherBankOverdue90: r(otherOverdue90),
    otherBankNpl: r(otherOverdue90),
    otherBankSpecialMention: r(otherSpecialMention),
  };

  const watch = (b.path === 'slow_deterioration' && rng.chance(cfg.watchOverlayShare)) || (distressedOnly && rng.chance(0.25));
  const classes = classify(
    book.plans,
    { asOf, crossBank90Share: totalBank > 0 ? otherOverdue90 / totalBank : 0, otherBankNpl: otherOverdue90 > 0, evadingDebt: false, liquidation: false, watch, grade: rt.gradeNow, gradeDrop: rt.gradeDrop },
    rng,
  );
  const lossAge = b.defaultDate ? (Date.parse(asOf) - Date.parse(b.defaultDate)) / 86_400_000 : 0;
  const facilities: Facility[] = [];
  let writtenOff = false;
  let transferred = false;
  const outstandingByClass: Record<string, number> = {};
  const dpdBuckets = [0, 0, 0, 0, 0, 0, 0, 0];
  let stage2 = 0;
  book.plans.forEach((p, k) => {
    const cl = classes[k];
    const oldLoss = cl.class5 === '损失' && (b.legacy || lossAge > 270 + 365);
    const resolved = oldLoss && rng.chance(cfg.writeOffShare) ? 'written_off' : ['次级', '可疑', '损失'].includes(cl.class5) && rng.chance(cfg.transferShare) ? 'transferred' : null;
    if (resolved === 'written_off') writtenOff = true;
    if (resolved === 'transferred') transferred = true;
    const drawn = p.outstanding + p.arrears.overduePrincipal;
    const util = utilisation(p.facility.product, rng);
    const overuse = !defaulted && rng.chance(0.01);
    p.facility.drawn = resolved ? 0 : r(drawn);
    p.facility.limit = Math.max(1, r(overuse ? drawn * 0.95 : drawn / util));
    const f: Facility = { ...p.facility, ...(resolved ? {} : { schedule: toCurrency(p.items, b.fx) }), monthly: [snapshot(p, cl, asOf, b.fx, resolved)] };
    facilities.push(f);
    if (!resolved) {
      outstandingByClass[cl.class5] = (outstandingByClass[cl.class5] ?? 0) + drawn;
      if (cl.stage === 2) stage2 += drawn;
      const d = p.arrears.dpd;
      dpdBuckets[d === 0 ? 0 : d <= 30 ? 1 : d <= 60 ? 2 : d <= 90 ? 3 : d <= 180 ? 4 : d <= 270 ? 5 : d <= 360 ? 6 : 7] += drawn;
    }
  });

  const security = buildSecurity(b, book.plans, peers, asOf, cfg.seed, cfg.dataQuality, fin.equityT0);
  const events = buildEvents(b, asOf, cfg.seed, fin.equityT0, rt.rated);
  const sizeClass = miitSizeClass(sizeSector(b.industry.section, b.industryClass[0].slice(0, 2), b.industryClass[0]), { employees: b.employees, revenue: fin.revenueTtm, assets: fin.totalAssetsT0 });
  const firstStart = book.plans.map((p) => p.facility.startDate as string).sort()[0] ?? asOf;
  const spread = book.plans[0]?.facility.spreadBp ?? 0;
  const relatedParties = [
    ...b.groupMembers.slice(0, 10).map((i) => peers.get(i)).filter((p): p is Peer => !!p).map((p) => ({ id: p.id, name: p.name, relation: 'affiliate' as const })),
    { id: b.controllerId, relation: 'controller' as const },
  ];
  const statements = cfg.dataQuality ? degrade(b, fin.statements, cfg) : fin.statements;
  const profile: ClientProfile = {
    ...(b.uscc ? { uscc: b.uscc } : {}),
    ...(b.lei ? { lei: b.lei } : {}),
    ...(b.localRegNo ? { localRegNo: b.localRegNo } : {}),
    name: b.name,
    ...(b.nameEn && b.nameEn !== b.name ? { nameEn: b.nameEn } : {}),
    country: b.country,
    ...(b.province ? { provinceCode: b.province.code, cityCode: b.city![0] } : {}),
    industry: { section: b.industry.section, division: b.industryClass[0].slice(0, 2), group: b.industryClass[0].slice(0, 3), class: b.industryClass[0] },
    sizeClass: sizeClass.value ?? b.sizeTarget,
    employees: b.employees,
    ownership: b.ownership,
    ...identityDetails(b, asOf, cfg.seed, fin.equityT0),
    ...(b.groupId ? { groupId: b.groupId } : {}),
    ...(b.groupType ? { groupType: b.groupType } : {}),
    actualControllerId: b.controllerId,
    relatedParties,
    ...relationshipDetails(b, asOf, cfg.seed, ours, spread, firstStart, cfg.clients),
    internalRating: rt.internal,
    ...(rt.external ? { externalRating: rt.external } : {}),
    statements,
    facilities,
    ...(security.collateral.length ? { collateral: security.collateral } : {}),
    ...(security.guarantees.length ? { guarantees: security.guarantees } : {}),
    ...(security.guaranteesGiven.length ? { guaranteesGiven: security.guaranteesGiven } : {}),
    ...(project ? { project: project.project } : {}),
    ...(events.length ? { events } : {}),
    creditReport,
  };
  const truth: Truth = {
    borrowerId: b.borrowerId, uscc: b.uscc, lei: b.lei, path: b.path, grade0: b.grade0, pd: b.pd, defaultDate: b.legacy ? null : b.defaultDate, legacy: b.legacy,
    restructured: book.restructured, writtenOff, transferred, chain: b.chainMembers.length > 0, groupId: b.groupId, dq: b.dq,
  };
  const q4 = ends[ends.length - 5];
  return {
    profile,
    truth,
    calibration: {
      domestic: b.country === 'CN',
      sizeClass: profile.sizeClass ?? 'unknown',
      section: b.industry.section,
      path: b.path,
      legacy: b.legacy,
      invalidUscc: b.dq.includes('invalid_uscc'),
      outstandingByClass,
      stage2,
      dpdBuckets,
      defaultedLast4q: b.defaultDate !== null && b.defaultDate > q4,
      performingAtQ4: !b.legacy && (b.defaultDate === null || b.defaultDate > q4),
      project: project ? { operating: project.project.phase === 'operation', belowLockup: project.belowLockup, belowDefault: project.belowDefault } : null,
    },
  };
}

/** §5 data-quality injection on statements: missing fields, a unit error (万元 read as yuan), a missing quarter. */
function degrade(b: Borrower, statements: ClientProfile['statements'] & object, cfg: PortfolioConfig) {
  const rng = new Rng(cfg.seed, STREAM.quality, b.index, 2);
  const sme = b.sizeTarget === 'small' || b.sizeTarget === 'micro';
  let out = statements.map((s) => {
    const copy: Record<string, unknown> = { ...s };
    for (const k of Object.keys(copy)) {
      if (typeof copy[k] === 'number' && !k.startsWith('total') && rng.chance(sme ? 0.03 : 0.015)) {
        delete copy[k];
        if (!b.dq.includes('missing_fields')) b.dq.push('missing_fields');
      }
    }
    if (rng.chance(0.005)) {
      for (const k of Object.keys(copy)) if (typeof copy[k] === 'number') copy[k] = Math.round((copy[k] as number) / 10_000);
      b.dq.push(`unit_error:${s.periodEnd}`);
    }
    return copy as unknown as (typeof statements)[number];
  });
  if (rng.chance(0.03) && out.length > 1) {
    const drop = rng.int(0, out.length - 2);
    b.dq.push(`missing_quarter:${out[drop].periodEnd}`);
    out = out.filter((_, i) => i !== drop);
  }
  return out;
}
