import { Type, type Static } from 'typebox';
import { TIMELINE_KINDS } from '../customer-file.js';
import { Currency, DateTime, Enum, Id, Money, Nullable, strict } from './common.js';

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
  title: Type.String(),
  detail: Nullable(Type.String()),
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
