import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Actor } from '../shared/actor';
import { AppError, ForbiddenError, UnauthenticatedError } from '../shared/errors';
import type { SchemaValidator } from '../shared/validation';
import type { Permission } from '../modules/auth/permissions';

/** Who may call a route: nobody signed in ('public'), anyone signed in ('authenticated'), or a permission. */
export type Access = 'public' | 'authenticated' | Permission;

export interface RouteContext<B = any> {
  req: Request;
  res: Response;
  actor: Actor;
  body: B;
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  requestId: string;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteDef {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  access: Access;
  /** API keys may call this route when their scopes cover `access`; sessions always may. Default true for reads. */
  allowApiKey?: boolean;
  /** `$id` of the JSON Schema the body must satisfy. Routes with a body must name one. */
  body?: string;
  /** `$id` of a schema for the query string (all values arrive as strings). */
  query?: string;
  summary: string;
  tags: string[];
  /** `$id` of the response schema, for the OpenAPI document. */
  response?: string;
  /**
   * A more specific refusal checked before the permission, e.g. four eyes: an author asking to approve their own
   * version is told `four_eyes`, which is the real reason, rather than a generic missing permission.
   */
  precheck?: (ctx: { actor: Actor; params: Record<string, string> }) => Promise<void>;
  /** The handler writes the response itself (files, streams, server-sent events). */
  raw?: boolean;
  /** Accept a non-JSON body (streamed uploads); the handler reads `req` itself. */
  rawBody?: boolean;
  handler: (ctx: RouteContext) => Promise<RouteResult | void> | RouteResult | void;
}

/** Declares a route. Modules export arrays of these; the app mounts them and the authorization test reads them. */
export function defineRoute(def: RouteDef): RouteDef {
  return def;
}

export interface RouteDeps {
  validator: SchemaValidator;
}

export function actorOf(req: Request): Actor | undefined {
  return (req as Request & { actor?: Actor }).actor;
}

export function requestIdOf(req: Request): string {
  return (req as Request & { id?: string }).id ?? '';
}

/** authenticate (done earlier by middleware) → authorize → validate → handler → response. */
export function toHandler(def: RouteDef, deps: RouteDeps): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const actor = actorOf(req);
      if (def.access !== 'public') {
        if (!actor) throw new UnauthenticatedError();
        if (actor.kind === 'api-key' && def.allowApiKey === false)
          throw new ForbiddenError('This endpoint is for staff sessions, not API keys.', 'api_key_not_allowed');
        if (def.precheck) await def.precheck({ actor, params: req.params as Record<string, string> });
        if (def.access !== 'authenticated' && !actor.permissions.has(def.access) && !actor.permissions.has('*'))
          throw new ForbiddenError(`You need the '${def.access}' permission for this.`, 'missing_permission', { permission: def.access });
      }
      if (!def.rawBody && hasBody(req) && !req.is(['application/json', 'application/*+json']))
        throw new AppError(415, 'unsupported_media_type', `Send the body as application/json; it was ${req.headers['content-type'] ?? 'not labelled'}.`);
      const query = { ...(req.query as Record<string, string | undefined>) };
      if (def.query) deps.validator.assert(def.query, query, 'The query string');
      let body: unknown = undefined;
      if (def.body) body = deps.validator.assert(def.body, req.body ?? {}, 'The request body');
      const result = await def.handler({
        req,
        res,
        actor: actor as Actor,
        body,
        params: req.params as Record<string, string>,
        query,
        requestId: requestIdOf(req),
      });
      if (def.raw || res.headersSent) return;
      const r = (result ?? {}) as RouteResult;
      if (r.headers) for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
      const status = r.status ?? (r.body === undefined ? 204 : 200);
      if (r.body === undefined || status === 204) res.status(status).end();
      else res.status(status).json(r.body);
    } catch (e) {
      next(e);
    }
  };
}

function hasBody(req: Request): boolean {
  const len = req.headers['content-length'];
  return (len !== undefined && len !== '0') || req.headers['transfer-encoding'] !== undefined;
}
