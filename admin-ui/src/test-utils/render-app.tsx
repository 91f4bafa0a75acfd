import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router-dom';
import { CssBaseline, ThemeProvider } from '@mui/material';
import { SessionProvider } from '../auth/SessionProvider';
import { buildRouteObjects } from '../router';
import { theme } from '../theme';

/** Renders the whole app at `path` on a memory router; `router.state.location` tells where it ended up. */
export function renderApp(path: string) {
  const router = createMemoryRouter(buildRouteObjects(), { initialEntries: [path] });
  const result = render(
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <SessionProvider>
        <RouterProvider router={router} />
      </SessionProvider>
    </ThemeProvider>,
  );
  const location = () => router.state.location.pathname + router.state.location.search;
  return { ...result, router, location };
}
