import { type AltmanX, altmanEms, altmanRatios, altmanZ, altmanZDoublePrime, altmanZPrime, altmanZoneOf, chooseAltmanVariant } from './altman';
import type { ClientProfile } from './client-profile';
import { derive } from './derive';
import manufacturer from './fixtures/manufacturer-2024.json';

describe('domain.md §3.4 worked example (X1 0.12, X2 0.20, X3 0.09, X4 0.81 market / 0.61 book, X5 1.10)', () => {
  // X4 as the example's firm has it: market cap 500 / TL 620, equity 380 / TL 620.
  const x: AltmanX = { x1: 0.12, x2: 0.2, x3: 0.09, x4Market: 500 / 620, x4Book: 380 / 620, x5: 1.1 };

  it('Z = 2.30 (grey)', () => {
    expect(altmanZ(x).value).toBeCloseTo(2.3, 2);
    expect(altmanZoneOf('Z', altmanZ(x).value!)).toBe('grey');
  });
  it('Z′ = 1.89 (grey)', () => {
    expect(altmanZPrime(x).value).toBeCloseTo(1.89, 2);
    expect(altmanZoneOf('Z_PRIME', altmanZPrime(x).value!)).toBe('grey');
  });
  it('Z″ = 2.69 (safe), EMS = 5.94', () => {
    expect(altmanZDoublePrime(x).value).toBeCloseTo(2.69, 2);
    expect(altmanZoneOf('Z_DOUBLE_PRIME', altmanZDoublePrime(x).value!)).toBe('safe');
    expect(altmanEms(x).value).toBeCloseTo(5.94, 2);
    expect(altmanZoneOf('EMS', altmanEms(x).value!)).toBe('safe');
  });
  it('needs market equity for the original Z', () => {
    expect(altmanZ({ ...x, x4Market: undefined }).value).toBeNull();
  });
});

describe('zones and variants', () => {
  it('uses the 1.10 / 2.60 Z″ cut-offs, boundaries counting as grey', () => {
    expect(altmanZoneOf('Z_DOUBLE_PRIME', 1.09)).toBe('distress');
    expect(altmanZoneOf('Z_DOUBLE_PRIME', 1.1)).toBe('grey');
    expect(altmanZoneOf('Z_DOUBLE_PRIME', 2.6)).toBe('grey');
    expect(altmanZoneOf('Z_DOUBLE_PRIME', 2.61)).toBe('safe');
    expect(altmanZoneOf('Z', 1.8)).toBe('distress');
    expect(altmanZoneOf('Z_PRIME', 2.91)).toBe('safe');
  });

  it("picks Z for listed manufacturers, Z′ for unlisted ones, Z″ otherwise, unless the params say which", () => {
    expect(chooseAltmanVariant('auto', 'C', true)).toBe('Z');
    expect(chooseAltmanVariant('auto', 'C', false)).toBe('Z_PRIME');
    expect(chooseAltmanVariant('auto', 'F', true)).toBe('Z_DOUBLE_PRIME');
    expect(chooseAltmanVariant('Z_DOUBLE_PRIME', 'C', true)).toBe('Z_DOUBLE_PRIME');
  });
});

describe('Altman from the §2.2 statements', () => {
  // §2.2 gives working capital 150 and EBIT 110, i.e. X1 = 0.15 and X3 = 0.11, not the 0.12 and 0.09 that §3.4
  // says it takes from "the same firm". We compute from the statements and record the difference (docs/facts.md).
  it('derives X1–X5 from the balance sheet and TTM flows', () => {
    const r = altmanRatios({ totalCurrentAssets: 450, totalCurrentLiabilities: 300, totalAssets: 1000, totalLiabilities: 620, totalEquity: 380, retainedEarnings: 200, ebit: 110, revenue: 1100, marketCap: 500 });
    expect(r.value).toMatchObject({ x1: 0.15, x2: 0.2, x3: 0.11, x5: 1.1 });
  });

  it('records the variant it used for altmanZone', () => {
    const { facts, notes } = derive(manufacturer as ClientProfile, { asOf: '2025-04-30' });
    expect(facts.altmanVariant).toBe('Z');
    expect(facts.altmanZ).toBeCloseTo(1.2 * 0.15 + 1.4 * 0.2 + 3.3 * 0.11 + 0.6 * (500 / 620) + 1.1, 10);
    expect(facts.altmanZone).toBe(facts.altmanZZone);
    expect(facts.altmanZddZone).toBe('safe');
    expect(notes.altmanZdd).toMatch(/X1 0\.150/);
  });

  it('is null with the missing input named', () => {
    const r = altmanRatios({ totalCurrentAssets: 1, totalCurrentLiabilities: 1, totalAssets: 10, totalLiabilities: 5, totalEquity: 5, ebit: 1, revenue: 3 });
    expect(r).toEqual({ value: null, reason: 'retained earnings is missing' });
  });
});
