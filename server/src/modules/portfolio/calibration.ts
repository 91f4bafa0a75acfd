/**
 * Portfolio-level calibration figures (portfolio-spec.md §7), accumulated client by client as the book streams
 * out. Exposure shares are of outstanding at T0 in yuan (international clients converted at the generator's FX table).
 */

/** What one client contributes to the summary (small and cloneable, so worker threads can send it). */
export interface CalibrationRecord {
  domestic: boolean;
  sizeClass: string;
  section: string;
  path: string;
  legacy: boolean;
  invalidUscc: boolean;
  /** Outstanding at T0 by five-category class (yuan; written-off and sold loans excluded). */
  outstandingByClass: Record<string, number>;
  stage2: number;
  /** Outstanding by dpd bucket: 0, 1–30, 31–60, 61–90, 91–180, 181–270, 271–360, > 360. */
  dpdBuckets: number[];
  defaultedLast4q: boolean;
  performingAtQ4: boolean;
  project: { operating: boolean; belowLockup: boolean; belowDefault: boolean } | null;
}

export interface CalibrationSummary {
  clients: number;
  international: number;
  /** Shares of outstanding (yuan), Chinese book and international book. */
  nplRatio: { cn: number; intl: number };
  specialMentionShare: { cn: number; intl: number };
  stage2Share: { cn: number; intl: number };
  nplClientShare: number;
  /** dpd buckets 0, 1–30, 31–60, 61–90, 91–180, 181–270, 271–360, > 360: shares of Chinese outstanding. */
  dpdShares: number[];
  defaultRate12m: number;
  paths: Record<string, number>;
  sizeByCount: Record<string, number>;
  sizeByExposure: Record<string, number>;
  industryByExposure: Record<string, number>;
  projects: number;
  projectsBelowLockup: number;
  projectsBelowDefault: number;
  invalidUscc: number;
}

export class Calibration {
  private n = 0;
  private intl = 0;
  private readonly book = { cn: { total: 0, npl: 0, sm: 0, s2: 0 }, intl: { total: 0, npl: 0, sm: 0, s2: 0 } };
  private nplClients = 0;
  private readonly dpd = [0, 0, 0, 0, 0, 0, 0, 0];
  private defaults12m = 0;
  private performing = 0;
  private readonly paths: Record<string, number> = {};
  private readonly sizeCount: Record<string, number> = {};
  private readonly sizeExp: Record<string, number> = {};
  private readonly industryExp: Record<string, number> = {};
  private projects = 0;
  private operating = 0;
  private belowLockup = 0;
  private belowDefault = 0;
  private invalid = 0;

  add(r: CalibrationRecord): void {
    this.n++;
    if (!r.domestic) this.intl++;
    const b = r.domestic ? this.book.cn : this.book.intl;
    let total = 0;
    let npl = 0;
    for (const [cls, v] of Object.entries(r.outstandingByClass)) {
      total += v;
      if (cls === '次级' || cls === '可疑' || cls === '损失') npl += v;
      if (cls === '关注') b.sm += v;
    }
    b.total += total;
    b.npl += npl;
    b.s2 += r.stage2;
    if (npl > 0 || r.legacy) this.nplClients++;
    if (r.domestic) r.dpdBuckets.forEach((v, i) => (this.dpd[i] += v));
    if (r.performingAtQ4) {
      this.performing++;
      if (r.defaultedLast4q) this.defaults12m++;
    }
    this.paths[r.path] = (this.paths[r.path] ?? 0) + 1;
    this.sizeCount[r.sizeClass] = (this.sizeCount[r.sizeClass] ?? 0) + 1;
    this.sizeExp[r.sizeClass] = (this.sizeExp[r.sizeClass] ?? 0) + total;
    this.industryExp[r.section] = (this.industryExp[r.section] ?? 0) + total;
    if (r.project) {
      this.projects++;
      if (r.project.operating) {
        this.operating++;
        if (r.project.belowLockup) this.belowLockup++;
        if (r.project.belowDefault) this.belowDefault++;
      }
    }
    if (r.invalidUscc) this.invalid++;
  }

