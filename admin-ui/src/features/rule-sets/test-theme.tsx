import type { ReactNode } from 'react';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { theme } from '../../theme';

// Menus and popovers animate for a few hundred milliseconds each; component tests need none of that waiting.
const instant = createTheme(theme, {
  transitions: { duration: { shortest: 0, shorter: 0, short: 0, standard: 0, complex: 0, enteringScreen: 0, leavingScreen: 0 } },
});

export function TestTheme({ children }: { children: ReactNode }) {
  return <ThemeProvider theme={instant}>{children}</ThemeProvider>;
}
