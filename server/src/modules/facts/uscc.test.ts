import { orgCodeCheckCharacter, usccCheckCharacter, validateLei, validateUscc } from './uscc';

describe('domain.md §5.1 USCC check', () => {
  it('accepts 91350100M000100Y43 with S = 1,640 (mod 31 = 28 → check 3)', () => {
    const r = validateUscc('91350100M000100Y43');
    expect(r).toMatchObject({ valid: true, checksum: 1640, expected: '3', warnings: [] });
    expect(1640 % 31).toBe(28);
  });

  it('accepts 9144030071526726XG', () => {
    expect(validateUscc('9144030071526726XG')).toMatchObject({ valid: true, warnings: [] });
  });

  it('strips spaces and upper-cases before checking', () => {
    expect(validateUscc(' 9135 0100m000100y43 ')).toMatchObject({ valid: true, normalized: '91350100M000100Y43' });
  });

  it('rejects a wrong check character and says which one was expected', () => {
    expect(validateUscc('91350100M000100Y44')).toMatchObject({ valid: false, reason: 'check_character', expected: '3' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the letter %s (not in the 31-character set)', (ch) => {
    const r = validateUscc(`91350100M000100${ch}43`);
    expect(r).toMatchObject({ valid: false, reason: 'charset' });
    expect(r.message).toContain(ch);
  });

  it('rejects other characters too', () => {
    expect(validateUscc('91350100M000100-43')).toMatchObject({ valid: false, reason: 'charset' });
  });

  it.each(['91350100M000100Y4', '91350100M000100Y433', ''])('rejects %j for its length', (code) => {
    expect(validateUscc(code)).toMatchObject({ valid: false, reason: code === '' ? 'empty' : 'length' });
  });

  it('rejects an unknown registration authority (position 1 must be 1–9, A, N or Y)', () => {
    const first17 = 'B1350100M000100Y4';
    const code = first17 + usccCheckCharacter(first17)!.char;
    expect(validateUscc(code)).toMatchObject({ valid: false, reason: 'registration_authority' });
  });

  it('computes the GB 11714 inner check: M000100Y → 4 (M = 22, Y = 34 in the full alphabet)', () => {
    expect(orgCodeCheckCharacter('M000100Y')).toBe('4');
    expect(orgCodeCheckCharacter('71526726')).toBe('X');
  });

  it('reports a failing inner check as a warning only', () => {
    const first17 = '91350100M000100Y5';
    const code = first17 + usccCheckCharacter(first17)!.char;
    const r = validateUscc(code);
    expect(r.valid).toBe(true);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'org_code_check', expected: '4' })]);
  });

  it('flags non-enterprise codes (92 sole trader, 12 public institution) for review', () => {
    for (const prefix of ['92', '12']) {
      const first17 = `${prefix}350100M000100Y4`;
      const r = validateUscc(first17 + usccCheckCharacter(first17)!.char);
      expect(r.valid).toBe(true);
      expect(r.warnings.map((w) => w.code)).toContain('not_enterprise');
    }
  });

  it('warns on an unknown province prefix and an undefined entity category', () => {
    const first17 = '95990100M000100Y4';
    const r = validateUscc(first17 + usccCheckCharacter(first17)!.char);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['division_code', 'entity_category', 'not_enterprise']);
  });
});

describe('LEI (ISO 17442, MOD 97-10)', () => {
  it('accepts valid LEIs and rejects a changed digit', () => {
    expect(validateLei('5493001KJTIIGC8Y1R12')).toBe(true);
    expect(validateLei('HWUPKR0MPOU8FGXBT394')).toBe(true);
    expect(validateLei('5493001KJTIIGC8Y1R13')).toBe(false);
    expect(validateLei('5493001KJTIIGC8Y1R1')).toBe(false);
  });
});
