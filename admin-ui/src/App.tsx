import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { SessionProvider } from './auth/SessionProvider';
import { buildRouteObjects } from './router';
import { theme } from './theme';

export function App() {
  const [router] = useState(() => createBrowserRouter(buildRouteObjects()));
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ThemeProvider>
  );
}
