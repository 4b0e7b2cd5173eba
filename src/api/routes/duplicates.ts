import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountMergeSchema, ContactMergeSchema, DuplicateListSchema, DuplicateQuerySchema, MergeBodySchema,
} from '../../domain/schemas/duplicate.js';
import { listDuplicates, mergeAccounts, mergeContacts } from '../../services/duplicates.js';
import { recordsInCurrency } from '../../services/currency.js';
import type { RouteDeps } from '../app.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

const tags = ['duplicates'];

export async function duplicateRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/duplicates', {
    schema: {
      tags, summary: 'Likely duplicate accounts and contacts, most likely first, with the reasons',
      querystring: DuplicateQuerySchema, response: { 200: DuplicateListSchema, ...errors(400, 401) },
    },
  }, (request) => listDuplicates(contextOf(store, request), request.query));

  app.post('/accounts/:id/merge', {
    schema: {
      tags, summary: 'Merge another account into this one (managers and admins)', params: IdParams, body: MergeBodySchema,
      response: { 200: AccountMergeSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, async (request) => {
    const merged = await mergeAccounts(contextOf(store, request), request.params.id, request.body.from);
    return { ...merged, kept: await recordsInCurrency(store, merged.kept) };
  });

  app.post('/contacts/:id/merge', {
    schema: {
      tags, summary: 'Merge another contact of the same account into this one (managers and admins)', params: IdParams, body: MergeBodySchema,
      response: { 200: ContactMergeSchema, ...errors(400, 401, 403, 404, 409) },
    },
  }, (request) => mergeContacts(contextOf(store, request), request.params.id, request.body.from));
}
