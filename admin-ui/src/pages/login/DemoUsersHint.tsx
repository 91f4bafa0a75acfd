import { useTranslation } from 'react-i18next';
import { Alert } from '@mui/material';
import { useApiResource } from '../../api/use-api-resource';

// The users and password the server seeds on a demo store (COVENANT_SEED_DEMO). Shown only when the server says so.
const DEMO_USERS = ['admin', 'analyst', 'analyst2', 'approver'];
const DEMO_PASSWORD = 'covenant-demo';

/** A small hint with the demo accounts, when `/api/v1/meta` reports a demo store; nothing if the call fails. */
export function DemoUsersHint() {
  const { t } = useTranslation();
  const meta = useApiResource<{ demo?: boolean }>('/api/v1/meta');
  if (meta.status !== 'ready' || meta.data?.demo !== true) return null;
  return (
    <Alert severity="info" variant="outlined" role="note" sx={{ mt: 3 }}>
      {t('login.demoHint', { users: DEMO_USERS.join(', '), password: DEMO_PASSWORD })}
    </Alert>
  );
}
