import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import { safeNextPath } from '../../auth/next-path';
import { useSession } from '../../auth/session-context';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { LoadingState } from '../../components/PageState';
import { DemoUsersHint } from './DemoUsersHint';
import { LoginForm } from './LoginForm';
import { useLoginForm } from './useLoginForm';

/** Sign-in. Once signed in (now or already), the user goes on to `?next=` or the dashboard. */
export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const form = useLoginForm(signIn);
  useEffect(() => {
    document.title = `${t('login.title')} · Covenant`;
  }, [t]);

  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'signed-in') return <Navigate to={safeNextPath(params.get('next'))} replace />;
  const expired = state.status === 'anonymous' && state.reason === 'expired';

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end', p: 2 }}>
        <LanguageSwitch color="primary" />
      </Box>
      <Box component="main" sx={{ flexGrow: 1, display: 'flex', alignItems: 'center', justifyContent: 'center', px: 2, pb: 10 }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: { xs: 3, sm: 5 } }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', color: 'primary.main', mb: 3 }}>
            <AccountBalanceIcon aria-hidden />
            <Typography variant="h6" component="span" sx={{ fontWeight: 700 }}>
              {t('app.name')}
            </Typography>
          </Stack>
          <Typography variant="h4" component="h1">
            {t('login.title')}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 1, mb: 3 }}>
            {t('login.subtitle')}
          </Typography>
          {expired && (
            <Alert severity="warning" role="status" sx={{ mb: 2 }}>
              {t('login.sessionExpired')}
            </Alert>
          )}
          <LoginForm form={form} />
          <DemoUsersHint />
        </Paper>
      </Box>
    </Box>
  );
}
