import { Type, type Static } from 'typebox';
import { ACCOUNT_STATUSES, INTERACTION_TYPES, ORDER_STATUSES, TIMELINE_KINDS } from '../customer-file.js';
import { Currency, DateTime, Enum, Id, Money, Nullable, strict } from './common.js';

/** What happened, as values: each reader words it in its own language (timeline-words.ts). */
export const TimelineFactsSchema = Type.Object({
  interactionType: Type.Optional(Enum(INTERACTION_TYPES)),
  subject: Type.Optional(Type.String()),
  orderNumber: Type.Optional(Type.String()),
  orderStatus: Type.Optional(Enum(ORDER_STATUSES)),
  total: Type.Optional(Money),
  /** The currency of `total`: the order's own. */
  currency: Type.Optional(Currency),
  itemCount: Type.Optional(Type.Integer()),
  taskTitle: Type.Optional(Type.String()),
  done: Type.Optional(Type.Boolean()),
  fromStatus: Type.Optional(Nullable(Enum(ACCOUNT_STATUSES, 'null for the status the account was created with'))),
  toStatus: Type.Optional(Enum(ACCOUNT_STATUSES)),
});
export type TimelineFacts = Static<typeof TimelineFactsSchema>;

/** An order's amount on the timeline: in its own currency, and in the organisation's with the rate used. */
export const TimelineAmountSchema = Type.Object({
  total: Money,
  currency: Currency,
  baseTotal: Money,
  baseCurrency: Currency,
  exchangeRate: Nullable(Type.String()),
  rateDate: Nullable(Type.String()),
});
export type TimelineAmount = Static<typeof TimelineAmountSchema>;

export const TimelineEntrySchema = Type.Object({
  kind: Enum(TIMELINE_KINDS),
  id: Id,
  at: DateTime,
  title: Type.String({ description: 'The entry in English words; `facts` holds its values' }),
  detail: Nullable(Type.String()),
  facts: TimelineFactsSchema,
  userId: Nullable(Id),
  /** Orders only. */
  amount: Type.Optional(TimelineAmountSchema),
}, { $id: 'TimelineEntry' });
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const TimelineQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  kinds: Type.Optional(Type.String({ maxLength: 100, description: 'Comma-separated subset of interaction,order,task,status_change' })),
}, strict);
export type TimelineQuery = Static<typeof TimelineQuerySchema>;