  summary(): CalibrationSummary {
    const share = (x: number, t: number) => (t > 0 ? x / t : 0);
    const norm = (o: Record<string, number>) => {
      const t = Object.values(o).reduce((a, x) => a + x, 0);
      return Object.fromEntries(Object.entries(o).sort().map(([k, v]) => [k, share(v, t)]));
    };
    const dpdTotal = this.dpd.reduce((a, x) => a + x, 0);
    return {
      clients: this.n,
      international: share(this.intl, this.n),
      nplRatio: { cn: share(this.book.cn.npl, this.book.cn.total), intl: share(this.book.intl.npl, this.book.intl.total) },
      specialMentionShare: { cn: share(this.book.cn.sm, this.book.cn.total), intl: share(this.book.intl.sm, this.book.intl.total) },
      stage2Share: { cn: share(this.book.cn.s2, this.book.cn.total), intl: share(this.book.intl.s2, this.book.intl.total) },
      nplClientShare: share(this.nplClients, this.n),
      dpdShares: this.dpd.map((v) => share(v, dpdTotal)),
      defaultRate12m: share(this.defaults12m, this.performing),
      paths: norm(this.paths),
      sizeByCount: norm(this.sizeCount),
      sizeByExposure: norm(this.sizeExp),
      industryByExposure: norm(this.industryExp),
      projects: this.projects,
      projectsBelowLockup: share(this.belowLockup, this.operating),
      projectsBelowDefault: share(this.belowDefault, this.operating),
      invalidUscc: this.invalid,
    };
  }
}

const pct = (x: number, d = 2) => `${(x * 100).toFixed(d)} %`;
const mix = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${pct(v, 1)}`)
    .join(', ');

/** The summary as a few readable lines, with the §7 targets beside the actual values. */
export function formatSummary(s: CalibrationSummary, seconds: number): string {
  return [
    `portfolio: ${s.clients} clients in ${seconds.toFixed(1)} s (${pct(s.international, 1)} international)`,
    `  NPL ratio (by balance): CN ${pct(s.nplRatio.cn)} [target 1.5–1.7 %], international ${pct(s.nplRatio.intl)} [0.8–1.5 %]; clients with NPL ${pct(s.nplClientShare)}`,
    `  关注 share (by balance): CN ${pct(s.specialMentionShare.cn)} [2.0–2.5 %]; Stage 2: CN ${pct(s.stage2Share.cn)} [3–6 %], international ${pct(s.stage2Share.intl)} [4–8 %]`,
    `  12-month default rate of the performing book: ${pct(s.defaultRate12m)} [1.0–1.6 %]`,
    `  dpd at T0 (CN balance): 0 ${pct(s.dpdShares[0], 1)}, 1–30 ${pct(s.dpdShares[1])}, 31–60 ${pct(s.dpdShares[2])}, 61–90 ${pct(s.dpdShares[3])}, 91–180 ${pct(s.dpdShares[4])}, 181–270 ${pct(s.dpdShares[5])}, 271–360 ${pct(s.dpdShares[6])}, >360 ${pct(s.dpdShares[7])}`,
    `  paths: ${mix(s.paths)}`,
    `  size by count: ${mix(s.sizeByCount)}; by exposure: ${mix(s.sizeByExposure)}`,
    `  industry by exposure: ${mix(s.industryByExposure)}`,
    `  PF projects: ${s.projects}; operating below lock-up ${pct(s.projectsBelowLockup, 1)} [8–12 %], below default ${pct(s.projectsBelowDefault, 1)}`,
    ...(s.invalidUscc ? [`  deliberately invalid USCCs: ${s.invalidUscc}`] : []),
  ].join('\n');
}
