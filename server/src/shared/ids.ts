import { randomBytes } from 'node:crypto';

/** Prefixed ids make logs readable: rs_, dec_, cli_, alr_, sim_, key_, usr_, ses_, aud_. */
export type IdPrefix = 'rs' | 'dec' | 'cli' | 'alr' | 'sim' | 'key' | 'usr' | 'ses' | 'aud' | 'scn' | 'imp' | 'upl' | 'req' | 'err' | 'evt' | 'stm' | 'cls';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
let lastMs = 0;
let counter = 0;

/**
 * Time-ordered ids: 9 characters of milliseconds, 4 of a per-process counter, 7 random. Ids made later in this
 * process always sort after earlier ones, which keeps cursor pagination stable while rows are being inserted.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else counter++;
  const time = lastMs.toString(36).padStart(9, '0');
  const seq = (counter % 36 ** 4).toString(36).padStart(4, '0');
  let rand = '';
  for (let i = 0; i < 7; i++) rand += ALPHABET[nextRandomByte() % 36];
  return `${prefix}_${time}${seq}${rand}`;
}

// randomBytes per id cost ~5 % of a decision's CPU; drawing from a pooled buffer keeps the ids as random.
const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let poolAt = 0;
function nextRandomByte(): number {
  if (poolAt >= POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    poolAt = 0;
  }
  return pool[poolAt++];
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
