// Sign-in, sessions for the web app and bearer tokens for scripts. Only hashes of the session
// ids and tokens are stored, so a copy of the database cannot be used to sign in.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/access.js';
import { ClienteleError } from '../domain/errors.js';
import type { Role } from '../domain/customer-file.js';
import type { Store } from '../store/store.js';
import { withoutHash } from '../store/repositories/users.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import { uniqueViolation } from './store-errors.js';

const SESSION_DAYS = 14;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export async function createUser(store: Store, input: { email: string; name: string; role: Role; password: string }, by: number | null = null) {
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
  if (password.length < 10) throw new ClienteleError('invalid', 'CLIENTELE_ADMIN_PASSWORD must have at least 10 characters.', 'CLIENTELE_ADMIN_PASSWORD');
  await createUser(store, { email, name: 'Administrator', role: 'admin', password });
  return 'created';
}

export async function signIn(store: Store, throttle: SignInThrottle, email: string, password: string, address: string) {
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
  const session = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86400_000);
  // Expired sessions sign no one in, but would pile up: each sign-in clears them away.
  await store.transaction(async (tx) => {
    await tx.sessions.deleteExpired(now);
    await tx.sessions.insert(sha256(session), user.id, expiresAt);
    await tx.audit.record({ userId: user.id, action: 'sign_in', entity: 'user', entityId: user.id });
  });
  return { session, expiresAt, user: withoutHash(user) };
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
