import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ApiTokenCreateSchema, ApiTokenSchema, UserCreateSchema, UserNameSchema, UserPatchSchema, UserSchema } from '../../domain/schemas/user.js';
import { startSession } from '../../services/auth.js';
import { users } from '../../services/users.js';
import { setSessionCookies } from './auth.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { errors, IdParams } from './shared.js';

export async function userRoutes(base: FastifyInstance, { store, secureCookies }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];

  // A rep who sees only their own accounts reads the other users' names alone.
  const Listed = Type.Union([UserSchema, UserNameSchema]);
  app.get('/users', { schema: { tags, summary: 'List users (names alone for a rep who sees only their own accounts)', response: { 200: Type.Object({ items: Type.Array(Listed) }), ...errors(401) } } },
    async (request) => ({ items: await users.list(contextOf(store, request)) }));
  app.post('/users', { schema: { tags, summary: 'Create a user (admins)', body: UserCreateSchema, response: { 201: UserSchema, ...errors(400, 401, 403, 409) } } },
    async (request, reply) => reply.status(201).send(await users.create(contextOf(store, request), request.body)));
  app.get('/users/:id', { schema: { tags, summary: 'Read a user', params: IdParams, response: { 200: Listed, ...errors(401, 404) } } },
    (request) => users.get(contextOf(store, request), request.params.id));
  app.patch('/users/:id', { schema: { tags, summary: 'Change a user (admins; anyone for their own name, language and password)', params: IdParams, body: UserPatchSchema, response: { 200: UserSchema, ...errors(400, 401, 403, 404, 409) } } },
    async (request, reply) => {
      const user = await users.update(contextOf(store, request), request.params.id, request.body);
      // A new password ends every session, this one too; the browser that changed it gets a fresh one.
      if (request.body.password && request.session && request.actor?.userId === user.id) {
        const { session, expiresAt } = await startSession(store, user.id);
        setSessionCookies(request, reply, session, expiresAt, secureCookies);
      }
      return user;
    });

  const tokenTags = ['tokens'];
  app.get('/tokens', { schema: { tags: tokenTags, summary: 'Your API tokens', response: { 200: Type.Object({ items: Type.Array(ApiTokenSchema) }), ...errors(401) } } },
    async (request) => ({ items: await users.listTokens(contextOf(store, request)) }));
  app.post('/tokens', {
    schema: {
      tags: tokenTags, summary: 'Create an API token; the token is shown once', body: ApiTokenCreateSchema,
      response: { 201: Type.Object({ token: Type.String(), record: ApiTokenSchema }), ...errors(400, 401) },
    },
  }, async (request, reply) => reply.status(201).send(await users.createToken(contextOf(store, request), request.body.name)));
  app.delete('/tokens/:id', { schema: { tags: tokenTags, summary: 'Revoke one of your API tokens', params: IdParams, response: { 204: Type.Null(), ...errors(401, 404) } } },
    async (request, reply) => {
      await users.revokeToken(contextOf(store, request), request.params.id);
      return reply.status(204).send(null);
    });
}
