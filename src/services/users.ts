import { canManageUsers } from '../domain/access.js';
import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { UserCreate, UserPatch } from '../domain/schemas/user.js';
import { withoutHash } from '../store/repositories/users.js';
import { createApiToken, createUser } from './auth.js';
import { type Context, requireRole } from './context.js';
import { hashPassword } from './passwords.js';

export const users = {
  async list(ctx: Context) {
    // Everyone may see who the users are (owners, assignees); only admins manage them.
    return (await ctx.store.users.list()).map(withoutHash);
  },

  async get(ctx: Context, id: number) {
    const user = await ctx.store.users.get(id);
    if (!user) throw notFound('User', id);
    return withoutHash(user);
  },

  async create(ctx: Context, input: UserCreate) {
    requireRole(ctx, canManageUsers, 'manage users');
    return createUser(ctx.store, input, ctx.actor.userId || null);
  },

  async update(ctx: Context, id: number, patch: UserPatch) {
    const self = ctx.actor.userId === id;
    const onlyPassword = Object.keys(patch).every((k) => k === 'password' || k === 'name');
    if (!canManageUsers(ctx.actor) && !(self && onlyPassword)) {
      throw new ClienteleError('forbidden', `Your role (${ctx.actor.role}) may only change your own name and password.`);
    }
    if (self && (patch.active === false || (patch.role && patch.role !== 'admin' && ctx.actor.role === 'admin'))) {
      throw new ClienteleError('conflict', 'You cannot deactivate yourself or give up your own admin role; ask another admin.');
    }
    const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
    return ctx.store.transaction(async (tx) => {
      const before = await tx.users.get(id);
      if (!before) throw notFound('User', id);
      const after = (await tx.users.update(id, { name: patch.name, role: patch.role, active: patch.active, passwordHash }))!;
      const changes = changedFields(withoutHash(before), withoutHash(after), ['updatedAt']);
      if (passwordHash) changes.password = ['(hidden)', '(changed)'];
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
