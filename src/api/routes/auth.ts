import { Type } from 'typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { SignInSchema, UserSchema } from '../../domain/schemas/user.js';
import { csrfTokenFor, signIn, signOut } from '../../services/auth.js';
import { users } from '../../services/users.js';
import type { RouteDeps } from '../route-deps.js';
import { contextOf } from '../request-context.js';
import { CSRF_COOKIE, setCsrfCookie } from '../csrf.js';
import { errors } from './shared.js';

export const SESSION_COOKIE = 'clientele_session';
const tags = ['sign-in'];

export async function authRoutes(base: FastifyInstance, { store, throttle, secureCookies }: RouteDeps) {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/auth/sign-in', {
    config: { public: true },
    schema: {
      tags, summary: 'Sign in; sets an HTTP-only session cookie and the anti-CSRF token cookie', security: [], body: SignInSchema,
      response: {
        200: Type.Object({
          user: UserSchema, expiresAt: Type.String(),
          csrfToken: Type.String({ description: `Send it as X-CSRF-Token with every request that changes something; also in the ${CSRF_COOKIE} cookie` }),
        }),
        ...errors(400, 401, 403, 429),
      },
    },
  }, async (request, reply) => {
    const result = await signIn(store, throttle, request.body.email, request.body.password, request.ip, request.cookies[SESSION_COOKIE]);
    setSessionCookies(request, reply, result.session, result.expiresAt, secureCookies);
    return { user: result.user, expiresAt: result.expiresAt.toISOString(), csrfToken: csrfTokenFor(result.session) };
  });

  app.post('/auth/sign-out', {
    config: { public: true },
    schema: { tags, summary: 'Sign out and end the session', security: [], response: { 204: Type.Null(), ...errors(403) } },
  }, async (request, reply) => {
    const session = request.cookies[SESSION_COOKIE];
    if (session) await signOut(store, session);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/auth/me', {
    schema: { tags, summary: 'The signed-in user', response: { 200: UserSchema, ...errors(401) } },
  }, (request) => users.me(contextOf(store, request)));
}

/** The session cookie (HTTP-only) and its anti-CSRF token cookie (readable by this site's pages). */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
  request.cookies[CSRF_COOKIE] = undefined;
  setCsrfCookie(request, reply, session, { secure, expires: expiresAt });
}
