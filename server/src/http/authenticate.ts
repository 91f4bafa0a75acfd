import type { NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { ApiKeyService } from '../modules/auth/api-key-service';
import type { AuthService } from '../modules/auth/auth-service';
import { SESSION_COOKIE } from '../modules/auth/auth-routes';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling: an API key in `x-api-key`, or a staff session cookie. A cookie-authenticated write
 * must carry the session's CSRF token in `x-csrf-token` (the cookie is SameSite=Strict too; this is the second lock).
 * A presented but invalid credential is a 401 at once rather than silently anonymous.
 */
export function authenticate(auth: AuthService, apiKeys: ApiKeyService) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    try {
      const key = req.headers['x-api-key'];
      if (typeof key === 'string' && key) {
        const actor = await apiKeys.authenticate(key);
        if (!actor) throw new UnauthenticatedError('The API key is not valid or was revoked.', 'invalid_api_key');
        Object.assign(req, { actor });
        return next();
      }
      const token = req.cookies?.[SESSION_COOKIE];
      if (typeof token === 'string' && token) {
        const found = await auth.authenticate(token);
        if (found) {
          if (!SAFE.has(req.method) && req.path !== '/api/v1/auth/login' && req.path !== '/api/v1/auth/logout') {
            const sent = String(req.headers['x-csrf-token'] ?? '');
            const want = found.session.csrfToken;
            if (sent.length !== want.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(want)))
              throw new ForbiddenError('This change needs the x-csrf-token header from GET /api/v1/auth/me.', 'csrf_token_invalid');
          }
          Object.assign(req, { actor: found.actor, session: { user: found.user, csrfToken: found.session.csrfToken } });
        } else if (req.path.startsWith('/api/') && req.path !== '/api/v1/auth/login' && req.path !== '/api/v1/auth/logout' && req.path !== '/api/v1/meta') {
          throw new UnauthenticatedError('Your session has ended. Sign in again.', 'session_expired');
        }
      }
      next();
    } catch (e) {
      next(e);
    }
  };
}
