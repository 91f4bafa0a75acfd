import cookieParser from 'cookie-parser';
import express, { type Express, type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { AppError } from '../shared/errors';
import type { SchemaValidator } from '../shared/validation';
import { authenticate } from './authenticate';
import { errorHandler } from './error-handler';
import { requestId } from './request-id';
import { requestLog } from './request-log';
import { toHandler, type RouteDef } from './route';
import type { ApiKeyService } from '../modules/auth/api-key-service';
import type { AuthService } from '../modules/auth/auth-service';

export interface AppDeps {
  log: Logger;
  validator: SchemaValidator;
  routes: RouteDef[];
  auth: AuthService;
  apiKeys: ApiKeyService;
  bodyLimitBytes: number;
  trustProxy: boolean;
  corsOrigins: string[];
  /** The built admin UI (dist/admin-ui), served at / when present. */
  uiDir?: string;
  /** Public routers mounted before authentication (API docs, metrics). */
  publicRouters?: Router[];
  /** Liveness and readiness, for load balancers and orchestrators. */
  ready: () => Promise<{ ready: boolean; details: Record<string, unknown> }>;
  /** Told the code and status of every error response (metrics). */
  onError?: (code: string, status: number) => void;
}

export function buildApp(d: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', d.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestId());
  app.use(requestLog(d.log));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // MUI (emotion) injects style elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  if (d.corsOrigins.length) app.use(cors(d.corsOrigins));
  app.use(cookieParser());
  app.use(express.json({ limit: d.bodyLimitBytes, type: ['application/json', 'application/*+json'], strict: false }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const r = await d.ready();
    res.status(r.ready ? 200 : 503).json({ status: r.ready ? 'ready' : 'degraded', ...r.details });
  });
  for (const r of d.publicRouters ?? []) app.use(r);
  app.use(authenticate(d.auth, d.apiKeys));
  const router = express.Router();
  for (const r of d.routes) router[r.method](r.path, toHandler(r, { validator: d.validator }));
  app.use(router);
  app.use('/api', (req, _res, next) => next(new AppError(404, 'no_such_endpoint', `There is no ${req.method} ${req.originalUrl.split('?')[0]}.`)));
  if (d.uiDir && existsSync(join(d.uiDir, 'index.html'))) {
    const uiDir = d.uiDir;
    app.use(express.static(uiDir, { index: false, maxAge: '1h' }));
    // Client-side routes (/rule-sets/…, /clients/…) all load the single page; a reload keeps the address.
    app.get(/^\/(?!api\/|metrics$|healthz$|readyz$).*/, (_req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(uiDir, 'index.html'));
    });
  }
  app.use((req, _res, next) => next(new AppError(404, 'not_found', `Nothing at ${req.originalUrl.split('?')[0]}.`)));
  app.use(errorHandler(d.log, d.onError));
  return app;
}

/** CORS is off unless origins are configured; then only those origins, with credentials. */
function cors(origins: string[]) {
  return (req: Request, res: Response, next: () => void) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, x-api-key, x-csrf-token, x-request-id, idempotency-key, if-match');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      if (req.method === 'OPTIONS') return void res.status(204).end();
    }
    next();
  };
}
