// Building blocks for the TypeBox schemas that validate every input at the boundary (API,
// CLI, imports) and describe it in the OpenAPI document.
import { Type, type TSchema } from 'typebox';
import { MONEY_PATTERN } from '../money.js';
import Format from 'typebox/format';
import { isCountryCode } from '../countries.js';
import { isCurrencyCode } from '../currency.js';
import { DAY_PATTERN, RANGE_IN_WORDS, TIMESTAMP_PATTERN } from '../date-range.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Text = (maxLength: number, options: { minLength?: number; description?: string } = {}) =>
  Type.String({ maxLength, ...options });

/** Patterns the API's error messages explain in words (api/errors.ts). */
export const NOT_BLANK = '\\S';
export const PHONE_PATTERN = '^\\+?[0-9 ().\\-/]{3,40}$';
export const TAG_PATTERN = '^[^,]+$';

export const Name = (maxLength = 200) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK });

export const Enum = <T extends readonly string[]>(values: T, description?: string) =>
  Type.Enum([...values] as unknown as T[number][], description ? { description } : {});

/** Ids are bigint columns; past 2^53 JavaScript cannot hold them exactly. */
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Identifier' });

/** What an integer column holds. */
export const INT4_MAX = 2 ** 31 - 1;
/** A count or offset in a query, kept to what an integer column holds. */
export const Count = (options: { minimum?: number; maximum?: number; default?: number; description?: string } = {}) =>
  Type.Integer({ minimum: 0, maximum: INT4_MAX, ...options });

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const Phone = Type.String({
  minLength: 3, maxLength: 40, pattern: PHONE_PATTERN,
  description: 'Digits with optional leading +, spaces, dots, dashes or brackets',
});

// A format rather than an enum of 249 values: the enum made every query naming a country spend
// a third of a second converting the parameter against each value.
Format.Set('iso-country', isCountryCode);
export const Country = Type.String({ format: 'iso-country', minLength: 2, maxLength: 2, description: 'ISO 3166-1 alpha-2 country code' });

export const Money = Type.String({ pattern: MONEY_PATTERN, description: 'Exact amount as a decimal string, e.g. "1234.50", in the currency named beside it' });

/** A money field with its own description. */
export const MoneyField = (description: string) => Type.String({ pattern: MONEY_PATTERN, description: `${description}: a decimal string in the currency named beside it` });

Format.Set('iso-currency', isCurrencyCode);
export const Currency = Type.String({ format: 'iso-currency', minLength: 3, maxLength: 3, description: 'ISO 4217 currency code of the amounts beside it, e.g. "EUR"' });

/** The one field a response carrying amounts adds beside them (see docs/money.md). */
export const InCurrency = { currency: Currency };

export const DateTime = Type.String({ format: 'date-time', pattern: TIMESTAMP_PATTERN, maxLength: 40, description: `ISO 8601 timestamp, ${RANGE_IN_WORDS}; stored in UTC` });

/** A calendar day within the stored range (src/domain/date-range.ts). */
export const Day = (description = 'A calendar day, YYYY-MM-DD') =>
  Type.String({ format: 'date', pattern: DAY_PATTERN, description: `${description} (${RANGE_IN_WORDS})` });

/** A date (2026-01-31) or a full timestamp; a bare date means midnight UTC. */
export const DateOrDateTime = Type.Union([Day(), DateTime]);

export const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: TAG_PATTERN });

export const Timestamps = {
  createdAt: DateTime,
  updatedAt: DateTime,
};

export const strict = { additionalProperties: false } as const;

/** Any JSON value, described as one: text, a number, true or false, null, or a list or object of JSON values. */
export const JsonValue = Type.Cyclic({
  JsonValue: Type.Union([
    Type.String(), Type.Number(), Type.Boolean(), Type.Null(),
    Type.Array(Type.Ref('JsonValue')), Type.Record(Type.String(), Type.Ref('JsonValue')),
  ], { description: 'A JSON value: text, a number, true or false, null, or a list or object of JSON values' }),
}, 'JsonValue');

/** Query parameters shared by every list. */
export const ListQuery = {
  limit: Type.Optional(Count({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'Opaque cursor from the previous page' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search' })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
