/**
 * Unified Social Credit Code check, domain.md §5.1 (GB 32100-2015), and the LEI check (ISO 17442).
 *
 * Hard rules (valid = false): 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, S, V, Z), a known
 * registration-authority code in position 1, and the MOD 31 check character in position 18:
 *   S = Σ_{i=0..16} value(code[i]) · 3^i mod 31,   c18 = (31 − S mod 31) mod 31.
 * Warnings (valid stays true): the GB 11714 organisation-code check on positions 9–17 ([UNSURE] whether every issued
 * code satisfies it), an unknown entity category for the authority, a non-numeric or unknown division code, and
 * anything other than 91 (enterprise under market regulation), which corporate lending should review.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Position 1 → allowed position-2 entity categories. */
const AUTHORITIES: Record<string, string> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '12349',
  Y: '1',
};

/** GB/T 2260 province-level prefixes; the full division list changes over time, so only the prefix is checked. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82']);

export type UsccReason = 'empty' | 'length' | 'charset' | 'registration_authority' | 'check_character';
export type UsccWarningCode = 'org_code_check' | 'entity_category' | 'division_code' | 'not_enterprise';

export interface UsccWarning {
  code: UsccWarningCode;
  message: string;
  expected?: string;
}

export interface UsccResult {
  valid: boolean;
  /** Spaces stripped, upper-cased. */
  normalized: string;
  reason?: UsccReason;
  message?: string;
  /** The check character the first 17 characters call for (when they are well-formed). */
  expected?: string;
  /** Σ value·weight over positions 1–17. */
  checksum?: number;
  warnings: UsccWarning[];
}

/** §5.1 MOD 31 check character for the first 17 characters; null if any is outside the character set. */
export function usccCheckCharacter(first17: string): { char: string; sum: number } | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  return { char: USCC_CHARSET[(31 - (sum % 31)) % 31], sum };
}

/**
 * §5.1 GB 11714 organisation-code check over 8 characters, letters at full-alphabet values (A = 10 … Z = 35):
 * c9 = 11 − (Σ value·w mod 11), 10 → "X", 11 → "0".
 */
export function orgCodeCheckCharacter(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = parseInt(first8[i], 36);
    if (Number.isNaN(v)) return null;
    sum += v * ORG_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function validateUscc(code: string): UsccResult {
  const normalized = String(code ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  const fail = (reason: UsccReason, message: string, extra: Partial<UsccResult> = {}): UsccResult => ({ valid: false, normalized, reason, message, warnings: [], ...extra });
  if (normalized.length === 0) return fail('empty', 'the code is empty');
  if (normalized.length !== 18) return fail('length', `the code has ${normalized.length} characters; it must have 18`);
  const bad = [...normalized].filter((ch) => !USCC_CHARSET.includes(ch));
  if (bad.length) return fail('charset', `the code contains characters not allowed in a USCC: ${[...new Set(bad)].join(', ')} (I, O, S, V and Z are never used)`);
  const check = usccCheckCharacter(normalized.slice(0, 17)) as { char: string; sum: number };
  if (!(normalized[0] in AUTHORITIES)) return fail('registration_authority', `'${normalized[0]}' is not a registration-authority code`, { expected: check.char, checksum: check.sum });
  if (normalized[17] !== check.char)
    return fail('check_character', `the check character is '${normalized[17]}'; the first 17 characters call for '${check.char}'`, { expected: check.char, checksum: check.sum });

  const warnings: UsccWarning[] = [];
  if (!AUTHORITIES[normalized[0]].includes(normalized[1]))
    warnings.push({ code: 'entity_category', message: `entity category '${normalized[1]}' is not defined under authority '${normalized[0]}'` });
  const division = normalized.slice(2, 8);
  if (!/^\d{6}$/.test(division)) warnings.push({ code: 'division_code', message: `positions 3–8 ('${division}') are not a numeric GB/T 2260 division code` });
  else if (!PROVINCES.has(division.slice(0, 2))) warnings.push({ code: 'division_code', message: `'${division}' does not start with a known province code` });
  const org = orgCodeCheckCharacter(normalized.slice(8, 16));
  if (org !== null && org !== normalized[16])
    warnings.push({ code: 'org_code_check', message: `the organisation code's own check character is '${normalized[16]}'; GB 11714 calls for '${org}'`, expected: org });
  if (normalized.slice(0, 2) !== '91') warnings.push({ code: 'not_enterprise', message: `'${normalized.slice(0, 2)}' is not 91 (enterprise under market regulation): review for corporate lending` });
  return { valid: true, normalized, checksum: check.sum, expected: check.char, warnings };
}

/** ISO 17442 LEI: 20 alphanumerics whose MOD 97-10 value (letters A = 10 … Z = 35) is 1. */
export function validateLei(code: string): boolean {
  const s = String(code ?? '')
    .replace(/\s+/g, '')
    .toUpperCase();
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(s)) return false;
  let rem = 0;
  for (const ch of s) {
    const v = parseInt(ch, 36);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem === 1;
}
