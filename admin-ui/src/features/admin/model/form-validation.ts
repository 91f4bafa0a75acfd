import type { ErrorObject } from 'ajv';
import { ApiError } from '../../../api/http';
// Generated from the request schemas (see schema-validators-source.ts for why they are not compiled here).
import * as generated from './schema-validators.generated';

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
const validators = generated as unknown as Record<'validateUserCreate' | 'validateUserUpdate' | 'validateApiKeyCreate', Validate>;

/** A problem shown under a field: an i18n key (re-rendered on a language switch) or the server's own sentence. */
export interface FieldProblem {
  key?: string;
  values?: Record<string, unknown>;
  text?: string;
}

/** Problems by top-level field pointer ("/username"); one per field, the first found. */
export type FieldProblems = Record<string, FieldProblem>;

/** `/roles/2` → `/roles`: problems are shown at the form field, which is the top-level property. */
export function fieldPointer(pointer: string): string {
  const first = pointer.split('/')[1];
  return first === undefined ? '' : `/${first}`;
}

function problemFor(e: ErrorObject): [string, FieldProblem] {
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return [`/${String(p.missingProperty)}`, { key: 'admin.validation.required' }];
  const at = fieldPointer(e.instancePath);
  switch (e.keyword) {
    case 'minLength':
      return [at, p.limit === 1 ? { key: 'admin.validation.required' } : { key: 'admin.validation.tooShort', values: { min: p.limit } }];
    case 'maxLength':
      return [at, { key: 'admin.validation.tooLong', values: { max: p.limit } }];
    case 'pattern':
      return [at, { key: at === '/username' ? 'admin.validation.username' : 'admin.validation.invalid' }];
    case 'minItems':
      return [at, { key: at === '/roles' ? 'admin.validation.rolesRequired' : 'admin.validation.scopesRequired' }];
    default:
      return [at, { key: 'admin.validation.invalid' }];
  }
}

function check(validate: Validate, data: unknown): FieldProblems {
  if (validate(data)) return {};
  const out: FieldProblems = {};
  for (const e of validate.errors ?? []) {
    const [pointer, problem] = problemFor(e);
    out[pointer] ??= problem;
  }
  return out;
}

export const checkUserCreate = (body: unknown) => check(validators.validateUserCreate, body);
export const checkUserUpdate = (body: unknown) => check(validators.validateUserUpdate, body);
export const checkApiKeyCreate = (body: unknown) => check(validators.validateApiKeyCreate, body);

/**
 * The problems a failed request names (problem+json `errors[]`), at their fields. Pointers the form has no field
 * for are left out here; the caller shows the error's detail above the form.
 */
export function serverProblems(error: unknown, fields: readonly string[]): FieldProblems {
  const out: FieldProblems = {};
  if (!(error instanceof ApiError)) return out;
  for (const e of error.errors) {
    const at = fieldPointer(e.pointer);
    if (fields.includes(at)) out[at] = out[at]?.text ? { text: `${out[at].text}; ${e.message}` } : { text: e.message };
  }
  return out;
}
