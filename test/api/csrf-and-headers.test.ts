// Cookie sessions against other sites: the anti-CSRF token and the Origin check on every
// change made with the session cookie; API tokens exempt. Security headers on every kind of
// answer. Rate limits per address and per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { CSRF_COOKIE } from '../../src/api/csrf.js';
import { SESSION_COOKIE } from '../../src/api/routes/auth.js';
import { createApiToken, createUser } from '../../src/services/auth.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

const PASSWORD = 'a long enough password';
const HOST = 'clientele.example:3000';

async function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([file.content], { type: 'text/csv' }), file.name);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

describe.each(ENGINES)('cross-site requests, security headers and rate limits on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let session: string;
  let csrf: string;
  let token: string;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    app = await buildApp({ store, logger: false, webRoot: false });
    const manager = await createUser(store, { email: 'manager@example.com', name: 'Manager', role: 'manager', password: PASSWORD });
    token = (await createApiToken(store, manager.id, 'script')).token;
    const signedIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { host: HOST, origin: `http://${HOST}` }, payload: { email: 'manager@example.com', password: PASSWORD } });
    expect(signedIn.statusCode).toBe(200);
    session = signedIn.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const cookie = signedIn.cookies.find((c) => c.name === CSRF_COOKIE)!;
    // The page must be able to read the token (not HTTP-only); other sites never get it sent.
    expect(cookie).toMatchObject({ sameSite: 'Strict', path: '/' });
    expect(cookie.httpOnly).toBeFalsy();
    csrf = cookie.value;
    expect(signedIn.json().csrfToken).toBe(csrf);
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const accountCount = async () => Number((await store.connection.db.selectFrom('accounts').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const createAccount = (headers: Record<string, string>, name = 'Cross Site Ltd') =>
    app.inject({ method: 'POST', url: '/api/v1/accounts', cookies: { [SESSION_COOKIE]: session }, headers: { host: HOST, ...headers }, payload: { name, kind: 'company' } });

  it('refuses a JSON write with the session cookie but no anti-CSRF token, and stores nothing', async () => {
    const before = await accountCount();
    const response = await createAccount({ origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'forbidden', field: 'origin' });
    const noToken = await createAccount({ origin: `http://${HOST}` });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error).toMatchObject({ code: 'forbidden', field: 'x-csrf-token' });
    const wrongToken = await createAccount({ origin: `http://${HOST}`, 'x-csrf-token': csrf.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) });
    expect(wrongToken.statusCode).toBe(403);
    expect(await accountCount()).toBe(before);
  });

  it('refuses the token when the request comes from another site, by Origin, Referer or Sec-Fetch-Site', async () => {
    const before = await accountCount();
    for (const headers of <Record<string, string>[]>[
      { origin: 'https://evil.example', 'x-csrf-token': csrf },
      { referer: 'https://evil.example/page', 'x-csrf-token': csrf },
      { 'sec-fetch-site': 'cross-site', 'x-csrf-token': csrf },
      { origin: 'null', 'x-csrf-token': csrf },
    ]) {
      const response = await createAccount(headers);
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.field).toBe('origin');
    }
    expect(await accountCount()).toBe(before);
  });

  it('refuses a cross-site multipart import with the session cookie and starts no job', async () => {
    const body = await multipart({ target: 'accounts' }, { name: 'evil.csv', content: 'name,country\nPlanted,FR\n' });
    const response = await app.inject({
      method: 'POST', url: '/api/v1/imports', cookies: { [SESSION_COOKIE]: session },
      headers: { host: HOST, origin: 'https://evil.example', 'content-type': body.contentType }, payload: body.payload,
    });
    expect(response.statusCode).toBe(403);
    const jobs = await app.inject({ method: 'GET', url: '/api/v1/imports', headers: { authorization: `Bearer ${token}` } });
    expect(jobs.json().items).toEqual([]);
  });

  it('accepts a write from the web app: same origin and the token from the cookie', async () => {
    const response = await createAccount({ origin: `http://${HOST}`, 'x-csrf-token': csrf }, 'Own Page Ltd');
    expect(response.statusCode).toBe(201);
    // Reads need no token: a GET changes nothing.
    expect((await app.inject({ method: 'GET', url: '/api/v1/accounts', cookies: { [SESSION_COOKIE]: session } })).statusCode).toBe(200);
  });

  it('exempts API tokens: scripts send no cookie, so no other site can ride on them', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/accounts', headers: { authorization: `Bearer ${token}`, origin: 'https://tool.example' }, payload: { name: 'Scripted Ltd', kind: 'company' } });
    expect(response.statusCode).toBe(201);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', headers: { host: HOST, origin: 'https://evil.example' }, payload: { email: 'manager@example.com', password: PASSWORD } });
    expect(response.statusCode).toBe(403);
    expect(response.cookies).toEqual([]);
  });

  it('sends the security headers on the API, errors, exports, the OpenAPI document and /api/docs', async () => {
    const answers = {
      api: await app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: `Bearer ${token}` } }),
      unauthenticated: await app.inject({ method: 'GET', url: '/api/v1/accounts' }),
      notFound: await app.inject({ method: 'GET', url: '/api/v1/nowhere', headers: { authorization: `Bearer ${token}` } }),
      export: await app.inject({ method: 'GET', url: '/api/v1/exports/accounts', headers: { authorization: `Bearer ${token}` } }),
      openapi: await app.inject({ method: 'GET', url: '/api/openapi.json' }),
      docs: await app.inject({ method: 'GET', url: '/api/docs' }),
    };
    for (const [name, response] of Object.entries(answers)) {
      expect(response.statusCode, name).toBeLessThan(500);
      expect(response.headers['x-content-type-options'], name).toBe('nosniff');
      expect(response.headers['referrer-policy'], name).toBe('same-origin');
      expect(response.headers['x-frame-options'], name).toBe('DENY');
      const csp = String(response.headers['content-security-policy']);
      expect(csp, name).toMatch(/frame-ancestors 'none'/);
      expect(csp, name).toMatch(/default-src 'self'/);
      expect(csp, name).not.toMatch(/unsafe-eval/);
    }
    expect(answers.export.statusCode).toBe(200);
    expect(answers.docs.statusCode).toBe(200);
    // Swagger UI adds <style> elements, so its pages alone allow inline styles; never inline scripts.
    expect(String(answers.docs.headers['content-security-policy'])).toMatch(/script-src 'self';/);
    expect(String(answers.api.headers['content-security-policy'])).toMatch(/style-src 'self';/);
  });
});

