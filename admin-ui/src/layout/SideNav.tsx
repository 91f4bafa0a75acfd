import { useTranslation } from 'react-i18next';
import { Box, Drawer, List, ListSubheader, Toolbar } from '@mui/material';
import { useSession } from '../auth/session-context';
import { visibleRoutes } from '../routes';
import { NavItem } from './NavItem';

export const SIDE_NAV_WIDTH = 248;

/** Role-aware navigation: only the pages the user's permissions open appear. */
export function SideNav() {
  const { t } = useTranslation();
  const { state } = useSession();
  const routes = state.status === 'signed-in' ? visibleRoutes(state.session.permissions) : [];
  const main = routes.filter((route) => !route.section);
  const admin = routes.filter((route) => route.section === 'admin');
  return (
    <Drawer
      variant="permanent"
      sx={{
        width: SIDE_NAV_WIDTH,
        flexShrink: 0,
        position: 'fixed',
        '& .MuiDrawer-paper': { width: SIDE_NAV_WIDTH, boxSizing: 'border-box' },
      }}
    >
      <Toolbar />
      <Box component="nav" aria-label={t('nav.label')} sx={{ overflowY: 'auto', px: 1.5, py: 2 }}>
        <List disablePadding>
          {main.map((route) => (
            <NavItem key={route.path} route={route} />
          ))}
        </List>
        {admin.length > 0 && (
          <List
            disablePadding
            sx={{ mt: 2 }}
            aria-labelledby="nav-admin-heading"
            subheader={
              <ListSubheader id="nav-admin-heading" disableSticky sx={{ lineHeight: 2.5, bgcolor: 'transparent' }}>
                {t('nav.admin')}
              </ListSubheader>
            }
          >
            {admin.map((route) => (
              <NavItem key={route.path} route={route} />
            ))}
          </List>
        )}
      </Box>
    </Drawer>
  );
}
