import type { Request } from 'express';
import { BadRequestError } from '../shared/errors';

/**
 * Optimistic concurrency over HTTP, one way for every versioned resource: the revision travels out as the ETag and
 * comes back in If-Match.
 *
 * The revision in If-Match: `3`, `"3"`, `W/"3"`, or an ETag that carries more after the revision (`"3.2"`: an alert's
 * revision and its note count). Undefined when the header is absent; 400 `bad_if_match` when it holds no revision
 * (a stale-looking number would otherwise be read as a conflict, 409, and hide the caller's mistake).
 */
export function ifMatchRevision(req: Request): number | undefined {
  const raw = req.headers['if-match'];
  if (!raw) return undefined;
  const m = /^(?:W\/)?"?(\d+)(?:\.\d+)?"?$/.exec(String(raw).trim());
  if (!m) throw new BadRequestError('bad_if_match', 'If-Match must be the revision number, e.g. If-Match: "3".');
  return Number(m[1]);
}

/** A versioned resource as a route result, its revision as the ETag (`etag` when the resource needs more in it). */
export function withRevisionEtag<T extends { revision: number }>(body: T, status = 200, etag = `"${body.revision}"`) {
  return { status, body, headers: { ETag: etag } };
}
