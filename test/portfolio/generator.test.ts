import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvColumns, profileToRow, rowToProfile } from '../../server/src/modules/clients/client-csv';
import { checkProfile } from '../../server/src/modules/clients/client-validation';
import type { ClientProfile } from '../../server/src/modules/facts/client-profile';
import { NPL_CLASSES } from '../../server/src/modules/facts/client-facility';
import { derive } from '../../server/src/modules/facts/derive';
import { validateLei, validateUscc } from '../../server/src/modules/facts/uscc';
import { Calibration } from '../../server/src/modules/portfolio/calibration';
import { lastQuarterEnd } from '../../server/src/modules/portfolio/config';
import { addDays, addMonths, daysBetween } from '../../server/src/modules/portfolio/days';
import { addMonths as factsAddMonths, daysBetween as factsDaysBetween } from '../../server/src/modules/facts/dates';
import { type Generated, generatePortfolio, resolveConfig } from '../../server/src/modules/portfolio/generator';
import { writePortfolio } from '../../server/src/modules/portfolio/write-portfolio';
import { SchemaValidator } from '../../server/src/shared/validation';

const AS_OF = '2026-09-30';
const validator = new SchemaValidator();
const book = (clients: number, seed = 42, over: object = {}) => [...generatePortfolio(resolveConfig({ clients, seed, asOf: AS_OF, ...over }))];

let sample: Generated[];
beforeAll(() => {
  sample = book(1200);
});

