// Sign-in, sessions for the web app and bearer tokens for scripts. Only hashes of the session
// ids and tokens are stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/access.js';
import { ClienteleError } from '../domain/errors.js';
import type { Role } from '../domain/customer-file.js';
import type { Store } from '../store/store.js';
import { withoutHash } from '../store/repositories/users.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { uniqueViolation } from './store-errors.js';

const SESSION_DAYS = 14;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createUser(store: Store, input: { email: string; name: string; role: Role; password: string }, by: number | null = null) {
  requireStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return uniqueViolation(() => store.transaction(async (tx) => {
    const user = await tx.users.insert({ email: input.email, name: input.name, role: input.role, passwordHash });
    await tx.audit.record({ userId: by, action: 'create', entity: 'user', entityId: user.id, changes: { email: [null, user.email], role: [null, user.role] } });
    return withoutHash(user);
  }), { email: ['email', 'A user with this email already exists.'] });
}

/** Creates the first admin from the environment when the store has no user yet. */
export async function ensureFirstAdmin(store: Store, email?: string, password?: string): Promise<'created' | 'exists' | 'missing'> {
  if ((await store.users.count()) > 0) return 'exists';
  if (!email || !password) return 'missing';
  requireStrongPassword(password, { email }, 'CLIENTELE_ADMIN_PASSWORD');
  await createUser(store, { email, name: 'Administrator', role: 'admin', password });
  return 'created';
}

/**
 * Checks the password and starts a new session. A session the browser already held is ended
 * (the id changes at every sign-in), so an id planted before sign-in never becomes signed in.
 */
export async function signIn(store: Store, throttle: SignInThrottle, email: string, password: string, address: string, previousSession?: string) {
  const decision = throttle.check(email, address);
  if (!decision.allowed) {
    throw new ClienteleError('too_many_requests', `Too many failed sign-ins; try again in ${decision.retryAfterSeconds} s.`, undefined, { retryAfterSeconds: decision.retryAfterSeconds });
  }
  const user = await store.users.getByEmail(email);
  // Hash anyway when the user is unknown so the answer takes as long either way.
  const ok = user ? await verifyPassword(password, user.passwordHash) : await hashPassword(password).then(() => false);
  if (!user || !ok || !user.active) {
    throttle.fail(email, address);
    await store.audit.record({ userId: user?.id ?? null, action: 'sign_in_failed', entity: 'user', entityId: user?.id ?? email });
    throw new ClienteleError('unauthenticated', 'Wrong email or password.');
  }
  throttle.succeed(email, address);
  // The old session's end, the new one and the audit entry commit together or not at all.
  const { session, expiresAt } = await store.transaction(async (tx) => {
    if (previousSession) await tx.sessions.delete(sha256(previousSession));
    const started = await startSession(tx, user.id);
    await tx.audit.record({ userId: user.id, action: 'sign_in', entity: 'user', entityId: user.id });
    return started;
  });
  return { session, expiresAt, user: withoutHash(user) };
}

/** A new session for the user: the cookie's value (shown once) and when it expires. */
export async function startSession(store: Store, userId: number) {
  const session = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000);
  // Expired sessions sign no one in, but would pile up: each new session clears them away.
  await store.sessions.deleteExpired(now);
  await store.sessions.insert(sha256(session), userId, expiresAt);
  return { session, expiresAt };
}

/**
 * Ends every session and revokes every API token of the user: after a password change or a
 * deactivation, nothing issued before it signs anyone in (reactivating brings none back).
 */
export async function revokeCredentials(store: Store, userId: number) {
  const sessions = await store.sessions.deleteAllFor(userId);
  const tokens = await store.apiTokens.revokeAllFor(userId, new Date());
  return { sessions, tokens };
}

/**
 * The anti-CSRF token of a session: derived from the session's secret, so only a page that
 * was handed it by the API (never another site) can send it back. Nothing more is stored.
 */
export function csrfTokenFor(session: string): string {
  return createHash('sha256').update(`clientele-csrf:${session}`).digest('base64url');
}

export async function signOut(store: Store, session: string) {
  await store.sessions.delete(sha256(session));
}

async function actorFor(store: Store, userId: number | undefined): Promise<Actor | undefined> {
  if (!userId) return undefined;
  const user = await store.users.get(userId);
  return user && user.active ? { userId: user.id, role: user.role } : undefined;
}

export async function actorFromSession(store: Store, session: string): Promise<Actor | undefined> {
  return actorFor(store, await store.sessions.userIdFor(sha256(session), new Date()));
}

export const TOKEN_PREFIX = 'clt_';

export async function actorFromToken(store: Store, token: string): Promise<Actor | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  return actorFor(store, await store.apiTokens.userIdFor(sha256(token), new Date()));
}

export async function createApiToken(store: Store, userId: number, name: string) {
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const record = await store.transaction(async (tx) => {
    const inserted = await tx.apiTokens.insert(userId, name, sha256(token), token.slice(0, 10));
    await tx.audit.record({ userId, action: 'create', entity: 'api_token', entityId: inserted.id, changes: { name: [null, name] } });
    return inserted;
  });
  return { token, record };
}
