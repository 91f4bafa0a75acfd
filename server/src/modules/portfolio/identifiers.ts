/**
 * Synthetic identifiers that pass their checks (portfolio-spec.md §4.2, domain.md §5.1): USCCs with a valid
 * GB 11714 organisation-code check and MOD 31 check character, LEIs with valid ISO 7064 MOD 97-10 digits, and
 * local registry numbers in the shape of each country's register. None belongs to a real entity on purpose:
 * the organisation code is a bijection of the borrower's index, so two borrowers never share one.
 */
import { orgCodeCheckCharacter, USCC_CHARSET, usccCheckCharacter } from '../facts/uscc';
import type { Rng } from './rng';

/** Characters valid both in a USCC and in a GB 11714 organisation code (no I, O, S, V, Z). */
const ORG_CHARS = USCC_CHARSET;
const ORG_SPACE = BigInt(ORG_CHARS.length) ** 8n; // 31^8 ≈ 8.5e11
const ORG_STRIDE = 7_919_350_261n; // not a multiple of 31, so i ↦ i·stride mod 31^8 is a bijection

/** The 8-character organisation code body for borrower `index` (distinct for every index below 31^8). */
export function orgCodeBody(index: number, seed: number): string {
  const offset = (BigInt(seed >>> 0) * 2_654_435_761n) % ORG_SPACE;
  let v = Number(((BigInt(index) % ORG_SPACE) * ORG_STRIDE + offset) % ORG_SPACE);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ORG_CHARS[v % 31] + out;
    v = Math.floor(v / 31);
  }
  return out;
}

/** A valid USCC: authority + category, registering division, organisation code with its check, MOD 31 check. */
export function makeUscc(category: '91' | '92' | '93', divisionCode: string, index: number, seed: number): string {
  const body = orgCodeBody(index, seed);
  const org = body + (orgCodeCheckCharacter(body) as string);
  const first17 = category + divisionCode + org;
  return first17 + (usccCheckCharacter(first17) as { char: string }).char;
}

/** A deliberately invalid USCC for data-quality tests: a wrong check character, or a forbidden letter. */
export function corruptUscc(valid: string, rng: Rng): string {
  if (rng.chance(0.5)) {
    const right = valid[17];
    let wrong = right;
    while (wrong === right) wrong = USCC_CHARSET[rng.int(0, 30)];
    return valid.slice(0, 17) + wrong;
  }
  const pos = rng.int(8, 15);
  return valid.slice(0, pos) + rng.pick(['I', 'O', 'S', 'V', 'Z']) + valid.slice(pos + 1);
}

/** ISO 7064 MOD 97-10 over an alphanumeric string (letters A = 10 … Z = 35). */
function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = parseInt(ch, 36);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem;
}

const LOUS = ['5493', '2138', '3003', '5299', '8945', '9845', '2549', '6354'];
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ISO 17442 LEI: LOU prefix, '00', 12 characters, two check digits making the MOD 97 value 1. */
export function makeLei(rng: Rng): string {
  let body = rng.pick(LOUS) + '00';
  for (let i = 0; i < 12; i++) body += ALNUM[rng.int(0, 35)];
  const check = 98 - mod97(body + '00');
  return body + String(check).padStart(2, '0');
}

const digits = (rng: Rng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
};

/** A company-register number in the local format (shape only). */
export function localRegNo(country: string, rng: Rng): string {
  switch (country) {
    case 'HK':
      return digits(rng, 7);
    case 'SG':
      return `20${digits(rng, 7)}${ALNUM[rng.int(10, 35)]}`;
    case 'GB':
      return digits(rng, 8);
    case 'DE':
      return `HRB ${digits(rng, 6)}`;
    case 'US':
      return `${digits(rng, 2)}-${digits(rng, 7)}`;
    case 'BR':
      return `${digits(rng, 2)}.${digits(rng, 3)}.${digits(rng, 3)}/0001-${digits(rng, 2)}`;
    case 'KZ':
      return digits(rng, 12);
    case 'ID':
      return digits(rng, 13);
    default:
      return digits(rng, 10);
  }
}
