import { contentHash } from '../../shared/canonical-json';
import type { RuleSetDocument } from '../rule-sets/rule-set';
import { EngineCache } from './engine-cache';

const doc = (key: string): RuleSetDocument => ({
  key,
  family: 'warning',
  name: { zh: key, en: key },
  outputs: { severity: { type: 'string', merge: 'first' } },
  rules: [{ name: 'r', priority: 1, conditions: { all: [] }, event: { type: 't' } }],
});

describe('EngineCache', () => {
  it('compiles once per content hash and evicts the least recently used', () => {
    const cache = new EngineCache(2);
    const [a, b, c] = ['aa', 'bb', 'cc'].map(doc);
    const ca = cache.get(contentHash(a), a);
    expect(cache.get(contentHash(a), a)).toBe(ca);
    cache.get(contentHash(b), b);
    cache.get(contentHash(a), a); // a is now the most recent
    cache.get(contentHash(c), c); // evicts b
    expect(cache.has(contentHash(a))).toBe(true);
    expect(cache.has(contentHash(b))).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('refuses a hash that is not the document\'s', () => {
    const cache = new EngineCache();
    expect(() => cache.get('sha256:0', doc('aa'))).toThrow(/not the document's content hash/);
    expect(cache.size).toBe(0);
  });
});
