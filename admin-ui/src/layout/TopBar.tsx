import { useTranslation } from 'react-i18next';
import { AppBar, Box, Stack, Toolbar, Typography } from '@mui/material';
import AccountBalanceIcon from '@mui/icons-material/AccountBalanceOutlined';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserMenu } from './UserMenu';

export function TopBar() {
  const { t } = useTranslation();
  return (
    <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <AccountBalanceIcon aria-hidden />
          <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5 }}>
            {t('app.name')}
          </Typography>
          <Typography variant="body2" component="span" sx={{ opacity: 0.8, display: { xs: 'none', md: 'inline' } }}>
            {t('app.tagline')}
          </Typography>
        </Stack>
        <Box sx={{ flexGrow: 1 }} />
        <LanguageSwitch />
        <UserMenu />
      </Toolbar>
    </AppBar>
  );
}
