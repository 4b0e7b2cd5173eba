import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AccountCreateSchema, AccountListQuerySchema, AccountPatchSchema, AccountSchema,
} from '../../domain/schemas/account.js';
import { Page } from '../../domain/schemas/common.js';
import { TimelineEntrySchema, TimelineQuerySchema } from '../../domain/schemas/timeline.js';
import { recordsInCurrency } from '../../services/currency.js';
import {
  accountTimeline, countAccounts, createAccount, deleteAccount, getAccount, listAccounts, updateAccount,
} from '../../services/accounts.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

const tags = ['accounts'];

export async function accountRoutes(base: FastifyInstance, { store }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  // An account's classes carry its revenue and lifetime value: each account names their currency.
  const answer = async <R extends object>(body: Promise<R>) => recordsInCurrency(store, await body);

  app.get('/accounts', {
    schema: { tags, summary: 'List accounts', querystring: AccountListQuerySchema, response: { 200: Page(AccountSchema), ...errors(400, 401) } },
  }, (request) => answer(listAccounts(contextOf(store, request), request.query)));

  app.get('/accounts/count', {
    schema: {
      tags, summary: "How many accounts the list's filters and search select, every page together (limit, cursor and sort are ignored)",
      querystring: AccountListQuerySchema, response: { 200: Type.Object({ count: Type.Integer({ minimum: 0, description: 'How many accounts the query selects' }) }), ...errors(400, 401) },
    },
  }, async (request) => ({ count: await countAccounts(contextOf(store, request), request.query) }));

  app.post('/accounts', {
    schema: { tags, summary: 'Create an account', body: AccountCreateSchema, response: { 201: AccountSchema, ...errors(400, 401, 403, 409, 422) } },
  }, async (request, reply) => reply.status(201).send(await answer(createAccount(contextOf(store, request), request.body))));

  app.get('/accounts/:id', {
    schema: { tags, summary: 'Read an account', params: IdParams, response: { 200: AccountSchema, ...errors(401, 404) } },
  }, (request) => answer(getAccount(contextOf(store, request), request.params.id)));

  app.patch('/accounts/:id', {
    schema: { tags, summary: 'Change an account', params: IdParams, body: AccountPatchSchema, response: { 200: AccountSchema, ...errors(400, 401, 403, 404, 409, 422) } },
  }, (request) => answer(updateAccount(contextOf(store, request), request.params.id, request.body)));

  app.delete('/accounts/:id', {
    schema: { tags, summary: 'Delete an account without orders', params: IdParams, response: { 204: Type.Null(), ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await deleteAccount(contextOf(store, request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/accounts/:id/timeline', {
    schema: {
      tags, summary: 'The account\'s history, newest first', params: IdParams, querystring: TimelineQuerySchema,
      response: { 200: Page(TimelineEntrySchema), ...errors(400, 401, 404) },
    },
  }, (request) => accountTimeline(contextOf(store, request), request.params.id, request.query));
}
