import { compileFactValidator, isIsoDate } from './fact-validator';

const validate = compileFactValidator({
  inputs: [
    { name: 'debtToAsset', type: 'number', required: true, minimum: 0, maximum: 5 },
    { name: 'grade', type: 'integer', minimum: 1, maximum: 10 },
    { name: 'sector', type: 'string', enum: ['manufacturing', 'retail'] },
    { name: 'listed', type: 'boolean', default: false },
    { name: 'reportDate', type: 'date' },
    { name: 'covenants', type: 'array' },
    { name: 'profile', type: 'object' },
    { name: 'rating', type: 'string', enum: [{ agency: 'x' }] as unknown[] },
  ],
});

describe('compileFactValidator', () => {
  it('accepts good facts and passes the same object through when no default is needed', () => {
    const facts = { debtToAsset: 0.5, grade: 3, sector: 'retail', listed: true, reportDate: '2024-12-31', covenants: [], profile: {}, extra: 'kept' };
    const r = validate(facts, '/facts');
    expect(r.errors).toEqual([]);
    expect(r.facts).toBe(facts);
  });

  it('fills a declared default into a copy, never into the caller\'s object', () => {
    const facts = { debtToAsset: 0.5 };
    const r = validate(facts, '/facts');
    expect(r.facts).toEqual({ debtToAsset: 0.5, listed: false });
    expect(facts).toEqual({ debtToAsset: 0.5 });
  });

  it('names every bad fact with what was wrong and what it was', () => {
    const r = validate({ debtToAsset: null, grade: 11, sector: 'mining', listed: 1, reportDate: '31/12/2024', covenants: {}, profile: [], rating: 'AA' }, '/items/2/facts');
    expect(r.errors.map((e) => `${e.pointer} ${e.message}`)).toEqual([
      '/items/2/facts/debtToAsset is required; it was null',
      '/items/2/facts/grade must be at most 10; it was 11',
      '/items/2/facts/sector must be one of "manufacturing", "retail"; it was the string "mining"',
      '/items/2/facts/listed must be true or false; it was the number 1',
      '/items/2/facts/reportDate must be an ISO date (YYYY-MM-DD, or a date-time); it was the string "31/12/2024"',
      '/items/2/facts/covenants must be an array; it was an object',
      '/items/2/facts/profile must be an object; it was an array',
      '/items/2/facts/rating must be one of {"agency":"x"}; it was the string "AA"',
    ]);
  });

  it('treats an absent or null optional fact as unknown, and refuses NaN-like numbers', () => {
    expect(validate({ debtToAsset: 1, grade: null }, '').errors).toEqual([]);
    expect(validate({ debtToAsset: Infinity }, '').errors[0].message).toBe('must be a number; it was the number Infinity');
    expect(validate({ debtToAsset: -0.1 }, '').errors[0].message).toBe('must be at least 0; it was -0.1');
    expect(validate({ debtToAsset: 1, grade: 2.5 }, '').errors[0].message).toBe('must be an integer; it was the number 2.5');
  });

  it('accepts a rule set without inputs', () => {
    expect(compileFactValidator({}).call(null, { anything: 1 }, '').errors).toEqual([]);
  });
});

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2024-12-31T23:59:59Z', '2024-12-31T08:00+08:00', '2024-01-01 10:00:00.123'])('accepts %s', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2023-02-29', '2024-13-01', '2024-1-1', '24-01-01', '2024-01-01T25:00', 'today', 20240101, null])('refuses %s', (d) => expect(isIsoDate(d)).toBe(false));
});
