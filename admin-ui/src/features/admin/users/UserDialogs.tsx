import { useTranslation } from 'react-i18next';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { adminApi } from '../api/admin-api';
import type { AdminUser, NewUser, Role, UserChange } from '../api/types';
import { UserForm } from './UserForm';
import { useUserForm, type UserFormState } from './useUserForm';

function UserFormDialog({ title, form, roles, submitLabel, onClose }: { title: string; form: UserFormState; roles: Role[]; submitLabel: string; onClose: () => void }) {
  const { t } = useTranslation();
  const formId = `user-form-${form.mode}`;
  return (
    <Dialog open onClose={onClose} aria-labelledby={`${formId}-title`} maxWidth="sm" fullWidth>
      <DialogTitle id={`${formId}-title`}>{title}</DialogTitle>
      <DialogContent>
        <UserForm id={formId} form={form} roles={roles} />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('admin.common.cancel')}</Button>
        <Button type="submit" form={formId} variant="contained" disabled={form.submitting}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Create a user. Mount it only while open, so each opening starts empty. */
export function CreateUserDialog({ roles, onClose, onSaved }: { roles: Role[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useUserForm('create', (body) => adminApi.createUser(body as unknown as NewUser), { onDone: onSaved });
  return <UserFormDialog title={t('admin.users.createTitle')} form={form} roles={roles} submitLabel={t('admin.users.create')} onClose={onClose} />;
}

/** Change a user's display name and roles, guarded by the revision it was read at (a stale edit gets 409). */
export function EditUserDialog({ user, roles, onClose, onSaved }: { user: AdminUser; roles: Role[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useUserForm('edit', (body) => adminApi.updateUser(user.id, body as UserChange, user.revision), { original: user, onDone: onSaved });
  return <UserFormDialog title={t('admin.users.editTitle', { username: user.username })} form={form} roles={roles} submitLabel={t('admin.common.save')} onClose={onClose} />;
}
