import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paper, Snackbar } from '@mui/material';
import AddIcon from '@mui/icons-material/PersonAddAlt1Outlined';
import PeopleIcon from '@mui/icons-material/PeopleOutlined';
import { problemMessage } from '../../api/problem-message';
import { useSession } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { adminApi, useMeta, useUsers } from '../../features/admin/api/admin-api';
import type { AdminUser, Role } from '../../features/admin/api/types';
import { ConfirmDialog } from '../../features/admin/ConfirmDialog';
import { ResetPasswordDialog } from '../../features/admin/users/ResetPasswordDialog';
import { CreateUserDialog, EditUserDialog } from '../../features/admin/users/UserDialogs';
import { UserTable } from '../../features/admin/users/UserTable';

type Open = { kind: 'create' } | { kind: 'edit' | 'reset' | 'disable'; user: AdminUser } | null;
type Notice = { severity: 'success' | 'error'; text: string } | null;

// The server's roles when /meta cannot be read; the server still checks whatever is sent.
const FALLBACK_ROLES: Role[] = ['viewer', 'analyst', 'approver', 'admin'];

/** Staff accounts: list, create, edit roles and name, reset a password, disable and enable. */
export function UsersPage() {
  const { t } = useTranslation();
  const { state } = useSession();
  const users = useUsers();
  const meta = useMeta();
  const roles = meta.status === 'ready' ? meta.data.roles : FALLBACK_ROLES;
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const me = state.status === 'signed-in' ? state.session.user.id : undefined;
  const done = (text: string) => {
    setOpen(null);
    setNotice({ severity: 'success', text });
    users.reload();
  };
  const enable = (user: AdminUser) =>
    adminApi.updateUser(user.id, { disabled: false }, user.revision).then(
      () => done(t('admin.users.enabled', { username: user.username })),
      (error: unknown) => setNotice({ severity: 'error', text: problemMessage(t, error) }),
    );
  const create = (
    <Button variant="contained" startIcon={<AddIcon />} onClick={() => setOpen({ kind: 'create' })}>
      {t('admin.users.new')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('pages.adminUsers.title')} description={t('pages.adminUsers.description')} actions={create} />
      {users.status === 'loading' && <LoadingState />}
      {users.status === 'error' && <ErrorState error={users.error} onRetry={users.reload} />}
      {users.status === 'ready' &&
        (users.data.items.length === 0 ? (
          <Paper variant="outlined">
            <EmptyState icon={<PeopleIcon />} title={t('admin.users.emptyTitle')} body={t('admin.users.emptyBody')} action={create} />
          </Paper>
        ) : (
          <UserTable
            users={users.data.items}
            currentUserId={me}
            actions={{
              edit: (user) => setOpen({ kind: 'edit', user }),
              resetPassword: (user) => setOpen({ kind: 'reset', user }),
              disable: (user) => setOpen({ kind: 'disable', user }),
              enable: (user) => void enable(user),
            }}
          />
        ))}
      {open?.kind === 'create' && <CreateUserDialog roles={roles} onClose={() => setOpen(null)} onSaved={() => done(t('admin.users.created'))} />}
      {open?.kind === 'edit' && <EditUserDialog user={open.user} roles={roles} onClose={() => setOpen(null)} onSaved={() => done(t('admin.users.saved', { username: open.user.username }))} />}
      {open?.kind === 'reset' && <ResetPasswordDialog user={open.user} onClose={() => setOpen(null)} onSaved={() => done(t('admin.users.passwordReset', { username: open.user.username }))} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={t('admin.users.disableTitle', { username: open.user.username })}
          body={t('admin.users.disableBody')}
          confirmLabel={t('admin.users.disable')}
          onConfirm={() => adminApi.updateUser(open.user.id, { disabled: true }, open.user.revision).then(() => done(t('admin.users.disabled', { username: open.user.username })))}
          onClose={() => setOpen(null)}
        />
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        {notice ? (
          <Alert severity={notice.severity} onClose={() => setNotice(null)} variant="filled" role={notice.severity === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
