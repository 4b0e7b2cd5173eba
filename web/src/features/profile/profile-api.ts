// The calls the account profile makes.
import { api } from '../../shared/api/http';
import type { Contact, Interaction, InteractionCreate, Page, Task, TaskCreate, TimelineEntry } from '../../shared/api/types';

/** Entries per page of the timeline: the first page, then each "Show older". */
export const TIMELINE_PAGE_SIZE = 25;

export const profileApi = {
  contacts: (accountId: number, signal?: AbortSignal) =>
    api.get<Page<Contact>>('/contacts', { accountId, limit: 500, sort: 'lastName' }, signal),
  timeline: (accountId: number, kinds: string[], cursor: string | null, signal?: AbortSignal) =>
    api.get<Page<TimelineEntry>>(`/accounts/${accountId}/timeline`, { kinds, cursor, limit: TIMELINE_PAGE_SIZE }, signal),
  logInteraction: (input: InteractionCreate) => api.post<Interaction>('/interactions', input),
  addTask: (input: TaskCreate) => api.post<Task>('/tasks', input),
};
