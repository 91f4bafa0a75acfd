import { AppError, ServiceUnavailableError } from '../shared/errors';

/** SQLite result codes (better-sqlite3's SqliteError.code, extended codes included) that mean "try again later". */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|READONLY|PROTOCOL)(_|$)/;
/** The driver's error names for a MongoDB that cannot be reached (mongodb and mongoose). */
const MONGO_UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
]);

/**
 * Translates a failure of the store itself (not of the request) into the problem a client should see: the store
 * unreachable, locked or failing I/O is 503 `store_unavailable` (retry later), no space left is 507 `storage_full`.
 * Anything else (a constraint, a corrupt file, a bug) is not recognised here and stays a 500. The adapters run every
 * write in one transaction, so a write refused this way left nothing behind.
 */
export function storeFailure(err: unknown): AppError | null {
  if (!err || typeof err !== 'object') return null;
  const { name, code, message } = err as { name?: unknown; code?: unknown; message?: unknown };
  if (code === 'SQLITE_FULL' || (typeof code === 'string' && code.startsWith('SQLITE_FULL_'))) {
    return new AppError(507, 'storage_full', 'The store has no space left, so nothing was written. Try again once an operator has freed space.');
  }
  const sqliteDown = typeof code === 'string' && SQLITE_UNAVAILABLE.test(code);
  // better-sqlite3 throws a TypeError with this message on a closed handle.
  const closed = name === 'TypeError' && message === 'The database connection is not open';
  const mongoDown = typeof name === 'string' && MONGO_UNAVAILABLE.has(name);
  if (sqliteDown || closed || mongoDown) {
    return new ServiceUnavailableError('store_unavailable', 'The store cannot be reached or is busy, so nothing was written. Try again shortly.', { retryAfterSeconds: 1 });
  }
  return null;
}
