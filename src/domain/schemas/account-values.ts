import { Type, type Static } from 'typebox';
import { Count, Enum, strict } from './common.js';

/** The account fields whose values in use the API lists, so people pick one instead of typing it. */
export const VALUE_FIELDS = ['segment', 'sector', 'country'] as const;
export type ValueField = (typeof VALUE_FIELDS)[number];

/** At most this many values per field, the most used first. */
export const MAX_VALUES = 500;

export const AccountValuesQuerySchema = Type.Object({
  field: Type.Optional(Enum(VALUE_FIELDS, 'Only this field; all three when absent')),
}, strict);
export type AccountValuesQuery = Static<typeof AccountValuesQuerySchema>;

export const ValueInUseSchema = Type.Object({
  value: Type.String({ description: 'The value exactly as stored, as the list filters match it' }),
  count: Count({ description: 'How many of the accounts you can see carry it' }),
});
export type ValueInUse = Static<typeof ValueInUseSchema>;

const ValuesOf = (what: string) => Type.Optional(Type.Object({
  values: Type.Array(ValueInUseSchema, { description: `The ${what} in use, most used first (then by value)` }),
  complete: Type.Boolean({ description: `false when more than ${MAX_VALUES} values are in use and only the most used are listed` }),
}));

export const AccountValuesSchema = Type.Object({
  segment: ValuesOf('segments'),
  sector: ValuesOf('sectors'),
  country: ValuesOf('countries (ISO 3166-1 alpha-2 codes)'),
}, { $id: 'AccountValues' });
export type AccountValues = Static<typeof AccountValuesSchema>;
