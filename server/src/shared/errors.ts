import { randomUUID } from 'node:crypto';

/** One bad field: where it is (a JSON pointer into the request) and what is wrong, in plain words. */
export interface FieldError {
  pointer: string;
  message: string;
  code?: string;
  [extra: string]: unknown;
}

/**
 * The base of every error we raise on purpose. `code` is machine-readable and stable (clients switch on it),
 * `status` the HTTP status, `details` extra members for the problem document, and `errorId` appears in the log
 * line and in the response so support can find one from the other.
 */
export class AppError extends Error {
  readonly errorId = `err_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, errors: FieldError[], details: Record<string, unknown> = {}) {
    super(422, 'validation_failed', message, details, errors);
  }
}

export class BadRequestError extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(400, code, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in or send a valid API key.', code = 'unauthenticated') {
    super(401, code, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, code = 'forbidden', details: Record<string, unknown> = {}) {
    super(403, code, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(404, 'not_found', `${what} '${id}' does not exist.`, { resource: what, id });
  }
}

export class ConflictError extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(409, code, message, details);
  }
}

export class PreconditionRequiredError extends AppError {
  constructor(message: string) {
    super(428, 'precondition_required', message);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'rate_limited', message, { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(503, code, message, details);
  }
}

/** A store promise was broken by a concurrent writer: the caller should reload and retry. */
export class RevisionConflictError extends ConflictError {
  constructor(resource: string, expected: number, actual: number | undefined) {
    super('revision_conflict', `${resource} was changed by someone else (you sent revision ${expected}, it is now ${actual ?? 'gone'}). Reload and apply your change again.`, {
      expectedRevision: expected,
      currentRevision: actual,
    });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
