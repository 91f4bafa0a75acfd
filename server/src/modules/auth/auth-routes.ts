import { ifMatchRevision } from '../../http/revision-headers';
import type { Request, Response } from 'express';
import { defineRoute, type RouteDef } from '../../http/route';
import { UnauthenticatedError } from '../../shared/errors';
import type { ApiKeyService } from './api-key-service';
import type { AuthService } from './auth-service';
import { API_KEY_SCOPES, permissionsForRoles, ROLES } from './permissions';
import type { UserService } from './user-service';
import { publicUser, type User } from './user';

export const SESSION_COOKIE = 'covenant_session';

export interface AuthRouteDeps {
  auth: AuthService;
  users: UserService;
  apiKeys: ApiKeyService;
  cookieSecure: boolean;
  demo: boolean;
}

function sessionBody(user: User, csrfToken: string) {
  const u = publicUser(user);
  return {
    user: { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, demo: u.demo, rmCode: u.rmCode },
    permissions: [...permissionsForRoles(u.roles)],
    csrfToken,
  };
}

function setCookie(res: Response, token: string, secure: boolean, maxAgeMs?: number) {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeMs });
}

export function authRoutes(d: AuthRouteDeps): RouteDef[] {
  return [
    defineRoute({
      method: 'post', path: '/api/v1/auth/login', access: 'public', body: 'login', tags: ['auth'],
      summary: 'Sign in with username and password; sets an HttpOnly SameSite=Strict session cookie',
      handler: async ({ req, res, body }) => {
        const { token, session, user } = await d.auth.login(body.username, body.password, clientIp(req));
        setCookie(res, token, d.cookieSecure, new Date(session.expiresAt).getTime() - Date.now());
        return { body: sessionBody(user, session.csrfToken) };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/auth/me', access: 'authenticated', allowApiKey: false, tags: ['auth'],
      summary: 'The signed-in user (with their relationship-manager code, rmCode), roles, permissions and the CSRF token cookie-authenticated writes must send as x-csrf-token',
      handler: async ({ req }) => {
        const s = (req as Request & { session?: { user: User; csrfToken: string } }).session;
        if (!s) throw new UnauthenticatedError();
        return { body: sessionBody(s.user, s.csrfToken) };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/auth/logout', access: 'public', tags: ['auth'],
      summary: 'Sign out: ends the session and clears the cookie',
      handler: async ({ req, res }) => {
        const token = req.cookies?.[SESSION_COOKIE];
        if (token) await d.auth.logout(token);
        res.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: d.cookieSecure });
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post', path: '/api/v1/auth/password', access: 'authenticated', allowApiKey: false, body: 'password-change', tags: ['auth'],
      summary: 'Change my own password (ends my other sessions)',
      handler: async ({ actor, body }) => {
        await d.users.changeOwnPassword(actor.id, body.currentPassword, body.newPassword, actor);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get', path: '/api/v1/meta', access: 'public', tags: ['auth'],
      summary: 'What the sign-in page needs to know: whether this is a demo store, the roles and scopes',
      handler: async () => ({ body: { demo: d.demo, roles: ROLES, apiKeyScopes: API_KEY_SCOPES } }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/admin/users', access: 'admin:users', allowApiKey: false, tags: ['admin'],
      summary: 'List staff users',
      handler: async () => ({ body: { items: await d.users.list() } }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/admin/users', access: 'admin:users', allowApiKey: false, body: 'user-create', tags: ['admin'],
      summary: 'Create a staff user',
      handler: async ({ body, actor }) => ({ status: 201, body: await d.users.create(body, actor) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/admin/users/:id', access: 'admin:users', allowApiKey: false, tags: ['admin'],
      summary: 'One staff user',
      handler: async ({ params }) => ({ body: await d.users.get(params.id) }),
    }),
    defineRoute({
      method: 'patch', path: '/api/v1/admin/users/:id', access: 'admin:users', allowApiKey: false, body: 'user-update', tags: ['admin'],
      summary: 'Change roles, display name, relationship-manager code, password, or disable a user (If-Match: revision, optional)',
      handler: async ({ params, body, actor, req }) => ({ body: await d.users.update(params.id, body, actor, ifMatchRevision(req)) }),
    }),
    defineRoute({
      method: 'get', path: '/api/v1/admin/api-keys', access: 'admin:api-keys', allowApiKey: false, tags: ['admin'],
      summary: 'List API keys (never their secrets)',
      handler: async () => ({ body: { items: await d.apiKeys.list() } }),
    }),
    defineRoute({
      method: 'post', path: '/api/v1/admin/api-keys', access: 'admin:api-keys', allowApiKey: false, body: 'api-key-create', tags: ['admin'],
      summary: 'Create an API key; the secret is in this response only',
      handler: async ({ body, actor }) => ({ status: 201, body: await d.apiKeys.create(body.name, body.scopes, actor) }),
    }),
    defineRoute({
      method: 'delete', path: '/api/v1/admin/api-keys/:id', access: 'admin:api-keys', allowApiKey: false, tags: ['admin'],
      summary: 'Revoke an API key',
      handler: async ({ params, actor }) => ({ body: await d.apiKeys.revoke(params.id, actor) }),
    }),
  ];
}

export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

