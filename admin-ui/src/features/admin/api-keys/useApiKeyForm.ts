import { useState, type FormEvent } from 'react';
import { adminApi } from '../api/admin-api';
import type { CreatedApiKey } from '../api/types';
import { checkApiKeyCreate, serverProblems, type FieldProblems } from '../model/form-validation';

export interface ApiKeyFormState {
  name: string;
  scopes: string[];
  problems: FieldProblems;
  formError: unknown;
  submitting: boolean;
  setName(name: string): void;
  toggleScope(scope: string, on: boolean): void;
  submit(event?: FormEvent): Promise<void>;
}

/** State of the new-key form: name and scopes, checked with schemas/api-key-create.schema.json, then created. */
export function useApiKeyForm(onCreated: (key: CreatedApiKey) => void): ApiKeyFormState {
  const [name, setNameValue] = useState('');
  const [scopes, setScopes] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const clear = (pointer: string) => setProblems(({ [pointer]: _gone, ...rest }) => rest);

  return {
    name,
    scopes,
    problems,
    formError,
    submitting,
    setName(value) {
      setNameValue(value);
      clear('/name');
    },
    toggleScope(scope, on) {
      setScopes((s) => (on ? [...new Set([...s, scope])] : s.filter((x) => x !== scope)));
      clear('/scopes');
    },
    async submit(event) {
      event?.preventDefault();
      if (submitting) return;
      const body = { name: name.trim(), scopes };
      const found = checkApiKeyCreate(body);
      setProblems(found);
      setFormError(null);
      if (Object.keys(found).length) return;
      setSubmitting(true);
      try {
        onCreated(await adminApi.createApiKey(body));
      } catch (error) {
        setProblems(serverProblems(error, ['/name', '/scopes']));
        setFormError(error);
      } finally {
        setSubmitting(false);
      }
    },
  };
}
