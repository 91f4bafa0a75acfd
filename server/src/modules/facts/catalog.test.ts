import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../shared/paths';
import { SchemaValidator } from '../../shared/validation';
import { FACT_CATALOG, factCatalog, factDefinition } from './catalog';
import { factValueProblem } from './fact-value';
import { renderFactsMarkdown } from './facts-doc';

describe('FACT_CATALOG', () => {
  it('has unique camelCase names that rule sets accept as identifiers', () => {
    const names = FACT_CATALOG.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z][A-Za-z0-9]{1,79}$/);
  });

  it('gives every fact a type, zh/en descriptions, and derived facts a formula and a section', () => {
    for (const f of FACT_CATALOG) {
      expect(['number', 'integer', 'string', 'boolean', 'date', 'array']).toContain(f.type);
      expect(f.description.zh.length).toBeGreaterThan(0);
      expect(f.description.en.length).toBeGreaterThan(0);
      if (f.source === 'derived') {
        expect(f.formula).toBeTruthy();
        expect(f.section).toMatch(/^(§\d+(\.\d+)*( [A-Z]\d\d)?|portfolio-spec §\d+(\.\d+)*)$/);
      } else expect(f.formula).toBeUndefined();
      if (f.enum) for (const v of f.enum) expect(f.enumLabels?.[String(v)]).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
  });

  it('names the facts the brief and the rule authors rely on', () => {
    for (const n of ['debtToAsset', 'currentRatio', 'quickRatio', 'quickRatioCashAr', 'tlToEquity', 'ibdToEquity', 'interestCoverage', 'netDebtToEbitda', 'maxDpd', 'nplShareAtBank', 'otherBankOverdue90Share', 'minDscr', 'llcr', 'altmanZdd', 'altmanZone', 'usccValid', 'yearsInBusiness', 'industrySection'])
      expect(factDefinition(n)).toBeDefined();
  });

  it('offers the enumerations a UI needs: sections A–T, five categories, IFRS 9 stages, severities, collateral types', () => {
    expect(factDefinition('industrySection')!.enum).toHaveLength(20);
    expect(factDefinition('industrySection')!.enumLabels!.C).toEqual({ zh: '制造业', en: 'Manufacturing' });
    expect(factDefinition('worstClass5cat')!.enum).toEqual(['正常', '关注', '次级', '可疑', '损失']);
    expect(factDefinition('worstIfrs9Stage')!.enum).toEqual([1, 2, 3]);
    expect(factDefinition('highestEventSeverity')!.enum).toEqual(['blue', 'yellow', 'orange', 'red']);
    expect(factDefinition('collateralByType')!.enum).toContain('land_use_rights');
  });

  it('filters by source and group, and cannot be mutated', () => {
    const inputs = factCatalog({ source: 'input' });
    const derived = factCatalog({ source: 'derived' });
    expect(inputs.length + derived.length).toBe(FACT_CATALOG.length);
    expect(factCatalog({ group: 'project' }).every((f) => f.group === 'project')).toBe(true);
    expect(() => {
      (FACT_CATALOG[0] as { name: string }).name = 'x';
    }).toThrow(TypeError);
  });

  it('turns into rule-set inputs the rule-set schema accepts', () => {
    const v = new SchemaValidator();
    const inputs = FACT_CATALOG.map((f) => ({ name: f.name, type: f.type, ...(f.unit ? { unit: f.unit } : {}), description: f.description, ...(f.enum ? { enum: f.enum } : {}) }));
    const doc = { key: 'catalog-check', family: 'warning', name: { zh: '检查', en: 'Check' }, inputs, outputs: { x: { type: 'string', merge: 'first' } }, rules: [{ name: 'r', priority: 1, conditions: { all: [{ fact: 'maxDpd', operator: 'greaterThanInclusive', value: 91 }] }, event: { type: 'x' } }] };
    expect(v.check('rule-set', doc)).toEqual([]);
  });
});

describe('factValueProblem', () => {
  it('explains what is wrong with a caller-sent value', () => {
    expect(factValueProblem(factDefinition('maxDpd')!, 90.5)).toBe('maxDpd must be an integer');
    expect(factValueProblem(factDefinition('debtToAsset')!, Infinity)).toBe('debtToAsset must be a finite number');
    expect(factValueProblem(factDefinition('industrySection')!, 'Z')).toMatch(/must be one of "A"/);
    expect(factValueProblem(factDefinition('observationEndDate')!, '2025/06/30')).toMatch(/YYYY-MM-DD/);
    expect(factValueProblem(factDefinition('activeSignalIds')!, ['N01', 'X99'])).toMatch(/X99/);
    expect(factValueProblem(factDefinition('debtToAsset')!, null)).toBeNull();
  });
});

describe('docs/facts.md', () => {
  it('is the rendering of the current catalog (regenerate with the command in facts-doc.ts)', () => {
    const onDisk = readFileSync(join(repoRoot(), 'docs', 'facts.md'), 'utf8');
    expect(onDisk).toBe(renderFactsMarkdown());
  });
});
