import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { canChangeSettings } from '../../domain/access.js';
import { AccessSettingsSchema, CurrencySettingsSchema } from '../../domain/schemas/settings.js';
import { baseCurrency, setBaseCurrency } from '../../services/currency.js';
import { REP_VISIBILITY_KEY, repVisibility, requireRole } from '../../services/context.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

export async function settingsRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['settings'];
  app.get('/settings/access', { schema: { tags, summary: 'Who sees which accounts', response: { 200: AccessSettingsSchema, ...errors(401) } } },
    async () => ({ repVisibility: await repVisibility(store) }));
  app.put('/settings/access', { schema: { tags, summary: 'Change who sees which accounts (admins)', body: AccessSettingsSchema, response: { 200: AccessSettingsSchema, ...errors(400, 401, 403) } } },
    async (request) => {
      const ctx = contextOf(store, request);
      requireRole(ctx, canChangeSettings, 'change settings');
      const before = await repVisibility(store);
      await store.transaction(async (tx) => {
        await tx.settings.set(REP_VISIBILITY_KEY, request.body.repVisibility);
        await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'setting', entityId: REP_VISIBILITY_KEY, changes: { repVisibility: [before, request.body.repVisibility] } });
      });
      return { repVisibility: request.body.repVisibility };
    });
  app.get('/settings/currency', { schema: { tags, summary: 'The currency every amount is in', response: { 200: CurrencySettingsSchema, ...errors(401) } } },
    async () => ({ currency: await baseCurrency(store) }));
  app.put('/settings/currency', {
    schema: { tags, summary: 'Name the currency every amount is in (admins); amounts are relabelled, not converted', body: CurrencySettingsSchema, response: { 200: CurrencySettingsSchema, ...errors(400, 401, 403) } },
  }, async (request) => ({ currency: await setBaseCurrency(contextOf(store, request), request.body.currency) }));
}
