import { ApiError, readApiError } from '../../../api/api-error';

/**
 * Sends a file as the raw request body (a client import, a simulation population), which api/http.ts cannot: it
 * speaks JSON only. Same rules as http.ts otherwise: same-origin cookies, the CSRF token, problem+json as ApiError.
 * The content type tells the server the format: text/csv or application/x-ndjson.
 */
export async function uploadFile<T>(path: string, file: Blob, contentType: string, csrfToken: string | undefined, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { accept: 'application/json, application/problem+json', 'content-type': contentType, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: file,
      credentials: 'same-origin',
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError({ status: 0, code: 'network', detail: err instanceof Error ? err.message : String(err) });
  }
  if (!response.ok) throw await readApiError(response);
  return (await response.json()) as T;
}

/** The format of a population or import file, from its name (and, failing that, its type). */
export function fileFormat(file: { name: string; type?: string }): 'csv' | 'jsonl' | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === 'text/csv') return 'csv';
  if (/\.(jsonl|ndjson|json)$/.test(name) || file.type === 'application/x-ndjson') return 'jsonl';
  return null;
}

export const CONTENT_TYPES = { csv: 'text/csv', jsonl: 'application/x-ndjson' } as const;
