import { createTheme } from '@mui/material/styles';

// A sober banking look: deep navy for structure, one teal accent, plenty of white, no gradients. Chinese fonts come
// first in the stack's fallbacks so mixed Chinese/Latin text keeps one weight and size on Windows and macOS.
const fontFamily = [
  '"Inter"',
  '"Segoe UI"',
  '"PingFang SC"',
  '"Microsoft YaHei"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  'system-ui',
  '-apple-system',
  'sans-serif',
].join(',');

const navy = '#1b3a5c';
const focusRing = '#f0a500';

export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: navy, dark: '#12283f', light: '#3d5f85', contrastText: '#ffffff' },
    secondary: { main: '#0f7b74', contrastText: '#ffffff' },
    error: { main: '#b3261e' },
    warning: { main: '#b26a00' },
    success: { main: '#2e7d32' },
    background: { default: '#f4f6f9', paper: '#ffffff' },
    text: { primary: '#1c2430', secondary: '#556170' },
    divider: '#dde3ea',
  },
  shape: { borderRadius: 6 },
  typography: {
    fontFamily,
    fontSize: 14,
    h4: { fontSize: '1.625rem', fontWeight: 600, letterSpacing: 0 },
    h5: { fontSize: '1.25rem', fontWeight: 600 },
    h6: { fontSize: '1.0625rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiAppBar: { defaultProps: { elevation: 0, color: 'primary' } },
    MuiPaper: { defaultProps: { elevation: 0 } },
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { fullWidth: true } },
    // Keyboard users must always see where they are: a high-contrast ring on every focusable MUI control.
    MuiButtonBase: {
      styleOverrides: {
        root: {
          '&.Mui-focusVisible': { outline: `3px solid ${focusRing}`, outlineOffset: 2 },
        },
      },
    },
    MuiListItemButton: {
      styleOverrides: {
        root: {
          borderRadius: 6,
          '&.Mui-selected': { backgroundColor: 'rgba(27, 58, 92, 0.10)', color: navy, fontWeight: 600 },
          '&.Mui-selected .MuiListItemIcon-root': { color: navy },
        },
      },
    },
    MuiCssBaseline: {
      styleOverrides: {
        'a:focus-visible': { outline: `3px solid ${focusRing}`, outlineOffset: 2 },
      },
    },
  },
});
