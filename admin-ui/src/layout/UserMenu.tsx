import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Box, Button, Chip, Divider, ListItemIcon, Menu, MenuItem, Stack, Typography } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircleOutlined';
import LogoutIcon from '@mui/icons-material/Logout';
import { useSession } from '../auth/session-context';

/** The signed-in user's name; opens a menu with their roles and "Sign out". */
export function UserMenu() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  if (state.status !== 'signed-in') return null;
  const { user } = state.session;
  const close = () => setAnchor(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<AccountCircleIcon />}
        aria-label={t('userMenu.open', { name: user.displayName })}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        aria-controls={anchor ? menuId : undefined}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {user.displayName}
      </Button>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={Boolean(anchor)}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ px: 2, pt: 1, pb: 1.5, minWidth: 240 }}>
          <Typography variant="subtitle2">{user.displayName}</Typography>
          <Typography variant="body2" color="text.secondary">
            {t('userMenu.signedInAs', { username: user.username })}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5, mb: 0.5 }}>
            {t('userMenu.roles')}
          </Typography>
          <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {user.roles.map((role) => (
              <Chip key={role} size="small" label={t(`roles.${role}`, { defaultValue: role })} />
            ))}
          </Stack>
        </Box>
        <Divider />
        <MenuItem
          onClick={() => {
            close();
            void signOut();
          }}
        >
          <ListItemIcon>
            <LogoutIcon fontSize="small" />
          </ListItemIcon>
          {t('userMenu.signOut')}
        </MenuItem>
      </Menu>
    </>
  );
}
