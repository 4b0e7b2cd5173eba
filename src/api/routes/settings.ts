import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { canChangeSettings, REP_VISIBILITIES } from '../../domain/access.js';
import { Currency, Enum } from '../../domain/schemas/common.js';
import { baseCurrency, setBaseCurrency } from '../../services/currency.js';
import { REP_VISIBILITY_KEY, repVisibility, requireRole } from '../../services/context.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

const AccessSettings = Type.Object({
  repVisibility: Enum(REP_VISIBILITIES, 'all: reps see every account; own: reps see only the accounts they own'),
}, { additionalProperties: false, $id: 'AccessSettings' });

const CurrencySettings = Type.Object({ currency: Currency }, { additionalProperties: false, $id: 'CurrencySettings' });

export async function settingsRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['settings'];
  app.get('/settings/access', { schema: { tags, summary: 'Who sees which accounts', response: { 200: AccessSettings, ...errors(401) } } },
    async () => ({ repVisibility: await repVisibility(store) }));
  app.put('/settings/access', { schema: { tags, summary: 'Change who sees which accounts (admins)', body: AccessSettings, response: { 200: AccessSettings, ...errors(400, 401, 403) } } },
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
  app.get('/settings/currency', { schema: { tags, summary: 'The currency every amount is in', response: { 200: CurrencySettings, ...errors(401) } } },
    async () => ({ currency: await baseCurrency(store) }));
  app.put('/settings/currency', {
    schema: { tags, summary: 'Name the currency every amount is in (admins); amounts are relabelled, not converted', body: CurrencySettings, response: { 200: CurrencySettings, ...errors(400, 401, 403) } },
  }, async (request) => ({ currency: await setBaseCurrency(contextOf(store, request), request.body.currency) }));
}
