import { useTranslation } from 'react-i18next';
import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { formatDateTime } from '../../../components/format/date-time';
import type { AdminUser } from '../api/types';

export interface UserActions {
  edit(user: AdminUser): void;
  resetPassword(user: AdminUser): void;
  disable(user: AdminUser): void;
  enable(user: AdminUser): void;
}

function Status({ user }: { user: AdminUser }) {
  const { t, i18n } = useTranslation();
  const locked = user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {user.disabled ? (
        <Chip size="small" color="default" label={t('admin.users.status.disabled')} />
      ) : (
        <Chip size="small" color="success" variant="outlined" label={t('admin.users.status.active')} />
      )}
      {locked && <Chip size="small" color="warning" variant="outlined" label={t('admin.users.status.locked', { until: formatDateTime(user.lockedUntil, i18n.language) })} />}
      {user.demo && <Chip size="small" variant="outlined" label={t('admin.users.status.demo')} />}
    </Stack>
  );
}

/** Staff users with their roles and state, and what an administrator can do to each. */
export function UserTable({ users, currentUserId, actions }: { users: AdminUser[]; currentUserId: string | undefined; actions: UserActions }) {
  const { t, i18n } = useTranslation();
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={t('pages.adminUsers.title')} sx={{ '& td': { py: 1 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('admin.users.columns.user')}</TableCell>
            <TableCell>{t('admin.users.columns.roles')}</TableCell>
            <TableCell>{t('admin.users.columns.status')}</TableCell>
            <TableCell>{t('admin.users.columns.lastLogin')}</TableCell>
            <TableCell>{t('admin.users.columns.created')}</TableCell>
            <TableCell align="right">{t('admin.users.columns.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {users.map((u) => {
            const self = u.id === currentUserId;
            return (
              <TableRow key={u.id} data-username={u.username} hover>
                <TableCell>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {u.displayName}
                    {self && (
                      <Typography component="span" variant="caption" color="text.secondary">
                        {' '}
                        ({t('admin.users.you')})
                      </Typography>
                    )}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                    {u.username}
                  </Typography>
                  {u.rmCode && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {t('admin.users.rmCodeShort', { code: u.rmCode })}
                    </Typography>
                  )}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                    {u.roles.map((r) => (
                      <Chip key={r} size="small" label={t(`roles.${r}`, { defaultValue: r })} />
                    ))}
                  </Stack>
                </TableCell>
                <TableCell>
                  <Status user={u} />
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, i18n.language) : t('admin.users.never')}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(u.createdAt, i18n.language)}</TableCell>
                <TableCell align="right">
                  <Stack direction="row" spacing={0.5} sx={{ justifyContent: 'flex-end', whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => actions.edit(u)} aria-label={t('admin.users.editFor', { username: u.username })}>
                      {t('admin.users.edit')}
                    </Button>
                    <Button size="small" onClick={() => actions.resetPassword(u)} aria-label={t('admin.users.resetFor', { username: u.username })}>
                      {t('admin.users.reset')}
                    </Button>
                    {u.disabled ? (
                      <Button size="small" onClick={() => actions.enable(u)} aria-label={t('admin.users.enableFor', { username: u.username })}>
                        {t('admin.users.enable')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        color="error"
                        disabled={self}
                        title={self ? t('admin.users.cannotDisableSelf') : undefined}
                        onClick={() => actions.disable(u)}
                        aria-label={t('admin.users.disableFor', { username: u.username })}
                      >
                        {t('admin.users.disable')}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
