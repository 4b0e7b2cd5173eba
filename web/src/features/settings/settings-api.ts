import { api } from '../../shared/api/http';
import type { ApiToken, User, UserCreate, UserPatch } from '../../shared/api/types';

export type RepVisibility = 'all' | 'own';

export const settingsApi = {
  users: () => api.get<{ items: User[] }>('/users'),
  createUser: (input: UserCreate) => api.post<User>('/users', input),
  updateUser: (id: number, patch: UserPatch) => api.patch<User>(`/users/${id}`, patch),
  tokens: () => api.get<{ items: ApiToken[] }>('/tokens'),
  createToken: (name: string) => api.post<{ token: string; record: ApiToken }>('/tokens', { name }),
  revokeToken: (id: number) => api.delete(`/tokens/${id}`),
  access: () => api.get<{ repVisibility: RepVisibility }>('/settings/access'),
  setAccess: (repVisibility: RepVisibility) => api.put<{ repVisibility: RepVisibility }>('/settings/access', { repVisibility }),
  currency: () => api.get<{ currency: string }>('/settings/currency'),
  setCurrency: (currency: string) => api.put<{ currency: string }>('/settings/currency', { currency }),
};
