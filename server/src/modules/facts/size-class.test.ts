import { derive } from './derive';
import { miitSizeClass, sizeSector } from './size-class';

const M = 1_000_000;

describe('domain.md §5.2 MIIT size class', () => {
  it.each([
    [{ employees: 1000, revenue: 400 * M }, 'large'],
    [{ employees: 999, revenue: 5000 * M }, 'medium'],
    [{ employees: 300, revenue: 20 * M }, 'medium'],
    [{ employees: 5000, revenue: 19.99 * M }, 'small'],
    [{ employees: 20, revenue: 3 * M }, 'small'],
    [{ employees: 19, revenue: 300 * M }, 'micro'],
    [{ employees: 500, revenue: 2.9 * M }, 'micro'],
  ])('industry: %j → %s (every lower limit of a tier must be met)', (figures, expected) => {
    expect(miitSizeClass('industry', figures).value).toBe(expected);
  });

  it.each([
    [{ employees: 200, revenue: 400 * M }, 'large'],
    [{ employees: 199, revenue: 400 * M }, 'medium'],
    [{ employees: 20, revenue: 50 * M }, 'medium'],
    [{ employees: 20, revenue: 49 * M }, 'small'],
  ])('wholesale: %j → %s', (figures, expected) => {
    expect(miitSizeClass('wholesale', figures).value).toBe(expected);
  });

  it('maps GB/T 4754 codes to the MIIT rows', () => {
    expect(sizeSector('C')).toBe('industry');
    expect(sizeSector('D')).toBe('industry');
    expect(sizeSector('F', '51')).toBe('wholesale');
    expect(sizeSector('F', '52')).toBe('retail');
    expect(sizeSector('G', '59')).toBe('warehousing');
    expect(sizeSector('K', '70', '7020')).toBe('property_management');
    expect(sizeSector('P')).toBe('other');
  });

  it('names the missing figure, and marks rows domain.md does not state as [UNSURE]', () => {
    expect(miitSizeClass('industry', { revenue: 1 }).reason).toMatch(/employees/);
    expect(miitSizeClass('retail', { employees: 400, revenue: 300 * M }).note).toMatch(/UNSURE/);
    expect(miitSizeClass('industry', { employees: 400, revenue: 300 * M }).note).toBeUndefined();
  });

  it('uses the latest full-year revenue in yuan from the statements', () => {
    const { facts } = derive(
      {
        name: 'X',
        country: 'CN',
        industry: { section: 'C' },
        employees: 350,
        statements: [
          { periodEnd: '2024-12-31', revenue: 25 * M, totalAssets: 40 * M },
          { periodEnd: '2025-03-31', revenue: 2 * M, totalAssets: 41 * M },
        ],
      },
      { asOf: '2025-06-30' },
    );
    expect(facts.sizeClassMiit).toBe('medium');
  });

  it('does not apply the MIIT standard to international borrowers', () => {
    const r = derive({ name: 'Y', country: 'DE', industry: { section: 'C' }, employees: 50, statements: [{ periodEnd: '2024-12-31', revenue: 1e9 }] }, { asOf: '2025-06-30' });
    expect(r.facts.sizeClassMiit).toBeNull();
    expect(r.reasons.sizeClassMiit).toMatch(/Chinese enterprises/);
  });
});
