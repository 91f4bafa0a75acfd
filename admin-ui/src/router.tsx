import type { RouteObject } from 'react-router-dom';
import { RequirePermission } from './auth/RequirePermission';
import { RequireSession } from './auth/RequireSession';
import { AppFrame } from './layout/AppFrame';
import { LoginPage } from './pages/login/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';
import { APP_ROUTES, SUB_ROUTES } from './routes';

/** The router's tree: the public login page, and every table route inside the signed-in frame behind its permission. */
export function buildRouteObjects(): RouteObject[] {
  return [
    { path: '/login', element: <LoginPage />, errorElement: <RouteErrorPage /> },
    {
      element: (
        <RequireSession>
          <AppFrame />
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      children: [
        ...[...APP_ROUTES, ...SUB_ROUTES].map(({ path, permission, Page }) => ({
          path,
          element: (
            <RequirePermission permission={permission}>
              <Page />
            </RequirePermission>
          ),
        })),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
