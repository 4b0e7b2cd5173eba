// The API's shapes, derived from the server's own schemas so the two cannot drift apart.
export type { AccountAnswer as Account, AccountCreate, AccountPatch } from '../../../../src/domain/schemas/account';
export type { Contact } from '../../../../src/domain/schemas/contact';
export type { Interaction, InteractionCreate } from '../../../../src/domain/schemas/interaction';
export type { Task, TaskCreate } from '../../../../src/domain/schemas/task';
export type { TimelineEntry } from '../../../../src/domain/schemas/timeline';
export type { User, ApiToken, UserCreate, UserPatch } from '../../../../src/domain/schemas/user';
export type { Role } from '../../../../src/domain/customer-file';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
