import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { canReadAudit } from '../../domain/access.js';
import { AuditEntrySchema, AuditQuerySchema } from '../../domain/schemas/audit.js';
import { Page } from '../../domain/schemas/common.js';
import { requireRole } from '../../services/context.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

export async function auditRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/audit', {
    schema: { tags: ['audit'], summary: 'The audit trail, newest first, per record or per user (admins)', querystring: AuditQuerySchema, response: { 200: Page(AuditEntrySchema), ...errors(400, 401, 403) } },
  }, async (request) => {
    const ctx = contextOf(store, request);
    requireRole(ctx, canReadAudit, 'read the audit trail');
    return store.audit.list(request.query);
  });
}
