import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/http';
import type { AdminUser, Role } from '../api/types';
import { checkUserCreate, checkUserUpdate, serverProblems, type FieldProblems } from '../model/form-validation';
import { passwordMeetsPolicy } from '../model/password-policy';

export interface UserFormValues {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
  rmCode: string;
}

export type UserFormMode = 'create' | 'edit';

const FIELDS = ['/username', '/displayName', '/roles', '/password', '/rmCode'] as const;

export interface UserFormState {
  mode: UserFormMode;
  values: UserFormValues;
  problems: FieldProblems;
  /** A failure not tied to a field (409 conflict, network), shown above the fields. */
  formError: unknown;
  submitting: boolean;
  change<K extends keyof UserFormValues>(field: K, value: UserFormValues[K]): void;
  submit(event?: FormEvent): Promise<boolean>;
}

/**
 * The body the server gets: an edit sends only what changed; a blank display name is left out, and a blank RM code
 * is left out of a new user and clears (null) an edited user's code.
 */
export function userBody(mode: UserFormMode, values: UserFormValues, original?: AdminUser): Record<string, unknown> {
  const displayName = values.displayName.trim();
  const rmCode = values.rmCode.trim() || null;
  if (mode === 'create')
    return { username: values.username.trim(), roles: values.roles, password: values.password, ...(displayName ? { displayName } : {}), ...(rmCode ? { rmCode } : {}) };
  const body: Record<string, unknown> = {};
  if (displayName && displayName !== original?.displayName) body.displayName = displayName;
  if (JSON.stringify([...values.roles].sort()) !== JSON.stringify([...(original?.roles ?? [])].sort())) body.roles = values.roles;
  if (rmCode !== (original?.rmCode ?? null)) body.rmCode = rmCode;
  return body;
}

/**
 * State of the user form (create and edit): values, the same JSON-Schema checks the server runs plus the password
 * policy, and the server's field errors (problem+json `errors[].pointer`) placed at their fields.
 */
export function useUserForm(
  mode: UserFormMode,
  save: (body: Record<string, unknown>) => Promise<unknown>,
  options: { original?: AdminUser; onDone?: () => void } = {},
): UserFormState {
  const { original, onDone } = options;
  const [values, setValues] = useState<UserFormValues>({
    username: original?.username ?? '',
    displayName: original?.displayName ?? '',
    roles: original?.roles ?? [],
    password: '',
    rmCode: original?.rmCode ?? '',
  });
  const [problems, setProblems] = useState<FieldProblems>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const change: UserFormState['change'] = (field, value) => {
    setValues((v) => ({ ...v, [field]: value }));
    setProblems((p) => {
      const { [`/${field}`]: _gone, ...rest } = p;
      return rest;
    });
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (submitting) return false;
    const body = userBody(mode, values, original);
    if (mode === 'edit' && Object.keys(body).length === 0) {
      onDone?.(); // nothing changed: nothing to send
      return true;
    }
    const found = mode === 'create' ? checkUserCreate(body) : checkUserUpdate(body);
    if (mode === 'create' && !found['/password'] && !passwordMeetsPolicy(values.password, values.username.trim()))
      found['/password'] = { key: 'admin.users.password.notMet' };
    setProblems(found);
    setFormError(null);
    if (Object.keys(found).length) return false;
    setSubmitting(true);
    try {
      await save(body);
      onDone?.();
      return true;
    } catch (error) {
      const atFields = serverProblems(error, FIELDS);
      // A taken user name is a 409 without a pointer; it still belongs at the user-name field.
      if (error instanceof ApiError && error.code === 'username_taken') atFields['/username'] ??= { key: 'admin.users.usernameTaken' };
      setProblems(atFields);
      setFormError(error);
      return false;
    } finally {
      setSubmitting(false);
    }
  };

  return { mode, values, problems, formError, submitting, change, submit };
}
