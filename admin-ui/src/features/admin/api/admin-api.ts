import { http } from '../../../api/http';
import { useApiResource } from '../../../api/use-api-resource';
import type { AdminUser, ApiKey, CreatedApiKey, Meta, NewUser, UserChange } from './types';

/** Read hooks and calls of the administration pages. */

const USERS = '/api/v1/admin/users';
const KEYS = '/api/v1/admin/api-keys';

export const useUsers = () => useApiResource<{ items: AdminUser[] }>(USERS);
export const useApiKeys = () => useApiResource<{ items: ApiKey[] }>(KEYS);
/** Roles and grantable API-key scopes, as the server defines them. */
export const useMeta = () => useApiResource<Meta>('/api/v1/meta');

export const adminApi = {
  createUser: (body: NewUser) => http.post<AdminUser>(USERS, body),
  /** `revision` is sent as If-Match: a change made meanwhile by someone else answers 409 instead of being overwritten. */
  updateUser: (id: string, change: UserChange, revision?: number) =>
    http.patch<AdminUser>(`${USERS}/${encodeURIComponent(id)}`, change, revision === undefined ? {} : { headers: { 'if-match': `"${revision}"` } }),
  createApiKey: (body: { name: string; scopes: string[] }) => http.post<CreatedApiKey>(KEYS, body),
  revokeApiKey: (id: string) => http.delete<ApiKey>(`${KEYS}/${encodeURIComponent(id)}`),
};