describe('rate limits', () => {
  let store: Store;
  let dispose: () => Promise<void>;
  afterAll(async () => { await dispose?.(); });

  it('answers 429 in the error shape past the limit per user, whichever address they use', async () => {
    ({ store, dispose } = await openTestStore('pglite'));
    const app = await buildApp({ store, logger: false, webRoot: false, rateLimits: { perAddress: 100, perUser: 3 } });
    const user = await createUser(store, { email: 'busy@example.com', name: 'Busy', role: 'manager', password: PASSWORD });
    const other = await createUser(store, { email: 'calm@example.com', name: 'Calm', role: 'manager', password: PASSWORD });
    const { token } = await createApiToken(store, user.id, 'busy');
    const { token: otherToken } = await createApiToken(store, other.id, 'calm');
    const as = (t: string, remoteAddress: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${t}` }, remoteAddress });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect((await as(token, address)).statusCode).toBe(200);
    const limited = await as(token, '10.0.0.4');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'too_many_requests' });
    expect(limited.json().error.message).toMatch(/by this user/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await as(otherToken, '10.0.0.4')).statusCode).toBe(200);
    await app.close();
  });

  it('answers 429 past the limit per address, signed in or not, and leaves other addresses alone', async () => {
    const app = await buildApp({ store, logger: false, webRoot: false, rateLimits: { perAddress: 4, perUser: 100 } });
    const call = (remoteAddress: string) => app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody@example.com', password: 'x' }, remoteAddress });
    for (let i = 0; i < 4; i++) expect((await call('10.1.0.1')).statusCode).toBe(401);
    const limited = await call('10.1.0.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/from this address/);
    expect((await call('10.1.0.2')).statusCode).toBe(401);
    await app.close();
  });
});
