import type { NextFunction, Request, Response } from 'express';
import { newId } from '../shared/ids';

const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,100}$/;

/** Honours a caller's x-request-id when it is sane, otherwise makes one; echoes it on the response. */
export function requestId() {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : newId('req');
    Object.assign(req, { id });
    res.setHeader('x-request-id', id);
    next();
  };
}
