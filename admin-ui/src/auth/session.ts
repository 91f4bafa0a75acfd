import { http } from '../api/http';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  /**
   * The relationship-manager code an administrator set on the account (alerts name it as their owner); null or
   * absent when none is set.
   */
  rmCode?: string | null;
}

/** What `/api/v1/auth/login` and `/api/v1/auth/me` answer. */
export interface Session {
  user: SessionUser;
  permissions: string[];
  csrfToken: string;
}

export interface Credentials {
  username: string;
  password: string;
}

export const sessionApi = {
  me: () => http.get<Session>('/api/v1/auth/me', { expectUnauthorized: true }),
  login: (credentials: Credentials) => http.post<Session>('/api/v1/auth/login', credentials, { expectUnauthorized: true }),
  logout: () => http.post<void>('/api/v1/auth/logout', undefined, { expectUnauthorized: true }),
};
