import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { SESSION_COOKIE } from '../../src/api/routes/auth.js';
import { createApiToken, createUser, csrfTokenFor } from '../../src/services/auth.js';
import { SignInThrottle } from '../../src/services/sign-in-throttle.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

const PASSWORD = 'correct horse battery';

describe.each(ENGINES)('sign-in, sessions and API tokens on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let app: App;
  let adminToken: string;
  // The throttle's clock stands still unless a test moves it, so no case depends on timing.
  let now = Date.parse('2030-01-01T00:00:00Z');
  let emails = 0;

  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    app = await buildApp({ store, logger: false, throttle: new SignInThrottle(() => now) });
    const admin = await createUser(store, { email: 'admin@example.com', name: 'Admin', role: 'admin', password: PASSWORD });
    adminToken = (await createApiToken(store, admin.id, 'tests')).token;
  });
  afterAll(async () => {
    await app?.close();
    await dispose?.();
  });

  const newUser = async (role: 'manager' | 'rep' = 'rep') => {
    const email = `person${++emails}@example.com`;
    return { ...(await createUser(store, { email, name: `Person ${emails}`, role, password: PASSWORD })), email };
  };
  const signIn = (email: string, password: string, remoteAddress = '127.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress });
  const sessionOf = (response: Awaited<ReturnType<typeof signIn>>) => {
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error(`no session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
    return cookie;
  };
  /** A request as the web app sends it: the session cookie, and on changes its anti-CSRF token. */
  const withSession = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, session: string, payload?: object) =>
    app.inject({
      method, url, cookies: { [SESSION_COOKIE]: session },
      ...(method !== 'GET' && { headers: { 'x-csrf-token': csrfTokenFor(session) } }),
      ...(payload && { payload }),
    });
  const withToken = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload && { payload }) });

  it('sets an HTTP-only, SameSite session cookie that authenticates later requests', async () => {
    const user = await newUser();
    const response = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, email: user.email, role: 'rep' });
    expect(response.body).not.toContain('scrypt');
    const cookie = sessionOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(String(response.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now() + 86400_000);

    const me = await withSession('GET', '/api/v1/auth/me', cookie.value);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: user.id, email: user.email });
    expect((await withSession('GET', '/api/v1/accounts', cookie.value)).statusCode).toBe(200);
    // The database keeps a hash of the session, never the cookie's value.
    const sessions = await store.connection.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).not.toBe(cookie.value);
  });

  it('clears expired sessions away when someone signs in, and keeps the live ones', async () => {
    const user = await newUser();
    const live = sessionOf(await signIn(user.email, PASSWORD)).value;
    await store.sessions.insert('expired-session-hash', user.id, new Date(Date.now() - 1000));
    await signIn(user.email, PASSWORD);
    const hashes = (await store.connection.db.selectFrom('sessions').select('token_hash').where('user_id', '=', user.id).execute()).map((r) => r.token_hash);
    expect(hashes).not.toContain('expired-session-hash');
    expect(hashes).toHaveLength(2);
    expect((await withSession('GET', '/api/v1/auth/me', live)).statusCode).toBe(200);
  });

  it('ends the session on sign-out, so the old cookie no longer signs anyone in', async () => {
    const user = await newUser();
    const { value } = sessionOf(await signIn(user.email, PASSWORD));
    const out = await withSession('POST', '/api/v1/auth/sign-out', value);
    expect(out.statusCode).toBe(204);
    const cleared = sessionOf(out);
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());
    const me = await withSession('GET', '/api/v1/auth/me', value);
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });

  it('answers a wrong password and an unknown email with the same 401 and message', async () => {
    const user = await newUser();
    const wrongPassword = await signIn(user.email, 'not the password');
    const unknownEmail = await signIn('nobody@example.com', PASSWORD);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.json().error).toEqual({ code: 'unauthenticated', message: 'Wrong email or password.' });
    expect(wrongPassword.cookies).toEqual([]);
  });

  it('refuses the sixth attempt after five failures with 429 and Retry-After, even with the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, `wrong ${i}`)).statusCode).toBe(401);
    const blocked = await signIn(user.email, PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(blocked.cookies).toEqual([]);
    // Another address is not held back by someone else's guesses.
    expect((await signIn(user.email, PASSWORD, '10.1.2.3')).statusCode).toBe(200);
    now += Number(blocked.headers['retry-after']) * 1000;
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an inactive user at sign-in with the same message, and stops their sessions and tokens', async () => {
    const user = await newUser('manager');
    const { value: session } = sessionOf(await signIn(user.email, PASSWORD));
    const token = await tokenFor(session);
    expect((await withSession('GET', '/api/v1/auth/me', session)).statusCode).toBe(200);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(200);

    const deactivated = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { authorization: `Bearer ${adminToken}` }, payload: { active: false } });
    expect(deactivated.statusCode).toBe(200);
    const refused = await signIn(user.email, PASSWORD);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toBe('Wrong email or password.');
    expect((await withSession('GET', '/api/v1/auth/me', session)).statusCode).toBe(401);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(401);
  });

  /** Creates an API token while signed in with a session cookie, as the web app would. */
  async function tokenFor(session: string): Promise<string> {
    const created = await withSession('POST', '/api/v1/tokens', session, { name: 'from the web app' });
    expect(created.statusCode).toBe(201);
    return created.json().token;
  }

  it('creates an API token shown once, lists tokens without the secret, accepts it as Bearer and refuses it once revoked', async () => {
    const user = await newUser();
    const { value: session } = sessionOf(await signIn(user.email, PASSWORD));
    const created = await withSession('POST', '/api/v1/tokens', session, { name: 'nightly export' });
    expect(created.statusCode).toBe(201);
    const { token, record } = created.json();
    expect(token).toMatch(/^clt_[A-Za-z0-9_-]{20,}$/);
    expect(record).toMatchObject({ name: 'nightly export', prefix: token.slice(0, 10), lastUsedAt: null });

    const me = await withToken('GET', '/api/v1/auth/me', token);
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);

    const listed = await withToken('GET', '/api/v1/tokens', token);
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: record.id, name: 'nightly export', prefix: token.slice(0, 10) })]);
    expect(listed.json().items[0].lastUsedAt).not.toBeNull();
    expect(listed.body).not.toContain(token);
    const stored = await store.connection.db.selectFrom('api_tokens').select('token_hash').where('id', '=', record.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.slice(4));

    const revoked = await withToken('DELETE', `/api/v1/tokens/${record.id}`, token);
    expect(revoked.statusCode).toBe(204);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(401);
    expect((await withSession('GET', '/api/v1/tokens', session)).json().items).toEqual([]);
  });

  it('lets nobody revoke a token of another user, and refuses tokens it never issued', async () => {
    const owner = await newUser();
    const { token, record } = await createApiToken(store, owner.id, 'mine');
    const other = await createApiToken(store, (await newUser()).id, 'theirs');
    const attempt = await withToken('DELETE', `/api/v1/tokens/${record.id}`, other.token);
    expect(attempt.statusCode).toBe(404);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(200);
    expect((await withToken('GET', '/api/v1/auth/me', `${token}x`)).statusCode).toBe(401);
    expect((await withToken('GET', '/api/v1/auth/me', 'clt_made-up-token-value')).statusCode).toBe(401);
    expect((await withToken('GET', '/api/v1/auth/me', 'not-even-a-token')).statusCode).toBe(401);
  });

  it('ends the session the browser held before signing in, so a planted session id never becomes signed in', async () => {
    const user = await newUser();
    const first = sessionOf(await signIn(user.email, PASSWORD)).value;
    const second = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: user.email, password: PASSWORD }, cookies: { [SESSION_COOKIE]: first } });
    expect(second.statusCode).toBe(200);
    const fresh = sessionOf(second).value;
    expect(fresh).not.toBe(first);
    expect((await withSession('GET', '/api/v1/auth/me', first)).statusCode).toBe(401);
    expect((await withSession('GET', '/api/v1/auth/me', fresh)).statusCode).toBe(200);
  });

  it('ends every session and token on a password change, and gives the browser that changed it a new session', async () => {
    const user = await newUser();
    const here = sessionOf(await signIn(user.email, PASSWORD)).value;
    const elsewhere = sessionOf(await signIn(user.email, PASSWORD, '10.9.9.9')).value;
    const token = await tokenFor(here);
    const changed = await withSession('PATCH', `/api/v1/users/${user.id}`, here, { password: 'violet lantern harbour' });
    expect(changed.statusCode).toBe(200);
    const renewed = sessionOf(changed).value;
    expect(renewed).not.toBe(here);
    expect(changed.cookies.find((c) => c.name === 'clientele_csrf')?.value).toBe(csrfTokenFor(renewed));
    for (const old of [here, elsewhere]) expect((await withSession('GET', '/api/v1/auth/me', old)).statusCode).toBe(401);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(401);
    expect((await withSession('GET', '/api/v1/auth/me', renewed)).statusCode).toBe(200);
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(401);
    expect((await signIn(user.email, 'violet lantern harbour')).statusCode).toBe(200);

    // An admin setting someone's password ends all of theirs, and hands the admin no new session.
    const theirs = sessionOf(await signIn(user.email, 'violet lantern harbour')).value;
    const reset = await withToken('PATCH', `/api/v1/users/${user.id}`, adminToken, { password: 'copper meadow signal' });
    expect(reset.statusCode).toBe(200);
    expect(reset.cookies).toEqual([]);
    expect((await withSession('GET', '/api/v1/auth/me', theirs)).statusCode).toBe(401);
  });

  it('brings no old session or token back when a deactivated user is reactivated', async () => {
    const user = await newUser('manager');
    const session = sessionOf(await signIn(user.email, PASSWORD)).value;
    const token = await tokenFor(session);
    const patch = (active: boolean) => withToken('PATCH', `/api/v1/users/${user.id}`, adminToken, { active });
    expect((await patch(false)).statusCode).toBe(200);
    expect((await patch(true)).statusCode).toBe(200);
    expect((await withSession('GET', '/api/v1/auth/me', session)).statusCode).toBe(401);
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(401);
    expect((await withSession('GET', '/api/v1/tokens', sessionOf(await signIn(user.email, PASSWORD)).value)).json().items).toEqual([]);
  });

  it('refuses weak, leaked and personal passwords with 422 naming the field, and keeps the old one', async () => {
    const user = await newUser();
    const session = sessionOf(await signIn(user.email, PASSWORD)).value;
    for (const weak of [' '.repeat(10), 'password12', user.email, 'aaaaaaaaaaaa']) {
      const response = await withSession('PATCH', `/api/v1/users/${user.id}`, session, { password: weak });
      expect(response.statusCode, weak).toBe(422);
      expect(response.json().error).toMatchObject({ code: 'invalid', field: 'password' });
    }
    const created = await withToken('POST', '/api/v1/users', adminToken, { email: 'weak@example.com', name: 'Weak', role: 'rep', password: 'password12' });
    expect(created.statusCode).toBe(422);
    expect(created.json().error.message).toMatch(/leaked/);
    expect(await store.users.getByEmail('weak@example.com')).toBeUndefined();
    expect((await withSession('GET', '/api/v1/auth/me', session)).statusCode).toBe(200);
    expect((await signIn(user.email, PASSWORD)).statusCode).toBe(200);
  });

  it('throttles one address guessing at many emails, while another address still signs in', async () => {
    const user = await newUser();
    for (let i = 0; i < 20; i++) expect((await signIn(`stranger${i}@example.com`, 'guess guess guess', '10.66.0.1')).statusCode).toBe(401);
    const blocked = await signIn(user.email, PASSWORD, '10.66.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_requests');
    expect((await signIn(user.email, PASSWORD, '10.66.0.2')).statusCode).toBe(200);
  });

  it('records a token\'s use at most once a minute, so reads do not write', async () => {
    const user = await newUser();
    const { token, record } = await createApiToken(store, user.id, 'reader');
    const lastUsed = async () => (await store.connection.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', record.id).executeTakeFirstOrThrow()).last_used_at;
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(200);
    const first = await lastUsed();
    expect(first).not.toBeNull();
    for (let i = 0; i < 3; i++) expect((await withToken('GET', '/api/v1/accounts', token)).statusCode).toBe(200);
    expect(await lastUsed()).toEqual(first);
    // A use more than a minute after the recorded one is recorded again.
    await store.connection.db.updateTable('api_tokens').set({ last_used_at: new Date(first!.getTime() - 61_000) }).where('id', '=', record.id).execute();
    expect((await withToken('GET', '/api/v1/auth/me', token)).statusCode).toBe(200);
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime() - 61_000);
  });

  it('stores passwords only as salted scrypt hashes', async () => {
    const a = await newUser();
    const b = await newUser();
    const rows = await store.connection.db.selectFrom('users').select(['id', 'password_hash']).where('id', 'in', [a.id, b.id]).orderBy('id').execute();
    for (const row of rows) {
      expect(row.password_hash.startsWith('scrypt$')).toBe(true);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
    expect(rows[0]!.password_hash).not.toBe(rows[1]!.password_hash);
  });
});
