import { Type, type Static } from 'typebox';
import { TIMELINE_KINDS } from '../customer-file.js';
import { DateTime, Enum, Id, Nullable, strict } from './common.js';

export const TimelineEntrySchema = Type.Object({
  kind: Enum(TIMELINE_KINDS),
  id: Id,
  at: DateTime,
  title: Type.String(),
  detail: Nullable(Type.String()),
  userId: Nullable(Id),
}, { $id: 'TimelineEntry' });
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const TimelineQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
  kinds: Type.Optional(Type.String({ maxLength: 100, description: 'Comma-separated subset of interaction,order,task,status_change' })),
}, strict);
export type TimelineQuery = Static<typeof TimelineQuerySchema>;
