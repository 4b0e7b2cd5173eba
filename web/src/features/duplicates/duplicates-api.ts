import { api } from '../../shared/api/http';

export interface Candidate {
  id: number;
  accountId?: number;
  name?: string;
  firstName?: string | null;
  lastName?: string;
  email: string | null;
  phone: string | null;
  website?: string | null;
  city?: string | null;
  country: string | null;
}

export interface DuplicatePair {
  kind: 'account' | 'contact';
  a: Candidate;
  b: Candidate;
  score: number;
  reasons: string[];
}

export interface DuplicateList {
  items: DuplicatePair[];
  /** Likely duplicate pairs of the kind asked for, before the limit. */
  pairs: Partial<Record<'account' | 'contact', number>>;
  /** Pairs found but left out: someone marked them as not duplicates. */
  dismissed: Partial<Record<'account' | 'contact', number>>;
}

export const duplicatesApi = {
  list: (kind: string, minScore: number, signal?: AbortSignal) => api.get<DuplicateList>('/duplicates', { kind, minScore, limit: 100 }, signal),
  dismiss: (kind: 'account' | 'contact', a: number, b: number) => api.post<unknown>('/duplicates/dismissed', { kind, a, b }),
  undoDismiss: (kind: 'account' | 'contact', a: number, b: number) => api.delete(`/duplicates/dismissed/${kind}/${a}/${b}`),
  merge: (kind: 'account' | 'contact', keepId: number, fromId: number) => api.post<unknown>(`/${kind}s/${keepId}/merge`, { from: fromId }),
};

export const candidateName = (c: Candidate) => c.name ?? [c.firstName, c.lastName].filter(Boolean).join(' ');
