/// <reference types="node" />
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateAdminValidators } from './schema-validators-source';
import { checkApiKeyCreate, checkUserCreate } from './form-validation';

// Not `new URL(…, import.meta.url)`: Vite would treat that as an asset reference.
const generatedFile = join(dirname(fileURLToPath(import.meta.url)), 'schema-validators.generated.ts');

describe('admin form validators', () => {
  it('are generated from the current schemas', () => {
    const expected = generateAdminValidators();
    if (process.env.UPDATE_ADMIN_VALIDATORS) writeFileSync(generatedFile, expected);
    expect(readFileSync(generatedFile, 'utf8')).toBe(expected);
  });

  it('check a new user as the server does', () => {
    expect(checkUserCreate({ username: 'li.na', roles: ['analyst'], password: 'x' })).toEqual({});
    expect(checkUserCreate({ username: 'a', roles: [], password: '' })).toEqual({
      '/username': { key: 'admin.validation.username' },
      '/roles': { key: 'admin.validation.rolesRequired' },
      '/password': { key: 'admin.validation.required' },
    });
  });

  it('check a new API key as the server does', () => {
    expect(checkApiKeyCreate({ name: 'loan origination', scopes: ['decisions:evaluate'] })).toEqual({});
    expect(checkApiKeyCreate({ name: '', scopes: [] })).toEqual({
      '/name': { key: 'admin.validation.required' },
      '/scopes': { key: 'admin.validation.scopesRequired' },
    });
  });
});
