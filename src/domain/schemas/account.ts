import { Type, type Static } from 'typebox';
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, RELATIONSHIP_TYPES,
} from '../customer-file.js';
import {
  Country, DateTime, Email, Enum, Id, ListQuery, Name, Nullable, Phone, Tag, Text, Timestamps, strict,
} from './common.js';

const editable = {
  externalId: Nullable(Text(100, { minLength: 1 })),
  kind: Enum(ACCOUNT_KINDS),
  name: Name(),
  status: Enum(ACCOUNT_STATUSES),
  sector: Nullable(Text(100)),
  segment: Nullable(Text(100)),
  size: Nullable(Enum(ACCOUNT_SIZES)),
  relationshipType: Nullable(Enum(RELATIONSHIP_TYPES)),
  country: Nullable(Country),
  region: Nullable(Text(100)),
  city: Nullable(Text(100)),
  postalCode: Nullable(Text(20)),
  website: Nullable(Text(200)),
  email: Nullable(Email),
  phone: Nullable(Phone),
  ownerId: Nullable(Id),
  tags: Type.Array(Tag, { maxItems: 50, uniqueItems: true }),
  hasInterest: Type.Boolean({ description: 'Has shown interest (tells potential from probable customers)' }),
  hasFinancialCapacity: Type.Boolean({ description: 'Has the means to buy' }),
  customFields: Type.Record(Type.String({ maxLength: 100 }), Type.Unknown(), { maxProperties: 100 }),
};

export const AccountSchema = Type.Object({
  id: Id,
  ...editable,
  statusChangedAt: DateTime,
  ...Timestamps,
}, { $id: 'Account' });
export type Account = Static<typeof AccountSchema>;

export const AccountCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  name: editable.name,
}, { ...strict, $id: 'AccountCreate' });
export type AccountCreate = Static<typeof AccountCreateSchema>;

export const AccountPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'AccountPatch' });
export type AccountPatch = Static<typeof AccountPatchSchema>;

export const ACCOUNT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt'] as const;

export const AccountListQuerySchema = Type.Object({
  ...ListQuery,
  status: Type.Optional(Enum(ACCOUNT_STATUSES)),
  ownerId: Type.Optional(Id),
  segment: Type.Optional(Text(100)),
  sector: Type.Optional(Text(100)),
  country: Type.Optional(Country),
  size: Type.Optional(Enum(ACCOUNT_SIZES)),
  relationshipType: Type.Optional(Enum(RELATIONSHIP_TYPES)),
  tags: Type.Optional(Type.String({ maxLength: 500, description: 'Comma-separated; accounts carrying all of them' })),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(ACCOUNT_SORTS)),
}, strict);
export type AccountListQuery = Static<typeof AccountListQuerySchema>;
