import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Paper, Snackbar } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/PageState';
import { adminApi, useApiKeys, useMeta } from '../../features/admin/api/admin-api';
import type { ApiKey, CreatedApiKey } from '../../features/admin/api/types';
import { ApiKeyTable } from '../../features/admin/api-keys/ApiKeyTable';
import { CreateApiKeyDialog } from '../../features/admin/api-keys/CreateApiKeyDialog';
import { SecretDialog } from '../../features/admin/api-keys/SecretDialog';
import { ConfirmDialog } from '../../features/admin/ConfirmDialog';

type Open = { kind: 'create' } | { kind: 'secret'; key: CreatedApiKey } | { kind: 'revoke'; key: ApiKey } | null;

/** API keys for integrating systems: list, create (secret shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const keys = useApiKeys();
  const meta = useMeta();
  // Closing any dialog replaces this state, which is the only place the secret was held.
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = (
    <Button variant="contained" startIcon={<AddIcon />} disabled={meta.status !== 'ready'} onClick={() => setOpen({ kind: 'create' })}>
      {t('admin.apiKeys.new')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('pages.adminApiKeys.title')} description={t('pages.adminApiKeys.description')} actions={create} />
      {meta.status === 'error' && (
        <Alert severity="warning" sx={{ mb: 2 }} action={<Button color="inherit" size="small" onClick={meta.reload}>{t('pageState.retry')}</Button>}>
          {t('admin.apiKeys.metaFailed')}
        </Alert>
      )}
      {keys.status === 'loading' && <LoadingState />}
      {keys.status === 'error' && <ErrorState error={keys.error} onRetry={keys.reload} />}
      {keys.status === 'ready' &&
        (keys.data.items.length === 0 ? (
          <Paper variant="outlined">
            <EmptyState icon={<KeyIcon />} title={t('admin.apiKeys.emptyTitle')} body={t('admin.apiKeys.emptyBody')} action={create} />
          </Paper>
        ) : (
          <ApiKeyTable keys={keys.data.items} onRevoke={(key) => setOpen({ kind: 'revoke', key })} />
        ))}
      {open?.kind === 'create' && meta.status === 'ready' && (
        <CreateApiKeyDialog
          scopes={meta.data.apiKeyScopes}
          onClose={() => setOpen(null)}
          onCreated={(key) => {
            setOpen({ kind: 'secret', key });
            keys.reload();
          }}
        />
      )}
      {open?.kind === 'secret' && <SecretDialog apiKey={open.key} onClose={() => setOpen(null)} />}
      {open?.kind === 'revoke' && (
        <ConfirmDialog
          title={t('admin.apiKeys.revokeTitle', { name: open.key.name })}
          body={t('admin.apiKeys.revokeBody', { prefix: open.key.prefix })}
          confirmLabel={t('admin.apiKeys.revoke')}
          onConfirm={() =>
            adminApi.revokeApiKey(open.key.id).then(() => {
              setNotice(t('admin.apiKeys.revoked', { name: open.key.name }));
              keys.reload();
            })
          }
          onClose={() => setOpen(null)}
        />
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        {notice ? (
          <Alert severity="success" variant="filled" role="status" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : undefined}
      </Snackbar>
    </>
  );
}
