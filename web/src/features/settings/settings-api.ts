import { api } from '../../shared/api/http';
import type { ApiToken, User, UserCreate, UserPatch } from '../../shared/api/types';

import type { RepVisibility } from '../../../../src/domain/access';
import type { ExchangeRate, ExchangeRates, RatesSaved } from '../../../../src/domain/schemas/exchange-rate';
import type { AccessSettings, CurrencySettings } from '../../../../src/domain/schemas/settings';

// The API's own types (src/domain), not restated here.
export type { RepVisibility, ExchangeRate, ExchangeRates, RatesSaved };

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
  access: () => api.get<AccessSettings>('/settings/access'),
  setAccess: (repVisibility: RepVisibility) => api.put<AccessSettings>('/settings/access', { repVisibility }),
  currency: () => api.get<CurrencySettings>('/settings/currency'),
  setCurrency: (currency: string) => api.put<CurrencySettings>('/settings/currency', { currency }),
  exchangeRates: () => api.get<ExchangeRates>('/exchange-rates'),
  saveRates: (rates: ExchangeRate[]) => api.put<RatesSaved>('/exchange-rates', { rates }),
  importRates: (file: File) => api.post<RatesSaved>('/exchange-rates/import', ratesForm(file)),
  removeRate: (rate: ExchangeRate) => api.delete(`/exchange-rates/${rate.currency}/${rate.date}`),
};
