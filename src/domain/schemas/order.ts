import { Type, type Static } from 'typebox';
import { ORDER_CHANNELS, ORDER_KINDS, ORDER_STATUSES } from '../customer-file.js';
import { RATE_PATTERN } from '../exchange-rate.js';
import { Currency, DateOrDateTime, DateTime, Day, Enum, Id, InCurrency, ListQuery, Money, MoneyField, Nullable, Text, Timestamps, strict } from './common.js';

export const OrderLineInputSchema = Type.Object({
  productId: Type.Optional(Nullable(Id)),
  description: Type.Optional(Nullable(Text(500))),
  quantity: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: 'Negative for returns' }),
  unitPrice: Money,
  discountPercent: Type.Optional(Type.Number({ minimum: 0, maximum: 100, multipleOf: 0.01 })),
}, strict);
export type OrderLineInput = Static<typeof OrderLineInputSchema>;

export const OrderLineSchema = Type.Object({
  lineNo: Type.Integer(),
  productId: Nullable(Id),
  description: Nullable(Type.String()),
  quantity: Type.Integer(),
  unitPrice: Money,
  discountPercent: Type.Number(),
  total: Money,
});
export type OrderLine = Static<typeof OrderLineSchema>;

const editable = {
  accountId: Id,
  number: Text(64, { minLength: 1 }),
  orderedAt: DateOrDateTime,
  channel: Nullable(Enum(ORDER_CHANNELS)),
  status: Enum(ORDER_STATUSES),
  lines: Type.Array(OrderLineInputSchema, { maxItems: 1000 }),
  /** Only for orders recorded without lines (an ERP's order-level history). */
  total: Money,
  itemCount: Type.Integer({ minimum: 0 }),
  /** The order's own currency; absent or null: the organisation's. */
  currency: Nullable(Currency),
};

export const Rate = Type.String({ pattern: RATE_PATTERN, description: 'One unit of a currency in the organisation\'s currency, as a decimal string, e.g. "0.9215"' });

export const OrderSchema = Type.Object({
  id: Id,
  accountId: Id,
  number: Type.String(),
  orderedAt: DateTime,
  channel: Nullable(Enum(ORDER_CHANNELS)),
  status: Enum(ORDER_STATUSES),
  /** A credit note (a cancellation or return, from an import) reduces revenue and is not a purchase. */
  kind: Enum(ORDER_KINDS, 'order, or credit_note: a cancellation or return that reduces revenue and is not a purchase'),
  /** The invoice a credit note cancels, when its import named it. */
  cancelsOrderId: Nullable(Id),
  total: Money,
  itemCount: Type.Integer(),
  lines: Type.Array(OrderLineSchema),
  /** Its total in the organisation's currency: what every analysis counts. */
  baseTotal: MoneyField('The total in the organisation\'s currency (baseCurrency), converted at exchangeRate'),
  baseCurrency: Currency,
  /** Null when the order is in the organisation's currency. */
  exchangeRate: Nullable(Rate),
  /** The day of the rate used: the latest rate of the order's currency on or before its day. */
  rateDate: Nullable(Day()),
  ...Timestamps,
  /** The currency of the total and the lines: the order's own, or the organisation's. */
  ...InCurrency,
}, { $id: 'Order' });
/** An order as stored: its own currency, or null when it is in the organisation's (named beside it by the API). */
export type Order = Omit<Static<typeof OrderSchema>, 'currency' | 'baseCurrency'> & { currency: string | null };

export const OrderCreateSchema = Type.Object({
  ...Type.Partial(Type.Object(editable)).properties,
  accountId: editable.accountId,
  number: editable.number,
  orderedAt: editable.orderedAt,
}, { ...strict, $id: 'OrderCreate' });
export type OrderCreate = Static<typeof OrderCreateSchema>;

export const OrderPatchSchema = Type.Partial(Type.Object(editable), { ...strict, minProperties: 1, $id: 'OrderPatch' });
export type OrderPatch = Static<typeof OrderPatchSchema>;

export const OrderListQuerySchema = Type.Object({
  ...ListQuery,
  accountId: Type.Optional(Id),
  status: Type.Optional(Enum(ORDER_STATUSES)),
  orderedFrom: Type.Optional(DateOrDateTime),
  orderedTo: Type.Optional(DateOrDateTime),
  createdFrom: Type.Optional(DateTime),
  createdTo: Type.Optional(DateTime),
  updatedFrom: Type.Optional(DateTime),
  updatedTo: Type.Optional(DateTime),
  sort: Type.Optional(Enum(['orderedAt', '-orderedAt', 'total', '-total', 'number', '-number'] as const)),
}, strict);
export type OrderListQuery = Static<typeof OrderListQuerySchema>;
