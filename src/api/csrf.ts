// Cross-site request forgery: a page on another site can make the browser send the session
// cookie with a form post or a fetch. Two checks stop it, on every request that changes
// something and rides on the session cookie (API tokens in the Authorization header are never
// sent by a browser on its own, so they are exempt):
// 1. Origin: the browser's Origin header (or the Referer when there is no Origin) must name
//    this server, or an origin listed in CLIENTELE_TRUSTED_ORIGINS; `Sec-Fetch-Site: cross-site`
//    is refused outright.
// 2. Token: the X-CSRF-Token header must carry the session's anti-CSRF token. The token is
//    derived from the session's secret and handed to the page in a cookie only pages of this
//    origin can read (SameSite=Strict, not HTTP-only), so another site can neither read nor
//    compute it.
// Signing in is checked by origin too, so another site cannot sign a browser into its account.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor } from '../services/auth.js';
import type { ErrorBody } from './errors.js';

export const CSRF_COOKIE = 'clientele_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isSafeMethod = (method: string) => SAFE_METHODS.has(method);

/** Hands the page its anti-CSRF token, unless the browser already holds the right one. */
export function setCsrfCookie(request: FastifyRequest, reply: FastifyReply, session: string, options: { secure: boolean; expires?: Date }) {
  const token = csrfTokenFor(session);
  if (request.cookies[CSRF_COOKIE] === token) return;
  reply.setCookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: options.secure, path: '/', expires: options.expires });
}

const refused = (message: string, field?: string): ErrorBody => ({ error: { code: 'forbidden', message, ...(field && { field }) } });

/** Why an unsafe request from a browser comes from another site, or undefined when it does not. */
export function originProblem(request: FastifyRequest, trustedOrigins: readonly string[]): ErrorBody | undefined {
  if (request.headers['sec-fetch-site'] === 'cross-site') return refused('Cross-site request refused: it came from another site.', 'origin');
  const stated = request.headers.origin ?? request.headers.referer;
  if (stated === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(stated);
  } catch {
    return refused('Cross-site request refused: its Origin is not an address.', 'origin');
  }
  if (url.host === request.headers.host || trustedOrigins.includes(url.origin)) return undefined;
  return refused(`Cross-site request refused: it came from ${url.origin}, not from this server.`, 'origin');
}

/** Why a session request that changes something is refused, or undefined when it may go on. */
export function csrfProblem(request: FastifyRequest, session: string, trustedOrigins: readonly string[]): ErrorBody | undefined {
  const origin = originProblem(request, trustedOrigins);
  if (origin) return origin;
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(session));
  const actual = Buffer.from(typeof sent === 'string' ? sent : '');
  if (actual.length === expected.length && timingSafeEqual(actual, expected)) return undefined;
  return refused(`Missing or wrong anti-CSRF token: send the value of the ${CSRF_COOKIE} cookie in the X-CSRF-Token header, or use an API token.`, CSRF_HEADER);
}
