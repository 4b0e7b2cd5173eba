import { api } from '../../shared/api/http';
import type { ApiToken, User, UserCreate, UserPatch } from '../../shared/api/types';

export type RepVisibility = 'all' | 'own';

export interface ExchangeRate {
  currency: string;
  date: string;
  rate: string;
}

export interface ExchangeRates {
  baseCurrency: string;
  orderCurrencies: string[];
  items: ExchangeRate[];
}

export interface RatesSaved {
  rows?: number;
  added: number;
  changed: number;
  ordersConverted: number;
}

function ratesForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

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
  exchangeRates: () => api.get<ExchangeRates>('/exchange-rates'),
  saveRates: (rates: ExchangeRate[]) => api.put<RatesSaved>('/exchange-rates', { rates }),
  importRates: (file: File) => api.post<RatesSaved>('/exchange-rates/import', ratesForm(file)),
  removeRate: (rate: ExchangeRate) => api.delete(`/exchange-rates/${rate.currency}/${rate.date}`),
};
