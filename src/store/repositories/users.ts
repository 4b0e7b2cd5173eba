import type { Selectable } from 'kysely';
import type { Language } from '../../domain/i18n/languages.js';
import type { Role } from '../../domain/customer-file.js';
import type { User } from '../../domain/schemas/user.js';
import type { UsersTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';

export type UserWithHash = User & { passwordHash: string };

const toUser = (row: Selectable<UsersTable>): UserWithHash => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
  active: row.active,
  language: row.language ?? null,
  passwordHash: row.password_hash,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

export const withoutHash = ({ passwordHash: _, ...user }: UserWithHash): User => user;

export function usersRepository(db: Executor) {
  return {
    async get(id: number) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    async getByEmail(email: string) {
      const row = await db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
      return row && toUser(row);
    },
    async list() {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(toUser);
    },
    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insert(user: { email: string; name: string; role: Role; passwordHash: string }) {
      const row = await db.insertInto('users')
        .values({ email: user.email, name: user.name, role: user.role, password_hash: user.passwordHash })
        .returningAll().executeTakeFirstOrThrow();
      return toUser(row);
    },
    async update(id: number, patch: { name?: string; role?: Role; active?: boolean; language?: Language | null; passwordHash?: string }) {
      const row = await db.updateTable('users').set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.active !== undefined && { active: patch.active }),
        ...(patch.language !== undefined && { language: patch.language }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        updated_at: new Date(),
      }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toUser(row);
    },
  };
}

export function sessionsRepository(db: Executor) {
  return {
    async insert(tokenHash: string, userId: number, expiresAt: Date) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
    },
    async userIdFor(tokenHash: string, now: Date): Promise<number | undefined> {
      const row = await db.selectFrom('sessions').select('user_id').where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      return row?.user_id;
    },
    async delete(tokenHash: string) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async deleteExpired(now: Date) {
      await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    },
    /** Ends every session of the user; returns how many there were. */
    async deleteAllFor(userId: number): Promise<number> {
      const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export function apiTokensRepository(db: Executor) {
  const toToken = (row: Selectable<import('../schema.js').ApiTokensTable>) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdAt: isoRequired(row.created_at),
    lastUsedAt: row.last_used_at ? isoRequired(row.last_used_at) : null,
  });
  return {
    async insert(userId: number, name: string, tokenHash: string, prefix: string) {
      const row = await db.insertInto('api_tokens').values({ user_id: userId, name, token_hash: tokenHash, prefix }).returningAll().executeTakeFirstOrThrow();
      return toToken(row);
    },
    async listFor(userId: number) {
      const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).where('revoked_at', 'is', null).orderBy('id').execute();
      return rows.map(toToken);
    },
    /**
     * The token's user. A read: the use is recorded only when the last record is older than
     * `recordEvery` ms, so a busy script writes at most once per interval.
     */
    async userIdFor(tokenHash: string, now: Date, recordEvery = 60_000): Promise<number | undefined> {
      const row = await db.selectFrom('api_tokens').select(['id', 'user_id', 'last_used_at'])
        .where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst();
      if (!row) return undefined;
      const stale = new Date(now.getTime() - recordEvery);
      if (!row.last_used_at || row.last_used_at <= stale) {
        await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id)
          .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<=', stale)])).execute();
      }
      return row.user_id;
    },
    /** Revokes every live token of the user; returns how many there were. */
    async revokeAllFor(userId: number, now: Date): Promise<number> {
      const result = await db.updateTable('api_tokens').set({ revoked_at: now })
        .where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async revoke(userId: number, id: number): Promise<boolean> {
      const result = await db.updateTable('api_tokens').set({ revoked_at: new Date() })
        .where('id', '=', id).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
