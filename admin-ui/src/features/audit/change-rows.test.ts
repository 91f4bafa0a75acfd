import { describe, expect, it } from 'vitest';
import { changeRows } from './change-rows';

describe('before → after rows', () => {
  it('compares objects field by field', () => {
    expect(changeRows({ roles: ['analyst'], disabled: false }, { roles: ['analyst', 'approver'], disabled: false, revision: 2 })).toEqual([
      { field: 'roles', before: ['analyst'], after: ['analyst', 'approver'], changed: true },
      { field: 'disabled', before: false, after: false, changed: false },
      { field: 'revision', before: undefined, after: 2, changed: true },
    ]);
  });

  it('treats a creation as every field added, and anything else as one value', () => {
    expect(changeRows(undefined, { name: 'k' })).toEqual([{ field: 'name', before: undefined, after: 'k', changed: true }]);
    expect(changeRows('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b', changed: true }]);
  });
});
