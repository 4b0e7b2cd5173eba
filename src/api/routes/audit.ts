import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { canReadAudit } from '../../domain/access.js';
import { Id, Nullable, Page, Text } from '../../domain/schemas/common.js';
import { requireRole } from '../../services/context.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

const AuditEntrySchema = Type.Object({
  id: Id,
  at: Type.String(),
  userId: Nullable(Id),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  changes: Nullable(Type.Record(Type.String(), Type.Array(Type.Unknown()))),
}, { $id: 'AuditEntry' });

const AuditQuery = Type.Object({
  entity: Type.Optional(Text(50)),
  entityId: Type.Optional(Text(100)),
  userId: Type.Optional(Id),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  cursor: Type.Optional(Text(500)),
}, { additionalProperties: false });

export async function auditRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'The audit trail, newest first, per record or per user (admins)', querystring: AuditQuery, response: { 200: Page(AuditEntrySchema), ...errors(400, 401, 403) } },
  }, async (request) => {
    const ctx = contextOf(store, request);
    requireRole(ctx, canReadAudit, 'read the audit trail');
    return store.audit.list(request.query);
  });
}
