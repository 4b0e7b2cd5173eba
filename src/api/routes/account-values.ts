// GET /accounts/values: the segments, sectors and countries in use, for choices in forms and filters.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AccountValuesQuerySchema, AccountValuesSchema } from '../../domain/schemas/account-values.js';
import { accountValuesInUse } from '../../services/account-values.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

export async function accountValueRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/accounts/values', {
    schema: {
      tags: ['accounts'],
      summary: 'The segments, sectors and countries in use, with how many accounts carry each (among the accounts you can see)',
      querystring: AccountValuesQuerySchema, response: { 200: AccountValuesSchema, ...errors(400, 401) },
    },
  }, (request) => accountValuesInUse(contextOf(store, request), request.query));
}
