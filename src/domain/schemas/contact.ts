import { Type, type Static } from 'typebox';
import { CHANNELS, CIVILITIES } from '../customer-file.js';
import { DateTime, Email, Enum, Id, ListQuery, Name, Nullable, Phone, Text, Timestamps, strict } from './common.js';

export const ConsentSchema = Type.Object({
  granted: Type.Boolean(),
  source: Text(100, { minLength: 1, description: 'Where the consent came from: web form, call, contract…' }),
  at: DateTime,
}, strict);

const editable = {
  accountId: Id,
  externalId: Nullable(Text(100, { minLength: 1 })),
  civility: Nullable(Enum(CIVILITIES)),
  firstName: Nullable(Text(100)),
  lastName: Name(100),
  jobTitle: Nullable(Text(150)),
  email: Nullable(Email),
  phone: Nullable(Phone),
  birthYear: Nullable(Type.Integer({ minimum: 1900, maximum: 2100 })),
  preferredChannel: Nullable(Enum(CHANNELS)),
  consent: Type.Partial(Type.Object(Object.fromEntries(CHANNELS.map((c) => [c, ConsentSchema])) as Record<(typeof CHANNELS)[number], typeof ConsentSchema>), strict),
  doNotContact: Type.Boolean(),
};

export const ContactSchema = Type.Object({ id: Id, ...editable, ...Timestamps }, { $id: 'Contact' });
export type Contact = Static<typeof ContactSchema>;

export const ContactCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  accountId: editable.accountId,
  lastName: editable.lastName,
}, { ...strict, $id: 'ContactCreate' });
export type ContactCreate = Static<typeof ContactCreateSchema>;

export const ContactPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'ContactPatch' });
export type ContactPatch = Static<typeof ContactPatchSchema>;

export const ContactListQuerySchema = Type.Object({
  ...ListQuery,
  accountId: Type.Optional(Id),
  email: Type.Optional(Text(254)),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(['lastName', '-lastName', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const)),
}, strict);
export type ContactListQuery = Static<typeof ContactListQuerySchema>;
