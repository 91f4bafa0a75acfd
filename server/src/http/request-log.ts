import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdOf } from './route';

/**
 * One log line per finished request, carrying its request id. Failures (4xx at info, 5xx at error) are always
 * logged; successes only at debug. We do not use pino-http: its per-request child logger cost about 7 % of the
 * decision endpoint's CPU (docs/performance.md), and the decision log already records every decision.
 */
export function requestLog(log: Logger) {
  const debug = log.isLevelEnabled('debug');
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const status = res.statusCode;
      if (status < 400 && !debug) return;
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug';
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      log[level]({ reqId: requestIdOf(req), method: req.method, url: req.originalUrl.split('?')[0], status, ms: Math.round(ms * 10) / 10 }, 'request completed');
    });
    next();
  };
}
