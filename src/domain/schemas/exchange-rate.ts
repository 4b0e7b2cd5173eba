import { Type, type Static } from 'typebox';
import { Currency, Day, strict } from './common.js';
import { Rate } from './order.js';

export const ExchangeRateSchema = Type.Object({
  currency: Currency,
  date: Day('The first day the rate holds, YYYY-MM-DD; it holds until the currency\'s next rate'),
  rate: Rate,
}, { ...strict, $id: 'ExchangeRate' });
export type ExchangeRate = Static<typeof ExchangeRateSchema>;

export const ExchangeRatesSchema = Type.Object({
  baseCurrency: Currency,
  /** Currencies the stored orders are in, besides the organisation's. */
  orderCurrencies: Type.Array(Currency),
  items: Type.Array(ExchangeRateSchema),
}, { $id: 'ExchangeRates' });
export type ExchangeRates = Static<typeof ExchangeRatesSchema>;

export const ExchangeRatesInputSchema = Type.Object({
  rates: Type.Array(ExchangeRateSchema, { minItems: 1, maxItems: 10000 }),
}, { ...strict, $id: 'ExchangeRatesInput' });
export type ExchangeRatesInput = Static<typeof ExchangeRatesInputSchema>;

export const RatesSavedSchema = Type.Object({
  rows: Type.Optional(Type.Integer({ description: 'Rows of the file read' })),
  added: Type.Integer(),
  changed: Type.Integer(),
  ordersConverted: Type.Integer({ description: 'Orders converted again because a rate they take was added, changed or removed' }),
}, { $id: 'RatesSaved' });
export type RatesSaved = Static<typeof RatesSavedSchema>;

export const ExchangeRatesQuerySchema = Type.Object({ currency: Type.Optional(Currency) }, strict);
