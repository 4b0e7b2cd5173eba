import { Type } from 'typebox';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SignInSchema, UserSchema } from '../../domain/schemas/user.js';
import { signIn, signOut } from '../../services/auth.js';
import { users } from '../../services/users.js';
import type { RouteDeps } from '../app.js';
import { contextOf } from '../request-context.js';
import { errors } from './shared.js';

export const SESSION_COOKIE = 'clientele_session';
const tags = ['sign-in'];

export async function authRoutes(base: FastifyInstance, { store, throttle, secureCookies }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/auth/sign-in', {
    config: { public: true },
    schema: {
      tags, summary: 'Sign in; sets an HTTP-only session cookie', security: [], body: SignInSchema,
      response: { 200: Type.Object({ user: UserSchema, expiresAt: Type.String() }), ...errors(400, 401, 429) },
    },
  }, async (request, reply) => {
    const result = await signIn(store, throttle, request.body.email, request.body.password, request.ip);
    reply.setCookie(SESSION_COOKIE, result.session, {
      httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: result.expiresAt,
    });
    return { user: result.user, expiresAt: result.expiresAt.toISOString() };
  });

  app.post('/auth/sign-out', {
    config: { public: true },
    schema: { tags, summary: 'Sign out and end the session', security: [], response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) await signOut(store, session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'The signed-in user', response: { 200: UserSchema, ...errors(401) } },
  }, (request) => users.get(contextOf(store, request), request.actor!.userId));
}
