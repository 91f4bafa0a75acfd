import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack } from '@mui/material';
import { problemMessage } from '../../../api/problem-message';
import { adminApi } from '../api/admin-api';
import type { AdminUser } from '../api/types';
import { checkUserUpdate, serverProblems, type FieldProblem } from '../model/form-validation';
import { passwordMeetsPolicy } from '../model/password-policy';
import { PasswordField } from './PasswordField';

/** Sets a new password for someone (which ends their sessions); the same policy hint and server checks as creation. */
export function ResetPasswordDialog({ user, onClose, onSaved }: { user: AdminUser; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkUserUpdate({ password })['/password'] ?? (passwordMeetsPolicy(password, user.username) ? undefined : { key: 'admin.users.password.notMet' });
    setProblem(found);
    setError(null);
    if (found) return;
    setBusy(true);
    try {
      await adminApi.updateUser(user.id, { password }, user.revision);
      onSaved();
    } catch (err) {
      setProblem(serverProblems(err, ['/password'])['/password']);
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="reset-password-title" maxWidth="sm" fullWidth>
      <DialogTitle id="reset-password-title">{t('admin.users.resetTitle', { username: user.username })}</DialogTitle>
      <DialogContent>
        <Stack component="form" id="reset-password-form" noValidate spacing={2} onSubmit={(e) => void submit(e)} sx={{ pt: 1 }}>
          <DialogContentText>{t('admin.users.resetBody')}</DialogContentText>
          {error != null && (
            <Alert severity="error" role="alert">
              {problemMessage(t, error)}
            </Alert>
          )}
          <PasswordField
            id="reset-password"
            label={t('admin.users.fields.newPassword')}
            value={password}
            username={user.username}
            problem={problem}
            onChange={(v) => {
              setPassword(v);
              setProblem(undefined);
            }}
            autoFocus
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('admin.common.cancel')}</Button>
        <Button type="submit" form="reset-password-form" variant="contained" disabled={busy}>
          {t('admin.users.resetSubmit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
