import { describe, expect, it } from 'vitest';
import { loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('follows same-site paths', () => {
    expect(safeNextPath('/rule-sets?status=draft')).toBe('/rule-sets?status=draft');
  });
  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login?next=/x'])('refuses %s', (next) => {
    expect(safeNextPath(next)).toBe('/');
  });
  it('builds the login address that comes back here', () => {
    expect(loginPathFor('/clients?q=a&b=1')).toBe('/login?next=%2Fclients%3Fq%3Da%26b%3D1');
    expect(loginPathFor('/')).toBe('/login');
  });
});
