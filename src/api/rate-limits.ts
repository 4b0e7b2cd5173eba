// Request rates through @fastify/rate-limit, on two counters: per address (every request to
// the API from one IP, signed in or not) and per signed-in user (whatever address they come
// from). Past either limit the API answers 429 with Retry-After until the window turns.
// Both are per minute, generous by default, set by CLIENTELE_RATE_LIMIT_PER_ADDRESS and
// CLIENTELE_RATE_LIMIT_PER_USER; 0 turns a limit off.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './errors.js';

export interface RateLimits {
  /** Requests per minute from one address; 0 for no limit. */
  perAddress: number;
  /** Requests per minute by one signed-in user; 0 for no limit. */
  perUser: number;
  /** The window in ms: a minute unless a test shortens it. */
  windowMs?: number;
}

export { DEFAULT_RATE_LIMITS } from '../config.js';

type Check = (request: FastifyRequest) => Promise<{ isAllowed: boolean; isExceeded?: boolean; ttlInSeconds?: number; max?: number; remaining?: number }>;

/** Registers the limiter and returns the hook that applies both counters to a request. */
export async function rateLimits(app: FastifyInstance, limits: RateLimits) {
  await app.register(rateLimit, { global: false });
  const timeWindow = limits.windowMs ?? 60_000;
  const byAddress: Check | undefined = limits.perAddress > 0
    ? app.createRateLimit({ max: limits.perAddress, timeWindow, keyGenerator: (request) => `address:${request.ip}` })
    : undefined;
  const byUser: Check | undefined = limits.perUser > 0
    ? app.createRateLimit({ max: limits.perUser, timeWindow, keyGenerator: (request) => `user:${request.actor?.userId ?? 'none'}` })
    : undefined;

  return async function applyRateLimits(request: FastifyRequest, reply: FastifyReply) {
    if (!request.url.startsWith('/api/')) return;
    const checks: [string, Check][] = [];
    if (byAddress) checks.push(['address', byAddress]);
    if (byUser && request.actor) checks.push(['user', byUser]);
    for (const [who, check] of checks) {
      const limit = await check(request);
      if (limit.isAllowed || !limit.isExceeded) continue;
      reply.header('retry-after', String(limit.ttlInSeconds ?? 1));
      return sendError(reply, 429, {
        error: {
          code: 'too_many_requests',
          message: `Too many requests ${who === 'user' ? 'by this user' : 'from this address'} (at most ${limit.max} per ${Math.round(timeWindow / 1000)} s); try again in ${limit.ttlInSeconds ?? 1} s.`,
        },
      });
    }
  };
}
