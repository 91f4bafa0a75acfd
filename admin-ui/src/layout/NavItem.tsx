import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useMatch } from 'react-router-dom';
import { ListItemButton, ListItemIcon, ListItemText } from '@mui/material';
import type { AppRoute } from '../routes';

export function NavItem({ route }: { route: AppRoute }) {
  const { t } = useTranslation();
  // The dashboard lives at "/", which every path starts with; it is current only on an exact match.
  const match = useMatch({ path: route.path, end: route.path === '/' });
  const Icon = route.icon;
  return (
    <ListItemButton
      component={RouterLink}
      to={route.path}
      selected={Boolean(match)}
      aria-current={match ? 'page' : undefined}
      sx={{ mb: 0.5 }}
    >
      <ListItemIcon sx={{ minWidth: 36 }}>
        <Icon fontSize="small" />
      </ListItemIcon>
      <ListItemText primary={t(route.labelKey)} />
    </ListItemButton>
  );
}
