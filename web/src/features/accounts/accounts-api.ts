// The account calls the list and the profile make.
import { api, downloadUrl, type Query } from '../../shared/api/http';
import type { Account, AccountPatch, Page } from '../../shared/api/types';

export const PAGE_SIZE = 100;

export const accountsApi = {
  list: (query: Query, cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<Account>>('/accounts', { ...query, limit: PAGE_SIZE, cursor }, signal),
  /** Every account the list's filters and search select, not only the pages loaded. */
  count: (query: Query, signal?: AbortSignal) => api.get<{ count: number }>('/accounts/count', query, signal),
  get: (id: number, signal?: AbortSignal) => api.get<Account>(`/accounts/${id}`, undefined, signal),
  update: (id: number, patch: AccountPatch) => api.patch<Account>(`/accounts/${id}`, patch),
  /** The export takes the list's own filters, so it holds exactly the filtered accounts. */
  exportUrl: (query: Query, format: 'csv' | 'xlsx') => downloadUrl('/exports/accounts', { ...query, format }),
};
