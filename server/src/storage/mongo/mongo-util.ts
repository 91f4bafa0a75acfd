import type { TransactionOptions } from 'mongodb';

/**
 * Filters are only ever built from values that passed these checks. A caller's object (say `{ $ne: null }` arriving
 * where a username was expected) would otherwise become a query operator: the classic selector injection.
 */
export function str(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new TypeError(`${what} must be a string`);
  return value;
}

export function int(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`${what} must be an integer`);
  return value;
}

export function strOrNull(value: unknown, what: string): string | null {
  return value === null || value === undefined ? null : str(value, what);
}

/** Removes MongoDB's and mongoose's own fields (and any we add for indexing) so reads return the port's type. */
export function strip<T>(doc: unknown, extra: readonly string[] = []): T {
  const out = { ...(doc as Record<string, unknown>) };
  delete out._id;
  delete out.__v;
  for (const k of extra) delete out[k];
  return out as T;
}

/** A copy for writing: mongoose and the driver may add `_id` to the object they are handed. */
export function plain<T>(value: T): T {
  return structuredClone(value);
}

/**
 * Snapshot reads inside transactions, majority commit: a compare-and-set that read a stale snapshot then fails on
 * its write with a WriteConflict, which `withTransaction` retries from the top (re-reading, so it then reports the
 * conflict to the caller properly).
 */
export const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: { w: 'majority' },
};

/** True for an E11000 duplicate-key error, on the named index when one is given. */
export function isDuplicateKey(err: unknown, index?: string): boolean {
  const e = err as { code?: unknown; message?: unknown; writeErrors?: { code?: unknown }[] } | null;
  if (!e || typeof e !== 'object') return false;
  const code = e.code ?? e.writeErrors?.[0]?.code;
  if (code !== 11000) return false;
  return index === undefined || (typeof e.message === 'string' && e.message.includes(`index: ${index} `));
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
