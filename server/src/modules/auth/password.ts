import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { FieldError } from '../../shared/errors';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, keylen: number, opts: object) => Promise<Buffer>;

// N=2^15 costs ~60 ms per hash on our hardware: slow enough to hurt guessing, fast enough for sign-in.
const N = 32768;
const R = 8;
const P = 1;
const KEYLEN = 32;

/** Hashes a password with node:crypto scrypt and a random salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the username is unknown so timing does not reveal it. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** Our password policy: at least 12 characters, not containing the username, not all one kind of character. */
export function passwordProblems(password: string, username: string, pointer = '/password'): FieldError[] {
  const out: FieldError[] = [];
  if (password.length < 12) out.push({ pointer, code: 'password_too_short', message: 'must be at least 12 characters long' });
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    out.push({ pointer, code: 'password_contains_username', message: 'must not contain the username' });
  if (/^(\d+|[a-z]+|[A-Z]+)$/.test(password)) out.push({ pointer, code: 'password_too_simple', message: 'must mix letters with digits or symbols' });
  return out;
}
