import fc from 'fast-check';
import { JSONPath } from 'jsonpath-plus';
import { compilePath } from './json-path';

/** json-rules-engine's default path resolver, verbatim (src/almanac.js), with the almanac's non-object rule. */
function jrePath(value: unknown, path: string): unknown {
  if (value != null && typeof value === 'object') return JSONPath({ path, json: value as object, wrap: false });
  return value;
}

describe('json-path', () => {
  it.each([
    ['$.a.b', { a: { b: 1 } }, 1],
    ['$.a.b', { a: {} }, undefined],
    ['$.a[0]', { a: [5, 6] }, 5],
    ['$.a[0]', { a: 'xyz' }, 'x'],
    ['$.a.length', { a: [1, 2] }, 2],
    ['$.a[*].b', { a: [{ b: 1 }] }, [1]],
    ['$.a[*].b', { a: [] }, undefined],
    ['$.a[*]', { a: { x: 1, y: 2 } }, [1, 2]],
    ['$.a[01]', { a: [1, 2] }, undefined],
    ['$.constructor', {}, undefined],
    ['$', { a: 1 }, { a: 1 }],
  ])('%s of %j is %j', (path, json, expected) => {
    expect(compilePath(path)?.resolve(json)).toEqual(expected);
  });

  it('returns a fact that is not an object unchanged, path ignored (the almanac does)', () => {
    expect(compilePath('$.a')?.resolve('abc')).toBe('abc');
    expect(compilePath('$[0]')?.resolve(5)).toBe(5);
    expect(compilePath('$.a')?.resolve(null)).toBe(null);
  });

  it('refuses paths outside the subset', () => {
    for (const p of ['a.b', '$..a', '$.a[?(@.b)]', '$["a"]', '$.a[-1]', '$.a[0:2]', '$.1a', `$${'.a'.repeat(150)}`]) expect(compilePath(p)).toBeNull();
  });

  it('agrees with jsonpath-plus on random paths and values', () => {
    const key = fc.constantFrom('a', 'b', 'x', 'length', '0', '1', '01', '*', 'constructor');
    const step = fc.oneof(
      fc.constantFrom('a', 'b', 'x', 'length', 'constructor').map((k) => `.${k}`),
      fc.constantFrom('0', '1', '01', '*').map((k) => `[${k}]`),
    );
    const path = fc.array(step, { maxLength: 4 }).map((s) => `$${s.join('')}`);
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(path, tree, (p, json) => {
        expect(compilePath(p)?.resolve(json)).toEqual(jrePath(json, p));
      }),
      { numRuns: 3000, seed: 1 },
    );
  });
});
