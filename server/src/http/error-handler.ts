import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { AppError, isAppError } from '../shared/errors';
import { storeFailure } from '../storage/store-errors';
import { internalProblem, sendProblem, toProblem } from './problem';
import { requestIdOf } from './route';

/** Maps body-parser failures (they carry `type` and `status`) to our own errors, so clients get problem+json. */
function fromBodyParser(err: any): AppError | null {
  if (!err || typeof err !== 'object' || typeof err.type !== 'string') return null;
  switch (err.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'malformed_json', `The body is not valid JSON: ${String(err.message).slice(0, 200)}`);
    case 'entity.too.large':
      return new AppError(413, 'body_too_large', `The body is larger than the ${err.limit}-byte limit.`, { limit: err.limit });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_encoding', String(err.message));
    case 'request.aborted':
      return new AppError(400, 'request_aborted', 'The request was aborted while its body was read.');
    default:
      return typeof err.status === 'number' && err.status < 500 ? new AppError(err.status, 'bad_request', String(err.message)) : null;
  }
}

/**
 * The last middleware: every error becomes application/problem+json; only our own faults are 500, never with a stack.
 * `onError` sees the code and status of every error answered (the metrics count them by code).
 */
export function errorHandler(log: Logger, onError?: (code: string, status: number) => void) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = requestIdOf(req);
    const fromStore = isAppError(err) ? null : storeFailure(err);
    const appErr = isAppError(err) ? err : (fromBodyParser(err) ?? fromStore);
    if (appErr) {
      if (appErr instanceof AppError && 'retryAfterSeconds' in appErr.details) res.setHeader('Retry-After', String(appErr.details.retryAfterSeconds));
      (appErr.status >= 500 ? log.error : log.info).call(log, { reqId: requestId, errorId: appErr.errorId, code: appErr.code, status: appErr.status, ...(fromStore ? { err } : {}) }, appErr.message);
      onError?.(appErr.code, appErr.status);
      if (res.headersSent) return res.end();
      return sendProblem(res, toProblem(appErr, requestId, req.originalUrl.split('?')[0]));
    }
    const internal = new AppError(500, 'internal', 'internal');
    log.error({ reqId: requestId, errorId: internal.errorId, err }, 'unhandled error');
    onError?.('internal', 500);
    if (res.headersSent) return res.end();
    sendProblem(res, internalProblem(internal.errorId, requestId));
  };
}
