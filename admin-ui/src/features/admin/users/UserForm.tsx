import { useTranslation } from 'react-i18next';
import { Alert, Box, Checkbox, FormControl, FormControlLabel, FormGroup, FormHelperText, FormLabel, Stack, TextField, Typography } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import type { Role } from '../api/types';
import type { FieldProblem } from '../model/form-validation';
import { PasswordField } from './PasswordField';
import type { UserFormState } from './useUserForm';

/** The plain user form; state and submission live in useUserForm. `roles` come from GET /api/v1/meta. */
export function UserForm({ id, form, roles }: { id: string; form: UserFormState; roles: Role[] }) {
  const { t } = useTranslation();
  const { mode, values, problems, formError, change, submit } = form;
  const say = (p?: FieldProblem) => (p?.key ? t(p.key, p.values) : p?.text);
  const toggleRole = (role: Role, on: boolean) => change('roles', on ? [...values.roles, role].filter((r, i, all) => all.indexOf(r) === i) : values.roles.filter((r) => r !== role));
  return (
    <Stack component="form" id={id} noValidate spacing={2.5} onSubmit={(e) => void submit(e)} sx={{ pt: 1 }}>
      {formError != null && (
        <Alert severity="error" role="alert">
          {problemMessage(t, formError)}
        </Alert>
      )}
      <TextField
        id={`${id}-username`}
        name="username"
        label={t('admin.users.fields.username')}
        required
        autoFocus={mode === 'create'}
        autoComplete="off"
        disabled={mode === 'edit'}
        value={values.username}
        onChange={(e) => change('username', e.target.value)}
        error={Boolean(problems['/username'])}
        helperText={say(problems['/username']) ?? (mode === 'create' ? t('admin.users.fields.usernameHint') : undefined)}
      />
      <TextField
        id={`${id}-displayName`}
        name="displayName"
        label={t('admin.users.fields.displayName')}
        autoFocus={mode === 'edit'}
        value={values.displayName}
        onChange={(e) => change('displayName', e.target.value)}
        error={Boolean(problems['/displayName'])}
        helperText={say(problems['/displayName']) ?? t('admin.users.fields.displayNameHint')}
      />
      <TextField
        id={`${id}-rmCode`}
        name="rmCode"
        label={t('admin.users.fields.rmCode')}
        autoComplete="off"
        placeholder="rm_wang"
        value={values.rmCode}
        onChange={(e) => change('rmCode', e.target.value)}
        error={Boolean(problems['/rmCode'])}
        helperText={say(problems['/rmCode']) ?? t('admin.users.fields.rmCodeHint')}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { spellCheck: false } }}
      />
      <FormControl component="fieldset" required error={Boolean(problems['/roles'])}>
        <FormLabel component="legend">{t('admin.users.fields.roles')}</FormLabel>
        <FormGroup>
          {roles.map((role) => (
            <FormControlLabel
              key={role}
              control={<Checkbox checked={values.roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} name="roles" value={role} />}
              label={
                <Box>
                  <Typography component="span" variant="body2" sx={{ fontWeight: 600 }}>
                    {t(`roles.${role}`, { defaultValue: role })}
                  </Typography>
                  <Typography component="span" variant="body2" color="text.secondary">
                    {' — '}
                    {t(`admin.users.roleHints.${role}`, { defaultValue: '' })}
                  </Typography>
                </Box>
              }
            />
          ))}
        </FormGroup>
        {problems['/roles'] && <FormHelperText>{say(problems['/roles'])}</FormHelperText>}
      </FormControl>
      {mode === 'create' && (
        <PasswordField
          id={`${id}-password`}
          label={t('admin.users.fields.password')}
          value={values.password}
          username={values.username.trim()}
          problem={problems['/password']}
          onChange={(v) => change('password', v)}
        />
      )}
    </Stack>
  );
}
