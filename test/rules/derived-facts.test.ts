import { compileRuleSet } from '../../server/src/modules/engine';
import type { ClientProfile } from '../../server/src/modules/facts/client-profile';
import { derive } from '../../server/src/modules/facts/derive';
import manufacturer from '../../server/src/modules/facts/fixtures/manufacturer-2024.json';
import { readRuleFiles } from '../../server/src/cli/rule-files';
import type { RuleSetDocument } from '../../server/src/modules/rule-sets/rule-set';
import { repoRoot } from '../../server/src/shared/paths';

/**
 * The library on facts as derive() produces them from a client profile, not typed-in test facts: the names and
 * types must line up, or a rule silently never fires. The §2.2 manufacturer fixture is in RMB millions; the
 * catalog's money unit is the yuan (and the MIIT size limits and every CNY threshold of the library are in
 * yuan), so its amounts are scaled first.
 */
const docs = new Map(readRuleFiles(['rules'], repoRoot()).map((f) => [(f.doc as RuleSetDocument).key, f.doc as RuleSetDocument]));
const evaluate = (key: string, facts: Record<string, unknown>) => compileRuleSet(docs.get(key) as RuleSetDocument).evaluate(facts);

/** Every number in a statement is an amount (client-statement.ts), so every one is scaled. */
function inYuan(p: ClientProfile): ClientProfile {
  const statements = (p.statements ?? []).map((s) =>
    Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? v * 1e6 : v])),
  ) as unknown as ClientProfile['statements'];
  return { ...p, statements, marketCap: p.marketCap === undefined ? undefined : p.marketCap * 1e6 };
}

const profile: ClientProfile = { ...inYuan(manufacturer as ClientProfile), internalRating: { grade: 8, date: '2025-03-31', pd: 0.044 } };
const facts = derive(profile, { asOf: '2025-04-30' }).facts;

describe('the rule library on derived facts', () => {
  it('derives the §2.2 ratios the policy reads', () => {
    expect(facts).toMatchObject({ usccValid: true, industrySection: 'C', yearsInBusiness: 8, debtToAsset: 0.62, currentRatio: 1.5, internalGrade: 8, sizeClassMiit: 'large' });
    expect(facts.interestCoverage).toBeCloseTo(3.67, 2);
    expect(facts.netDebtToEbitda).toBeCloseTo(2.13, 2);
  });

  it('corporate policy: the §2.2 manufacturer at grade 8, unsecured → approve, CNY 50 m, +50 bp, security required', () => {
    const r = evaluate('corporate-credit-policy', facts);
    expect(r.warnings).toBeUndefined();
    expect(r.firedRules.map((x) => x.name)).toEqual(['grade-8', 'collateral-required']);
    expect(r.outputs).toMatchObject({ decision: 'approve', maxLimit: 50_000_000, spreadBps: 50, conditions: [{ code: 'COLLATERAL_REQUIRED' }] });
  });

  it('five-category, early warning and client tier answer without warnings', () => {
    expect(evaluate('five-category', facts)).toMatchObject({ outputs: { class5: '正常', ifrs9Stage: 1 }, firedRules: [] });
    expect(evaluate('early-warning', facts)).toMatchObject({ outputs: { level: 'none', signals: [] }, firedRules: [] });
    const tier = evaluate('client-tier', facts);
    expect(tier.outputs).toMatchObject({ tier: 'T4', tags: ['风险较高客户'] });
    expect(tier.warnings).toBeUndefined();
  });

  it('every catalog fact the library reads is one derive() returns', () => {
    const missing: string[] = [];
    for (const doc of docs.values()) {
      const inputs = new Set((doc.inputs ?? []).map((i) => i.name));
      for (const name of compileRuleSet(doc).factNames) if (!inputs.has(name) && !(name in facts)) missing.push(`${doc.key}: ${name}`);
    }
    expect(missing).toEqual([]);
  });
});
