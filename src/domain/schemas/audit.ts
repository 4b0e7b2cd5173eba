// The audit trail as GET /audit answers it, and the query that narrows it.
import { Type, type Static } from 'typebox';
import { Id, JsonValue, Nullable, Text } from './common.js';

export const AuditEntrySchema = Type.Object({
  id: Id,
  at: Type.String({ description: 'When the change was made (ISO 8601)' }),
  userId: Nullable(Id),
  action: Type.String({ description: 'What was done: create, update, delete, merge, …' }),
  entity: Type.String({ description: 'The kind of record changed: account, contact, order, setting, …' }),
  entityId: Type.String({ description: 'The record\'s id, or the setting\'s key' }),
  changes: Nullable(Type.Record(Type.String(), Type.Array(JsonValue, { minItems: 2, maxItems: 2, description: 'The value before, then after' }), {
    description: 'Per field changed, its value before and after; null when the action says it all',
  })),
}, { $id: 'AuditEntry' });
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditQuerySchema = Type.Object({
  entity: Type.Optional(Text(50)),
  entityId: Type.Optional(Text(100)),
  userId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  cursor: Type.Optional(Text(500)),
}, { additionalProperties: false });
