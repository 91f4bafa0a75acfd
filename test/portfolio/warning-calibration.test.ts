import type { ClientProfile } from '../../server/src/modules/facts/client-profile';
import { generatePortfolio, resolveConfig } from '../../server/src/modules/portfolio/generator';
import { libraryRuleSets, WarningCalibration, type WarningSummary, warningRecord } from '../../server/src/modules/portfolio/warning-calibration';

/**
 * portfolio-spec.md §7: 6–10 % of the Chinese book's borrowers carry an orange or red early-warning signal, with the
 * shipped rule library (rules/) evaluated as a monitoring scan does. The band here is a little wider (3,000
 * clients are a sample); seeds 42, 1, 7 and 2026 land at 7.7–9.9 %. Before the generator was calibrated to it the
 * figure was 70 %.
 */
const AS_OF = '2026-09-30';
const CLIENTS = 3000;

let summary: WarningSummary;
let firstProfile: ClientProfile;
beforeAll(() => {
  const sets = libraryRuleSets();
  const cal = new WarningCalibration();
  for (const g of generatePortfolio(resolveConfig({ clients: CLIENTS, seed: 42, asOf: AS_OF }))) {
    firstProfile ??= g.profile;
    cal.add(warningRecord(g, sets, AS_OF));
  }
  summary = cal.summary();
}, 120_000);

describe('early-warning calibration of the synthetic book (§7)', () => {
  it('evaluates the shipped early-warning rule set', () => {
    expect(libraryRuleSets().map((s) => s.key)).toEqual(['early-warning']);
    expect(summary.cn.clients + summary.intl.clients).toBe(CLIENTS);
    expect(firstProfile.statements?.length).toBeGreaterThan(0);
  });

  it('flags 5–11 % of the Chinese book orange or red', () => {
    expect(summary.cn.orangeOrRed).toBeGreaterThan(0.05);
    expect(summary.cn.orangeOrRed).toBeLessThan(0.11);
    // Most borrowers raise nothing at all (yellow and blue included).
    expect(summary.cn.anySignal).toBeLessThan(0.5);
  });

  it('signals on the default paths far more often than on healthy borrowers', () => {
    const p = summary.byPath;
    expect(p.stable.clients).toBeGreaterThan(CLIENTS * 0.6);
    expect(p.defaulted.clients + p.legacy_npl.clients).toBeGreaterThan(30);
    expect(p.stable.orangeOrRed).toBeLessThan(0.08);
    expect(p.defaulted.orangeOrRed).toBeGreaterThan(0.9);
    expect(p.legacy_npl.orangeOrRed).toBeGreaterThan(0.9);
    expect(p.defaulted.orangeOrRed).toBeGreaterThan(8 * p.stable.orangeOrRed);
    // Distressed borrowers (not yet in default) are flagged several times as often as stable ones, and show some signal more often than not.
    expect(p.distressed.orangeOrRed).toBeGreaterThan(4 * p.stable.orangeOrRed);
    expect(p.distressed.anySignal).toBeGreaterThan(0.5);
  });

  it('gives healthy-book ratios: median ICR above 3, net debt / EBITDA around 2 or below, CFO / current liabilities above 0.1', () => {
    const m = summary.medians;
    expect(m.icr).toBeGreaterThan(3);
    expect(m.ndEbitda).toBeGreaterThan(0.5);
    expect(m.ndEbitda).toBeLessThan(2.5);
    expect(m.cfoCl).toBeGreaterThan(0.15);
    expect(summary.cfoClBelow01).toBeLessThan(0.1);
    expect(m.da).toBeGreaterThan(0.45);
    expect(m.da).toBeLessThan(0.7);
  });
});
