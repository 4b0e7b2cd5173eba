import type { FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access.js';
import { ClienteleError } from '../domain/errors.js';
import type { Context } from '../services/context.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    /** The session cookie's value when the actor signed in through it (not an API token). */
    session?: string;
  }
  interface FastifyContextConfig {
    /** Routes anyone may call without signing in. */
    public?: boolean;
  }
}

export function contextOf(store: Store, request: FastifyRequest): Context {
  if (!request.actor) throw new ClienteleError('unauthenticated', 'Sign in first, or send an API token as "Authorization: Bearer …".');
  return { store, actor: request.actor };
}
