import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../components/PageState';
import { loginPathFor } from './next-path';
import { useSession } from './session-context';

/** Shows its children only to a signed-in user; anyone else goes to the login page and comes back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'unavailable') return <ErrorState error={state.error} onRetry={retry} fullPage />;
  if (state.status === 'anonymous') {
    // After a deliberate sign-out there is nowhere to come back to; otherwise return to this page after sign-in.
    const target = state.reason === 'signed-out' ? '/login' : loginPathFor(location.pathname + location.search);
    return <Navigate to={target} replace />;
  }
  return <>{children}</>;
}
