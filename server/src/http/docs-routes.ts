import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Json } from './openapi-types';

/** Serves the OpenAPI document and Swagger UI. Swagger UI needs inline styles and scripts, so it gets its own CSP. */
export function docsRouter(getDocument: () => Json): Router {
  const r = express.Router();
  r.get('/api/openapi.json', (_req, res) => {
    res.json(getDocument());
  });
  r.use(
    '/api/docs',
    (_req: Request, res: Response, next: NextFunction) => {
      res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
      next();
    },
    swaggerUi.serve,
    swaggerUi.setup(undefined, { swaggerOptions: { url: '/api/openapi.json' }, customSiteTitle: 'Covenant API' }),
  );
  return r;
}
