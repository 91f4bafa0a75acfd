import { useTranslation } from 'react-i18next';
import { Alert, Button, Stack, TextField } from '@mui/material';
import { problemMessage } from '../../api/problem-message';
import type { FieldProblem, LoginFormState } from './useLoginForm';

/** The plain sign-in form; all state lives in useLoginForm. */
export function LoginForm({ form }: { form: LoginFormState }) {
  const { t } = useTranslation();
  const { values, fieldProblems, formError, submitting, change, submit } = form;
  const say = (problem?: FieldProblem) => (problem?.key ? t(problem.key) : problem?.text);
  return (
    <Stack component="form" noValidate spacing={2.5} onSubmit={(event) => void submit(event)}>
      {formError != null && (
        <Alert severity="error" role="alert">
          {problemMessage(t, formError)}
        </Alert>
      )}
      <TextField
        id="login-username"
        name="username"
        label={t('login.username')}
        autoComplete="username"
        autoFocus
        required
        value={values.username}
        onChange={(event) => change('username', event.target.value)}
        error={Boolean(fieldProblems.username)}
        helperText={say(fieldProblems.username)}
      />
      <TextField
        id="login-password"
        name="password"
        type="password"
        label={t('login.password')}
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(event) => change('password', event.target.value)}
        error={Boolean(fieldProblems.password)}
        helperText={say(fieldProblems.password)}
      />
      <Button type="submit" variant="contained" size="large" disabled={submitting}>
        {submitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </Stack>
  );
}
