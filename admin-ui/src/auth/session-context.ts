import { createContext, useContext } from 'react';
import type { Credentials, Session } from './session';
import type { Permission } from './permissions';

export type AnonymousReason = 'no-session' | 'expired' | 'signed-out';

export type SessionState =
  | { status: 'loading' }
  /**
   * `reason` says how the user came to be signed out: never signed in on this load, the session ended under them
   * (a 401 from any call), or they signed out themselves.
   */
  | { status: 'anonymous'; reason: AnonymousReason }
  | { status: 'signed-in'; session: Session }
  /** `/auth/me` failed for another reason than 401 (server down); the app shows an error with a retry. */
  | { status: 'unavailable'; error: unknown };

export interface SessionContextValue {
  state: SessionState;
  /** Rejects with an ApiError on wrong credentials or a locked account; the form shows it. */
  signIn(credentials: Credentials): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
  can(permission: Permission): boolean;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
