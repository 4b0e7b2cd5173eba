import { Type, type Static } from 'typebox';
import { DIRECTIONS, INTERACTION_TYPES } from '../customer-file.js';
import { DateTime, Enum, Id, ListQuery, Nullable, Text, Timestamps, strict } from './common.js';

const editable = {
  accountId: Id,
  contactId: Nullable(Id),
  type: Enum(INTERACTION_TYPES),
  direction: Nullable(Enum(DIRECTIONS)),
  subject: Text(200, { minLength: 1 }),
  body: Nullable(Text(20000)),
  occurredAt: DateTime,
  userId: Nullable(Id),
  outcome: Nullable(Text(200)),
};

export const InteractionSchema = Type.Object({ id: Id, ...editable, ...Timestamps }, { $id: 'Interaction' });
export type Interaction = Static<typeof InteractionSchema>;

export const InteractionCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  accountId: editable.accountId,
  type: editable.type,
  subject: editable.subject,
}, { ...strict, $id: 'InteractionCreate' });
export type InteractionCreate = Static<typeof InteractionCreateSchema>;

export const InteractionPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'InteractionPatch' });
export type InteractionPatch = Static<typeof InteractionPatchSchema>;

export const InteractionListQuerySchema = Type.Object({
  ...ListQuery,
  accountId: Type.Optional(Id),
  type: Type.Optional(Enum(INTERACTION_TYPES)),
  userId: Type.Optional(Id),
  occurredFrom: Type.Optional(DateTime),
  occurredTo: Type.Optional(DateTime),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(['occurredAt', '-occurredAt'] as const)),
}, strict);
export type InteractionListQuery = Static<typeof InteractionListQuerySchema>;
