import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { Box, Link, Toolbar } from '@mui/material';
import { SideNav, SIDE_NAV_WIDTH } from './SideNav';
import { TopBar } from './TopBar';

/** The signed-in frame: top bar, side navigation and the current page. */
export function AppFrame() {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <Link
        href="#main"
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: (theme) => theme.zIndex.tooltip,
          bgcolor: 'background.paper',
          px: 2,
          py: 1,
          '&:focus': { top: 8 },
        }}
      >
        {t('app.skipToContent')}
      </Link>
      <TopBar />
      <SideNav />
      <Box
        component="main"
        id="main"
        tabIndex={-1}
        sx={{ flexGrow: 1, minWidth: 0, ml: `${SIDE_NAV_WIDTH}px`, outline: 'none' }}
      >
        <Toolbar />
        <Box sx={{ px: { xs: 3, lg: 4 }, py: 3, maxWidth: 1600 }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}
