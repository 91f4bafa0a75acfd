/**
 * Project finance (portfolio-spec.md §4.9, domain.md §2.4). Debt service is sculpted to the base-case CFADS
 * (DS_t = CFADS_base_t / target DSCR), and the debt outstanding is the present value of the remaining debt
 * service at the senior rate, so the base case reproduces the target DSCR exactly (§6 rule 9). Actual CFADS is
 * the base times a shock linked to the SPV's z (σ by sector); a shortfall is met from the DSRA.
 */
import type { ScheduleItem } from '../facts/client-facility';
import type { Project, ProjectPeriod } from '../facts/client-profile';
import { addMonths } from './days';
import { DEFAULT_PARAMS } from '../facts/params';
import type { Borrower } from './model';
import { QUARTERS } from './model';
import { PROJECT_SECTORS } from './reference';
import { Rng, STREAM } from './rng';
import type { SchedulePlan } from './schedule';

export interface ProjectResult {
  project: Project;
  /** The PF facility's schedule plan (our share is applied by the caller through `outstanding`). */
  plan: SchedulePlan;
  belowLockup: boolean;
  belowDefault: boolean;
}

/**
 * @param debtCny senior debt outstanding at T0 (yuan) — the SPV's bank debt, so statements and project agree.
 */
export function buildProject(b: Borrower, asOf: string, seed: number, debtCny: number): ProjectResult {
  const rng = new Rng(seed, STREAM.project, b.index);
  const sector = PROJECT_SECTORS.find((s) => s.sector === b.projectSector) ?? PROJECT_SECTORS[0];
  const u = rng.next();
  const phase = u < 0.05 ? 'development' : u < 0.35 ? 'construction' : 'operation';
  const targetDscr = Math.round(rng.uniform(sector.dscr[0], sector.dscr[1]) * 100) / 100;
  const rate = rng.uniform(0.038, 0.058);
  const r = rate / 2;
  const tenorPeriods = 2 * rng.int(12, 22);
  // Operating projects are part-way through their debt life; the others start repaying after COD.
  const cod = phase === 'operation' ? (addMonths(asOf, -6 * rng.int(1, 16))) : (addMonths(asOf, 6 * rng.int(1, 5)));
  const periodEnds: string[] = [];
  for (let k = 1; k <= tenorPeriods; k++) periodEnds.push(addMonths(`${cod.slice(0, 7)}-20`, 6 * k));
  const growth = sector.sector === 'ppp_availability' ? 0 : 0.0075;
  const baseUnit = periodEnds.map((_, k) => Math.pow(1 + growth, k) * (1 + (sector.sector === 'toll_road' && k < 6 ? -0.15 * (1 - k / 6) : 0)));
  const remaining = periodEnds.map((d, k) => ({ d, k })).filter((x) => x.d > asOf);
  const pvUnit = remaining.reduce((a, x, j) => a + baseUnit[x.k] / targetDscr / Math.pow(1 + r, j + 1), 0);
  const scale = debtCny / Math.max(pvUnit, 1e-9);
  const fx = b.fx;
  // Outstanding before each period (back from T0 with the sculpted principal), for interest and principal.
  const ds = baseUnit.map((x) => (x * scale) / targetDscr);
  const outstanding: number[] = new Array(tenorPeriods + 1).fill(0);
  let bal = 0;
  for (let k = tenorPeriods - 1; k >= 0; k--) {
    bal = (bal + ds[k]) / (1 + r);
    outstanding[k] = bal;
  }
  const periods: ProjectPeriod[] = [];
  const items: ScheduleItem[] = [];
  const sigma = sector.sigma;
  let belowLockup = false;
  let belowDefault = false;
  const lockupDscr = Math.round(rng.uniform(1.1, 1.2) * 100) / 100;
  const defaultDscr = Math.round(rng.uniform(1.0, 1.05) * 100) / 100;
  let dsra = ds[0];
  let lastHist: number | null = null;
  for (let k = 0; k < tenorPeriods; k++) {
    const end = periodEnds[k];
    const interest = outstanding[k] * r;
    const principal = ds[k] - interest;
    const base = ds[k] * targetDscr;
    const history = end <= asOf;
    const quartersBack = Math.floor((Date.parse(asOf) - Date.parse(end)) / (91.3 * 86_400_000));
    const z = b.z[Math.max(0, QUARTERS - 1 - Math.min(QUARTERS - 1, Math.max(0, quartersBack)))];
    const cfads = history ? base * (1 + sigma * (0.5 * z + 0.87 * rng.normal())) : base;
    let dsraDrawn = 0;
    if (history) {
      if (cfads < ds[k]) dsraDrawn = Math.min(dsra, ds[k] - cfads);
      dsra = dsra - dsraDrawn + (cfads > ds[k] ? Math.min(ds[k] - dsra + dsraDrawn, cfads - ds[k]) : 0);
      lastHist = cfads / ds[k];
    }
    // History is kept to the last six periods: enough for every trailing DSCR test, small enough for the profile.
    if (!history || periodEnds[k + 6] === undefined || periodEnds[k + 6] > asOf) {
      periods.push({
        periodEnd: end,
        cfads: Math.round(cfads / fx),
        seniorInterest: Math.round(interest / fx),
        seniorPrincipal: Math.round(principal / fx),
        ...(history ? { dsraBalance: Math.round(dsra / fx), ...(dsraDrawn > 0 ? { dsraDrawn: Math.round(dsraDrawn / fx) } : {}) } : {}),
      });
    }
    if (history && end > addMonths(asOf, -24)) {
      items.push({ dueDate: end, kind: 'interest', amount: interest }, { dueDate: end, kind: 'principal', amount: principal });
    }
  }
  if (lastHist !== null) {
    belowLockup = lastHist < lockupDscr;
    belowDefault = lastHist < defaultDscr;
  }
  const equityRatio = Math.round(Math.max(DEFAULT_PARAMS.equityMinimumBySector[sector.sector as keyof typeof DEFAULT_PARAMS.equityMinimumBySector] ?? 0.2, rng.uniform(0.25, 0.4)) * 1000) / 1000;
  const originalDebt = outstanding[0];
  const project: Project = {
    id: `PRJ${String(b.index + 1).padStart(8, '0')}`,
    facilityId: `F${String(b.index + 1).padStart(8, '0')}-1`,
    sector: sector.sector as Project['sector'],
    country: b.country,
    phase,
    totalProjectCost: Math.round(originalDebt / (1 - equityRatio) / fx),
    equityRatio,
    seniorRate: Math.round(rate * 10_000) / 10_000,
    periodsPerYear: 2,
    seniorDebtOutstanding: Math.round(debtCny / fx),
    targetDscr,
    lockupDscr,
    defaultDscr,
    minLlcr: Math.round(rng.uniform(1.05, 1.2) * 100) / 100,
    dsraMonths: 6,
    periods,
  };
  const plan: SchedulePlan = {
    outstanding: debtCny,
    annualRate: rate,
    interestMonths: 6,
    principal: 'custom',
    startDate: addMonths(cod, -36),
    maturityDate: periodEnds[periodEnds.length - 1],
    custom: items,
  };
  return { project, plan, belowLockup, belowDefault };
}
