import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { listJson } from '../../../seed';
import { repoRoot } from '../../../shared/paths';
import { FACT_CATALOG } from '../../facts';
import type { RuleSetDocument } from '../../rule-sets/rule-set';
import { CATALOG, found, leaf, policy } from './analysis-test-kit';
import { analyzeRuleSet, comparePointers } from './analyze-rule-set';
import { ISSUE_CODES } from './issue';

describe('analyzeRuleSet', () => {
  const doc = policy(
    [
      { name: 'contradiction', conditions: { all: [leaf('debtToAsset', 'greaterThan', 0.7), leaf('debtToAsset', 'lessThan', 0.5)] } },
      { name: 'typo', conditions: { all: [leaf('debtToAset', 'greaterThan', 0.7)] } },
      { name: 'wide', priority: 30, conditions: { all: [leaf('maxDpd', 'greaterThan', 30)] } },
      { name: 'narrow', priority: 5, conditions: { all: [leaf('maxDpd', 'greaterThan', 90)] } },
    ],
    { conditions: { spare: { all: [leaf('listed', 'equal', true)] } } },
  );
  const result = analyzeRuleSet(doc, CATALOG);

  it('splits findings into errors and warnings by code, each in document order', () => {
    expect(found(result.errors)).toEqual(['unreachable_rule@/rules/0/conditions', 'unknown_fact@/rules/1/conditions/all/0/fact']);
    expect(found(result.warnings)).toEqual(['unused_condition@/conditions/spare', 'shadowed_rule@/rules/3/event/params/grade']);
    for (const i of [...result.errors, ...result.warnings]) expect(i.severity).toBe(ISSUE_CODES[i.code]);
  });

  it('answers FieldError-shaped findings (pointer, code, message) that the publishing gate can return as they are', () => {
    for (const i of result.errors) expect(Object.keys(i)).toEqual(expect.arrayContaining(['pointer', 'code', 'message', 'severity']));
  });

  it('is pure: the same input gives the same findings, and the document is not touched', () => {
    const before = JSON.stringify(doc);
    expect(analyzeRuleSet(doc, CATALOG)).toEqual(result);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('says which rules were too large to check for contradictions, instead of expanding them without bound', () => {
    const wide = { any: [0, 1, 2, 3].map((k) => leaf('maxDpd', 'equal', k)) };
    const huge = policy([{ name: 'huge', conditions: { all: [wide, wide, wide, wide, wide] } }, { name: 'small', conditions: leaf('maxDpd', 'equal', 1), params: { decision: 'refer' } }], { outputs: { decision: { type: 'string', merge: 'worst', order: ['refer', 'approve'] }, grade: { type: 'string', merge: 'first' } } });
    expect(found(analyzeRuleSet(huge, CATALOG).warnings)).toEqual(['analysis_incomplete@/rules']);
    expect(analyzeRuleSet(huge, CATALOG).warnings[0].message).toContain("1 rule was too large to check for contradictions and shadowing (too many alternatives once any, not and shared conditions are expanded): 'huge'");
  });

  it('orders pointers by section, then numerically', () => {
    const list = ['/rules/10/conditions', '/rules/2/event', '/conditions/a', '/outputs/x', '/rules/2/conditions/all/10', '/rules/2/conditions/all/9'];
    expect(list.sort(comparePointers)).toEqual(['/outputs/x', '/conditions/a', '/rules/2/conditions/all/9', '/rules/2/conditions/all/10', '/rules/2/event', '/rules/10/conditions']);
  });
});

describe('the shipped rule library (rules/)', () => {
  const files = listJson(`${repoRoot()}/rules`);

  it('is there', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(repoRoot(), f), f]))('%s has no static-check errors against the fact catalog', (_name, file) => {
    const doc = JSON.parse(readFileSync(file, 'utf8')) as RuleSetDocument;
    const { errors } = analyzeRuleSet(doc, FACT_CATALOG);
    expect(errors.map((e) => `${e.code}@${e.pointer}: ${e.message}`)).toEqual([]);
  });
});
