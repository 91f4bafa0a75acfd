import { describe, expect, it, vi } from 'vitest';
import { FakeApi, ok, problem } from '../test-utils/fake-api';
import { ApiError, http, onUnauthorized, setCsrfToken } from './http';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('http', () => {
  it('turns a problem+json answer into an ApiError with status, code, detail and field errors', async () => {
    new FakeApi()
      .on(
        'POST',
        '/api/v1/decisions',
        problem(422, 'invalid_input', 'The request has 2 problems', {
          errorId: 'err_42',
          errors: [
            { pointer: '/facts/debtRatio', message: '`facts.debtRatio` must be a number; it was the string "0.8x"' },
            { pointer: '/clientId', message: 'is required' },
            { nonsense: true },
          ],
        }),
      )
      .install();
    const error = await failure(http.post('/api/v1/decisions', { facts: { debtRatio: '0.8x' } }));
    expect(error).toMatchObject({ status: 422, code: 'invalid_input', detail: 'The request has 2 problems', errorId: 'err_42' });
    expect(error.errors).toHaveLength(2);
    expect(error.fieldMessage('/clientId')).toBe('is required');
  });

  it('still gives an ApiError when the error body is not a problem document', async () => {
    new FakeApi().on('GET', '/api/v1/rule-sets', { status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' }).install();
    const error = await failure(http.get('/api/v1/rule-sets'));
    expect(error).toMatchObject({ status: 502, code: 'http_502', errors: [] });
  });

  it('reports an unreachable server as status 0, code "network"', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await failure(http.get('/api/v1/rule-sets'));
    expect(error).toMatchObject({ status: 0, code: 'network' });
  });

  it('sends JSON with same-origin cookies, and the CSRF token only on requests that change something', async () => {
    const api = new FakeApi().on('GET', '/a', ok({ a: 1 })).on('PUT', '/b', ok({ b: 2 })).install();
    setCsrfToken('tok-1');
    expect(await http.get('/a')).toEqual({ a: 1 });
    expect(await http.put('/b', { name: 'x' })).toEqual({ b: 2 });
    const [get, put] = api.calls;
    expect(get.credentials).toBe('same-origin');
    expect(get.headers['x-csrf-token']).toBeUndefined();
    expect(put).toMatchObject({ credentials: 'same-origin', body: { name: 'x' } });
    expect(put.headers).toMatchObject({ 'x-csrf-token': 'tok-1', 'content-type': 'application/json' });
  });

  it('uploads a file as the raw body with its content type, the CSRF token and same-origin cookies', async () => {
    const api = new FakeApi().on('POST', '/api/v1/clients/import?format=csv', ok({ id: 'imp_1' }, 202)).install();
    setCsrfToken('tok-2');
    const file = new Blob(['uscc,name\n91350100M000100Y43,Acme\n'], { type: 'text/csv' });
    expect(await http.postRaw('/api/v1/clients/import?format=csv', file, 'text/csv')).toEqual({ id: 'imp_1' });
    const [call] = api.calls;
    expect(call.rawBody).toBe(file); // sent as it is, not re-encoded as JSON
    expect(call.credentials).toBe('same-origin');
    expect(call.headers).toMatchObject({ 'content-type': 'text/csv', 'x-csrf-token': 'tok-2' });
  });

  it('maps a refused upload to an ApiError and an expired session to the session listeners, like any other call', async () => {
    new FakeApi()
      .on('POST', '/api/v1/simulations/uploads', problem(415, 'unsupported_media_type', 'Send the file as text/csv or application/x-ndjson.'))
      .on('POST', '/api/v1/clients/import', problem(401, 'unauthenticated'))
      .install();
    const refused = await failure(http.postRaw('/api/v1/simulations/uploads', 'x', 'application/json-seq'));
    expect(refused).toMatchObject({ status: 415, code: 'unsupported_media_type', detail: 'Send the file as text/csv or application/x-ndjson.' });
    const heard = vi.fn();
    const stop = onUnauthorized(heard);
    const expired = await failure(http.postRaw('/api/v1/clients/import', new Blob(['a']), 'text/csv'));
    expect(expired.status).toBe(401);
    expect(heard).toHaveBeenCalledWith(expired);
    stop();
  });

  it('answers undefined for 204 No Content', async () => {
    new FakeApi().on('DELETE', '/api/v1/alerts/alr_1', { status: 204 }).install();
    await expect(http.delete('/api/v1/alerts/alr_1')).resolves.toBeUndefined();
  });

  it('announces a 401 as an expired session, except on calls that expect one', async () => {
    new FakeApi().on('GET', '/api/v1/rule-sets', problem(401, 'unauthenticated')).on('GET', '/api/v1/auth/me', problem(401, 'unauthenticated')).install();
    const heard = vi.fn();
    const stop = onUnauthorized(heard);
    await failure(http.get('/api/v1/auth/me', { expectUnauthorized: true }));
    expect(heard).not.toHaveBeenCalled();
    await failure(http.get('/api/v1/rule-sets'));
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
  });
});
