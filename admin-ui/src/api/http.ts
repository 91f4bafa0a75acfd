import { ApiError, readApiError } from './api-error';

export { ApiError } from './api-error';
export type { FieldError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /**
   * The sign-in calls answer 401 as part of their normal work (wrong password, no session yet); for them a 401 must
   * not be reported as an expired session.
   */
  expectUnauthorized?: boolean;
}

let csrfToken: string | undefined;
const unauthorizedListeners = new Set<(error: ApiError) => void>();

/** The session's CSRF token; sent as `x-csrf-token` on every request that changes something. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Called whenever an API call answers 401: the session has expired or was ended elsewhere. */
export function onUnauthorized(listener: (error: ApiError) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** A request body already encoded, with the content type that says how. */
interface Payload {
  body: BodyInit;
  contentType: string;
}

const json = (body: unknown): Payload | undefined => (body === undefined ? undefined : { body: JSON.stringify(body), contentType: 'application/json' });

async function request<T>(method: Method, path: string, payload: Payload | undefined, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  if (payload) headers['content-type'] = payload.contentType;
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload?.body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError({ status: 0, code: 'network', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!response.ok) {
    const error = await readApiError(response);
    if (error.status === 401 && !options.expectUnauthorized) unauthorizedListeners.forEach((listener) => listener(error));
    throw error;
  }
  const text = response.status === 204 ? '' : await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The one way the admin UI talks to the server: JSON in and out, same-origin cookies, problem+json as ApiError. */
export const http = {
  get: <T>(path: string, options: RequestOptions = {}) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('POST', path, json(body), options),
  put: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PUT', path, json(body), options),
  patch: <T>(path: string, body?: unknown, options: RequestOptions = {}) => request<T>('PATCH', path, json(body), options),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, undefined, options),
  /**
   * Sends a file as the raw request body (a client import, a simulation population) instead of JSON, so the server
   * can check rows while they arrive rather than after a whole file was parsed and re-encoded here. `contentType`
   * names the format (text/csv, application/x-ndjson). The answer is JSON; CSRF, cookies, errors and the expired
   * session are handled as for every other call.
   */
  postRaw: <T>(path: string, body: Blob | string, contentType: string, options: RequestOptions = {}) =>
    request<T>('POST', path, { body, contentType }, options),
};
