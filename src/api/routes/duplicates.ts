import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountMergeSchema, ContactMergeSchema, DismissalBodySchema, DismissedListSchema, DismissedPairParamsSchema, DismissedPairSchema,
  DismissedQuerySchema, DuplicateListSchema, DuplicateQuerySchema, MergeBodySchema,
} from '../../domain/schemas/duplicate.js';
import {
  dismissDuplicate, listDismissed, listDuplicates, mergeAccounts, mergeContacts, restoreDuplicate,
} from '../../services/duplicates.js';
import { recordsInCurrency } from '../../services/currency.js';
import type { RouteDeps } from '../route-deps.js';
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

  app.post('/duplicates/dismissed', {
    schema: {
      tags, summary: 'Mark two accounts or contacts as not a duplicate, for good: the list leaves the pair out (managers and admins)',
      body: DismissalBodySchema, response: { 201: DismissedPairSchema, ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => reply.code(201).send(await dismissDuplicate(contextOf(store, request), request.body)));

  app.get('/duplicates/dismissed', {
    schema: {
      tags, summary: 'The pairs marked as not duplicates, most recent first (managers and admins)',
      querystring: DismissedQuerySchema, response: { 200: DismissedListSchema, ...errors(400, 401, 403) },
    },
  }, async (request) => ({ items: await listDismissed(contextOf(store, request), request.query.kind) }));

  app.delete('/duplicates/dismissed/:kind/:a/:b', {
    schema: {
      tags, summary: 'Take back a "not a duplicate" decision: the pair is listed again if it still scores enough (managers and admins)',
      params: DismissedPairParamsSchema, response: { 204: Type.Null(), ...errors(400, 401, 403, 404) },
    },
  }, async (request, reply) => {
    await restoreDuplicate(contextOf(store, request), request.params.kind, request.params.a, request.params.b);
    return reply.status(204).send(null);
  });

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
