import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import type { Credentials } from '../../auth/session';

type Field = keyof Credentials;

/** Field problems are kept as i18n keys or server sentences, so a language switch re-renders them correctly. */
export interface FieldProblem {
  key?: string;
  text?: string;
}

export interface LoginFormState {
  values: Credentials;
  fieldProblems: Partial<Record<Field, FieldProblem>>;
  /** The failed sign-in (wrong password, locked account, server down), shown above the fields. */
  formError: unknown;
  submitting: boolean;
  change(field: Field, value: string): void;
  submit(event?: FormEvent): Promise<void>;
}

/** State of the sign-in form: values, validation, and the sign-in call with its error. */
export function useLoginForm(signIn: (credentials: Credentials) => Promise<void>): LoginFormState {
  const [values, setValues] = useState<Credentials>({ username: '', password: '' });
  const [fieldProblems, setFieldProblems] = useState<LoginFormState['fieldProblems']>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  const change = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (submitting) return;
    const problems: LoginFormState['fieldProblems'] = {};
    if (!values.username.trim()) problems.username = { key: 'login.usernameRequired' };
    if (!values.password) problems.password = { key: 'login.passwordRequired' };
    setFieldProblems(problems);
    setFormError(null);
    if (problems.username || problems.password) return;
    setSubmitting(true);
    try {
      await signIn({ username: values.username.trim(), password: values.password });
    } catch (error) {
      setFormError(error);
      if (error instanceof ApiError) {
        const fromServer = (field: Field) => error.fieldMessage(`/${field}`);
        setFieldProblems({
          username: fromServer('username') ? { text: fromServer('username') } : undefined,
          password: fromServer('password') ? { text: fromServer('password') } : undefined,
        });
      }
      setValues((v) => ({ ...v, password: '' }));
    } finally {
      setSubmitting(false);
    }
  };

  return { values, fieldProblems, formError, submitting, change, submit };
}
