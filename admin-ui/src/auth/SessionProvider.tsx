import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/http';
import { sessionApi, type Credentials, type Session } from './session';
import { SessionContext, type AnonymousReason, type SessionContextValue, type SessionState } from './session-context';

/** Loads the current session once (`GET /auth/me`) and keeps it in step with sign-in, sign-out and expiry. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const enter = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);
  const leave = useCallback((reason: AnonymousReason) => {
    setCsrfToken(undefined);
    setState({ status: 'anonymous', reason });
  }, []);

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    sessionApi.me().then(
      (session) => current && enter(session),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && error.status === 401) leave('no-session');
        else setState({ status: 'unavailable', error });
      },
    );
    return () => {
      current = false;
    };
  }, [attempt, enter, leave]);

  useEffect(() => onUnauthorized(() => leave('expired')), [leave]);

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      signIn: async (credentials: Credentials) => enter(await sessionApi.login(credentials)),
      signOut: async () => {
        try {
          await sessionApi.logout();
        } finally {
          // Even if the server is unreachable, this browser stops showing the signed-in screens.
          leave('signed-out');
        }
      },
      retry: () => setAttempt((n) => n + 1),
      can: (permission) => state.status === 'signed-in' && state.session.permissions.includes(permission),
    }),
    [state, enter, leave],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
