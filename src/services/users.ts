import { canManageUsers } from '../domain/access.js';
import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { User, UserCreate, UserName, UserPatch } from '../domain/schemas/user.js';
import { withoutHash } from '../store/repositories/users.js';
import { createApiToken, createUser, revokeCredentials } from './auth.js';
import { type Context, requireRole, scopeOf } from './context.js';
import { requireStrongPassword } from './password-policy.js';
import { hashPassword } from './passwords.js';

const nameOnly = (user: User): UserName => ({ id: user.id, name: user.name, active: user.active });

export const users = {
  async list(ctx: Context): Promise<(User | UserName)[]> {
    // Everyone may see who the users are (owners, assignees); only admins manage them. A rep
    // who sees only their own accounts learns the others' names alone, not emails or roles.
    const reduced = (await scopeOf(ctx)).ownerId !== undefined;
    return (await ctx.store.users.list()).map((user) => (reduced && user.id !== ctx.actor.userId ? nameOnly(user) : withoutHash(user)));
  },

  /** Every user in full: for the CLI, which acts as the system, and for those who manage users. */
  async listFull(ctx: Context): Promise<User[]> {
    requireRole(ctx, canManageUsers, 'read every user in full');
    return (await ctx.store.users.list()).map(withoutHash);
  },

  async me(ctx: Context): Promise<User> {
    const user = await ctx.store.users.get(ctx.actor.userId);
    if (!user) throw notFound('User', ctx.actor.userId);
    return withoutHash(user);
  },

  async get(ctx: Context, id: number): Promise<User | UserName> {
    const user = await ctx.store.users.get(id);
    if (!user) throw notFound('User', id);
    if (id !== ctx.actor.userId && (await scopeOf(ctx)).ownerId !== undefined) return nameOnly(user);
    return withoutHash(user);
  },

  async create(ctx: Context, input: UserCreate) {
    requireRole(ctx, canManageUsers, 'manage users');
    return createUser(ctx.store, input, ctx.actor.userId || null);
  },

  async update(ctx: Context, id: number, patch: UserPatch) {
    const self = ctx.actor.userId === id;
    const onlyPassword = Object.keys(patch).every((k) => k === 'password' || k === 'name' || k === 'language');
    if (!canManageUsers(ctx.actor) && !(self && onlyPassword)) {
      throw new ClienteleError('forbidden', `Your role (${ctx.actor.role}) may only change your own name, language and password.`);
    }
    if (self && (patch.active === false || (patch.role && patch.role !== 'admin' && ctx.actor.role === 'admin'))) {
      throw new ClienteleError('conflict', 'You cannot deactivate yourself or give up your own admin role; ask another admin.');
    }
    const current = await ctx.store.users.get(id);
    if (!current) throw notFound('User', id);
    if (patch.password) requireStrongPassword(patch.password, { email: current.email, name: patch.name ?? current.name });
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    return ctx.store.transaction(async (tx) => {
      const before = await tx.users.get(id);
      if (!before) throw notFound('User', id);
      const after = (await tx.users.update(id, { name: patch.name, role: patch.role, active: patch.active, language: patch.language, passwordHash }))!;
      const changes = changedFields(withoutHash(before), withoutHash(after), ['updatedAt']);
      if (passwordHash) changes.password = ['(hidden)', '(changed)'];
      // A new password or a deactivation ends everything issued before it: sessions and tokens.
      if (passwordHash || (before.active && !after.active)) {
        const revoked = await revokeCredentials(tx, id);
        if (revoked.sessions || revoked.tokens) changes.credentials = [`${revoked.sessions} sessions, ${revoked.tokens} tokens`, '(revoked)'];
      }
      await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'user', entityId: id, changes });
      return withoutHash(after);
    });
  },

  createToken: (ctx: Context, name: string) => createApiToken(ctx.store, ctx.actor.userId, name),

  listTokens: (ctx: Context) => ctx.store.apiTokens.listFor(ctx.actor.userId),

  async revokeToken(ctx: Context, id: number) {
    await ctx.store.transaction(async (tx) => {
      if (!(await tx.apiTokens.revoke(ctx.actor.userId, id))) throw notFound('API token', id);
      await tx.audit.record({ userId: ctx.actor.userId, action: 'revoke', entity: 'api_token', entityId: id });
    });
  },
};
