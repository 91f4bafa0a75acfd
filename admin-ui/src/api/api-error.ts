/** One bad field of a request, as the server names it in a problem document's `errors[]`. */
export interface FieldError {
  /** JSON pointer into the request body, e.g. "/username" or "/facts/debtRatio". */
  pointer: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  errorId?: string;
}

/**
 * Every failed API call becomes one of these, whatever the server sent. `status` 0 means the request never got an
 * answer (network down, server stopped). `code` is the machine-readable code from the problem document.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly errorId?: string;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.errorId = init.errorId;
  }

  /** The message the server gave for one field, if any; `pointer` as in "/username". */
  fieldMessage(pointer: string): string | undefined {
    return this.errors.find((e) => e.pointer === pointer)?.message;
  }
}

function isFieldError(value: unknown): value is FieldError {
  const v = value as FieldError | null;
  return typeof v === 'object' && v !== null && typeof v.pointer === 'string' && typeof v.message === 'string';
}

/**
 * Reads a failed response. A problem document (RFC 9457) gives code, detail and errors[]; anything else (a proxy's
 * HTML page, an empty body) still yields an ApiError with a code derived from the status.
 */
export async function readApiError(response: Response): Promise<ApiError> {
  const fallback = { status: response.status, code: `http_${response.status}`, detail: response.statusText };
  const type = response.headers.get('content-type') ?? '';
  if (!/application\/(problem\+)?json/.test(type)) return new ApiError(fallback);
  let body: Record<string, unknown>;
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    return new ApiError(fallback);
  }
  if (typeof body !== 'object' || body === null) return new ApiError(fallback);
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : fallback.code,
    detail: typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : fallback.detail,
    errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    errorId: typeof body.errorId === 'string' ? body.errorId : undefined,
  });
}