describe('the synthetic portfolio', () => {
  it('is deterministic: the same seed gives the same book, another seed another one', () => {
    const again = book(1200);
    expect(JSON.stringify(again.map((g) => g.profile))).toBe(JSON.stringify(sample.map((g) => g.profile)));
    expect(book(50, 43)[0].profile.uscc).not.toBe(sample[0].profile.uscc);
    // A borrower's own draws do not depend on the size of the book (groups and chains, formed per chunk, may).
    const own = (g: Generated) => [g.truth.borrowerId, g.truth.grade0, g.profile.industry.class, g.profile.employees];
    expect(book(300).map(own)).toEqual(sample.slice(0, 300).map(own));
  });

  it('writes the same bytes whatever the number of worker threads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'covenant-portfolio-'));
    try {
      const cfg = resolveConfig({ clients: 1500, seed: 7, asOf: AS_OF });
      await writePortfolio(cfg, { out: join(dir, 'one.jsonl'), format: 'jsonl', workers: 1 });
      await writePortfolio(cfg, { out: join(dir, 'two.jsonl'), format: 'jsonl', workers: 2 });
      const one = readFileSync(join(dir, 'one.jsonl'), 'utf8');
      expect(readFileSync(join(dir, 'two.jsonl'), 'utf8')).toBe(one);
      expect(one.trim().split('\n')).toHaveLength(1500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('makes profiles the register accepts (schema, identifiers), with valid USCCs matching the city and valid LEIs', () => {
    for (const { profile: p } of sample) {
      const json = JSON.parse(JSON.stringify(p)) as ClientProfile;
      expect(checkProfile(validator, json)).toEqual([]);
      if (p.country === 'CN') {
        expect(validateUscc(p.uscc as string).valid).toBe(true);
        expect((p.uscc as string).slice(2, 8)).toBe(p.cityCode);
      } else expect(p.uscc).toBeUndefined();
      if (p.lei) expect(validateLei(p.lei)).toBe(true);
    }
    expect(new Set(sample.map((g) => g.profile.uscc ?? g.profile.lei)).size).toBe(sample.length);
  });

  it('injects ≈0.5 % invalid USCCs only when asked, and records them in the truth', () => {
    const dq = book(3000, 42, { dataQuality: true });
    const invalid = dq.filter((g) => g.profile.uscc && !validateUscc(g.profile.uscc).valid);
    expect(invalid.length).toBeGreaterThan(5);
    expect(invalid.length).toBeLessThan(35);
    for (const g of invalid) expect(g.truth.dq).toContain('invalid_uscc');
    expect(sample.every((g) => g.truth.dq.length === 0)).toBe(true);
  });

  it('keeps the accounting identities to the yuan and cash-flow closing cash on the balance sheet', () => {
    const sum = (s: Record<string, unknown>, keys: string[]) => keys.reduce((a, k) => a + ((s[k] as number | undefined) ?? 0), 0);
    for (const { profile: p } of sample) {
      for (const st of p.statements ?? []) {
        const s = st as unknown as Record<string, number>;
        expect(s.totalAssets).toBe(s.totalLiabilities + s.totalEquity);
        expect(s.totalCurrentAssets).toBe(sum(s, ['cash', 'tradingFinancialAssets', 'notesReceivable', 'accountsReceivable', 'prepayments', 'otherReceivables', 'inventory', 'contractAssets', 'otherCurrentAssets']));
        expect(s.totalAssets - s.totalCurrentAssets).toBe(sum(s, ['ltEquityInvestments', 'fixedAssets', 'constructionInProgress', 'rightOfUseAssets', 'intangibles', 'goodwill', 'otherNonCurrentAssets']));
        expect(s.totalCurrentLiabilities).toBe(sum(s, ['stBorrowings', 'notesPayable', 'accountsPayable', 'advancesReceived', 'currentPortionLtd', 'otherCurrentLiabilities']));
        expect(s.totalLiabilities - s.totalCurrentLiabilities).toBe(sum(s, ['ltBorrowings', 'bondsPayable', 'leaseLiabilities', 'otherNonCurrentLiabilities']));
        expect(s.totalEquity).toBe(sum(s, ['paidInCapital', 'capitalReserve', 'retainedEarnings', 'minorityInterest']));
        expect(s.closingCash).toBe(s.cash ?? 0);
      }
      // Our drawn exposure never exceeds the debt the credit report shows across all banks (§6 rule 8).
      const drawn = (p.facilities ?? []).reduce((a, f) => a + (f.drawn ?? 0), 0);
      expect(drawn).toBeLessThanOrEqual((p.creditReport?.totalBankDebt ?? 0) + 1);
    }
  });

  it('lets dpd emerge from the schedule: derive() at T0 agrees with every snapshot, and classes follow the floors', () => {
    for (const { profile: p } of sample.slice(0, 600)) {
      const d = derive(p, { asOf: AS_OF });
      const snaps = (p.facilities ?? []).map((f) => f.monthly![0]);
      expect(d.facts.maxDpd).toBe(Math.max(...snaps.map((m) => m.dpd as number)));
      for (const m of snaps) {
        if ((m.dpd as number) >= 91) expect(NPL_CLASSES).toContain(m.class5cat);
        if ((m.dpd as number) >= 361) expect(m.class5cat).toBe('损失');
        if (NPL_CLASSES.includes(m.class5cat!)) expect(m.ifrs9Stage).toBe(3);
        if ((m.dpd as number) >= 31) expect(m.ifrs9Stage).toBeGreaterThanOrEqual(2);
      }
      if (p.country === 'CN' && d.facts.sizeClassMiit !== null) expect(p.sizeClass).toBe(d.facts.sizeClassMiit);
    }
  });

  it('reaches 91 dpd on the truth default date of every defaulted borrower (§6 rule 5)', () => {
    const defaulted = sample.filter((g) => g.truth.defaultDate && !g.truth.writtenOff && !g.truth.transferred);
    expect(defaulted.length).toBeGreaterThan(10);
    for (const g of defaulted) {
      const at = derive(g.profile, { asOf: g.truth.defaultDate as string }).facts.maxDpd as number;
      expect(at).toBeGreaterThanOrEqual(91);
      expect(derive(g.profile, { asOf: addDays(g.truth.defaultDate as string, -1) }).facts.maxDpd).toBeLessThan(91);
    }
  });

  it('sculpts project debt service to the target DSCR on the base case (§6 rule 9)', () => {
    const projects = sample.map((g) => g.profile.project).filter((p) => p !== undefined);
    expect(projects.length).toBeGreaterThan(20);
    for (const pr of projects) {
      expect(pr!.equityRatio).toBeGreaterThanOrEqual(0.2);
      const forecast = pr!.periods.filter((x) => (x.periodEnd as string) > AS_OF && x.cfads > 1000);
      for (const x of forecast) expect(Math.abs(x.cfads / ((x.seniorInterest ?? 0) + (x.seniorPrincipal ?? 0)) - pr!.targetDscr!)).toBeLessThan(0.01);
    }
  });

  it('lands near the calibration targets on 5,000 clients (§4.2, §7)', () => {
    const cal = new Calibration();
    for (const g of generatePortfolio(resolveConfig({ clients: 5000, seed: 42, asOf: AS_OF }))) cal.add(g.calibration);
    const s = cal.summary();
    expect(s.international).toBeGreaterThan(0.12);
    expect(s.international).toBeLessThan(0.18);
    // By balance, a 5,000-client book is lumpy (its largest clients hold a third of it), hence the wide band.
    expect(s.nplRatio.cn).toBeGreaterThan(0.007);
    expect(s.nplRatio.cn).toBeLessThan(0.035);
    expect(s.nplClientShare).toBeGreaterThan(0.02);
    expect(s.nplClientShare).toBeLessThan(0.05);
    expect(s.specialMentionShare.cn).toBeGreaterThan(0.015);
    expect(s.specialMentionShare.cn).toBeLessThan(0.04);
    expect(s.defaultRate12m).toBeGreaterThan(0.008);
    expect(s.defaultRate12m).toBeLessThan(0.022);
    expect(s.paths.stable).toBeGreaterThan(0.65);
    expect(s.paths.legacy_npl).toBeGreaterThan(0.005);
    expect(s.industryByExposure.C).toBeGreaterThan(0.12);
    expect(s.industryByExposure.C).toBeLessThan(0.28);
    expect(s.sizeByExposure.large).toBeGreaterThan(0.4);
    expect(s.projectsBelowLockup).toBeGreaterThan(0.04);
    expect(s.projectsBelowLockup).toBeLessThan(0.2);
  }, 120_000);

  it('round-trips a profile through the CSV layout', () => {
    const cols = csvColumns(validator.schemas.get('client-profile') ?? {});
    for (const { profile } of sample.slice(0, 100)) {
      const row = profileToRow(cols, profile);
      const back = rowToProfile(cols, cols.order, row);
      expect(back.errors).toEqual([]);
      expect(back.profile).toEqual(JSON.parse(JSON.stringify(profile)));
    }
  });

  it('does date arithmetic the way the facts module does', () => {
    for (const d of ['2024-02-29', '2025-01-31', '2026-09-30', '2026-12-31', '2027-03-20']) {
      for (const m of [-25, -12, -1, 1, 3, 6, 13]) expect(addMonths(d, m)).toBe(factsAddMonths(d, m));
      expect(daysBetween('2020-01-01', d)).toBe(factsDaysBetween('2020-01-01', d));
    }
    expect(lastQuarterEnd('2026-11-23')).toBe('2026-09-30');
    expect(lastQuarterEnd('2026-03-31')).toBe('2026-03-31');
    expect(lastQuarterEnd('2026-01-05')).toBe('2025-12-31');
  });
});
