import { Type, type Static } from 'typebox';
import {
  ACCOUNT_KINDS, ACCOUNT_SIZES, ACCOUNT_STATUSES, RELATIONSHIP_TYPES,
} from '../customer-file.js';
import {
  Country, DateTime, Day, Email, Enum, Id, InCurrency, ListQuery, Money, Name, Nullable, Phone, Tag, Text, Timestamps, strict,
  JsonValue,
} from './common.js';
import { ABC_CLASSES } from '../portfolio/classes.js';
import { FREQUENCY_CLASSES } from '../portfolio/classes.js';
import { RFM_SEGMENTS } from '../portfolio/rfm-segments.js';
import { STATUS_CLASSES } from '../portfolio/classes.js';
import { VOLUME_TIERS } from '../portfolio/classes.js';
import { BUYING_NOW_FILTER, VALUE_RANKINGS } from '../figures.js';
import { CUSTOM_FIELDS_MAX_BYTES, MAX_BYTES_KEYWORD } from '../limits.js';

/** The activity classes that are not also lifecycle statuses (ex_customer is both, and means the same). */
export const ACTIVITY_STATUSES = STATUS_CLASSES.filter((c) => !(ACCOUNT_STATUSES as readonly string[]).includes(c));

/** An account's classes in the latest analysis run, carried by list rows. */
export const AccountClassesBriefSchema = Type.Object({
  asOf: Type.String(),
  status: Enum(STATUS_CLASSES),
  abc: Enum(ABC_CLASSES),
  rfm: Type.String(),
  volumeTier: Enum(VOLUME_TIERS),
  frequency: Enum(FREQUENCY_CLASSES),
  revenue: Money,
  /** The revenue the ABC class ranks on: the period's, or an inactive account's last active year's (docs/inactive-value-class.md). */
  value: Money,
  churnSignals: Type.Array(Type.String()),
  clv: Nullable(Money),
  pAlive: Nullable(Type.Number()),
}, { $id: 'AccountClassesBrief' });

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
  customerSince: Nullable(Day('The day the relationship began, YYYY-MM-DD, when it is older than the record: the analysis counts the account from then')),
  customFields: Type.Record(Type.String({ maxLength: 100 }), JsonValue, {
    maxProperties: 100, [MAX_BYTES_KEYWORD]: CUSTOM_FIELDS_MAX_BYTES,
    description: `Your own fields: at most 100 keys of up to 100 characters, ${CUSTOM_FIELDS_MAX_BYTES / 1024} KiB as JSON`,
  }),
};

/** An account's own fields: any JSON values under names of the team's choosing. */
export type CustomFields = Static<typeof editable.customFields>;

export const AccountSchema = Type.Object({
  id: Id,
  ...editable,
  statusChangedAt: DateTime,
  ...Timestamps,
  classes: Type.Optional(Nullable(AccountClassesBriefSchema)),
  ...InCurrency,
}, { $id: 'Account' });
/** An account as stored; the API names the currency of its classes' amounts on it. */
export type Account = Omit<Static<typeof AccountSchema>, 'currency'>;
/** An account as the API answers it. */
export type AccountAnswer = Static<typeof AccountSchema>;

export const AccountCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  name: editable.name,
}, { ...strict, $id: 'AccountCreate' });
export type AccountCreate = Static<typeof AccountCreateSchema>;

export const AccountPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'AccountPatch' });
export type AccountPatch = Static<typeof AccountPatchSchema>;

export const ACCOUNT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'revenue', '-revenue', 'value', '-value', 'clv', '-clv'] as const;

export const AccountListQuerySchema = Type.Object({
  ...ListQuery,
  status: Type.Optional(Enum([...ACCOUNT_STATUSES, ...ACTIVITY_STATUSES, BUYING_NOW_FILTER],
    'A lifecycle status (suspect, lead, prospect, customer, ex_customer, partner), an activity class of the latest analysis (current, active, inactive, potential, probable, unqualified), or buying_now: the accounts buying now (current or active)')),
  abc: Type.Optional(Enum(ABC_CLASSES, 'ABC class in the latest analysis')),
  ranking: Type.Optional(Enum(VALUE_RANKINGS, 'Which ranking placed the account in its ABC class: period (revenue in the period, the Pareto chart) or quiet (an inactive account, on its last active year)')),
  rfm: Type.Optional(Enum([...RFM_SEGMENTS, 'none'], 'RFM segment in the latest analysis')),
  tier: Type.Optional(Enum(VOLUME_TIERS, 'Sales-volume tier in the latest analysis')),
  frequency: Type.Optional(Enum(FREQUENCY_CLASSES, 'Purchase frequency in the latest analysis')),
  churn: Type.Optional(Type.Boolean({ description: 'true: only accounts with a pre-churn signal; false: only those without' })),
  clvMin: Type.Optional(Money),
  clvMax: Type.Optional(Money),
  pAliveMin: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  pAliveMax: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
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
