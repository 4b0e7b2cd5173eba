// Contacts, interactions and tasks all belong to an account: who may see them, how they are
// audited and how they are written is the same, so one set of use cases serves all three.
import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { AccountScope } from '../domain/access.js';
import type { Page } from '../store/keyset.js';
import type { Store } from '../store/store.js';
import { type Context, requireVisibleAccount, scopeOf } from './context.js';
import { uniqueViolation } from './store-errors.js';

interface RecordRepository<T, C, P, Q> {
  get(id: number, scope?: AccountScope): Promise<T | undefined>;
  list(query: Q, scope?: AccountScope): Promise<Page<T>>;
  insert(input: C): Promise<T>;
  update(id: number, patch: P, at?: Date): Promise<T | undefined>;
  delete(id: number): Promise<boolean>;
}

export interface AccountRecordKind<T extends { id: number; accountId: number }, C extends { accountId: number }, P extends { accountId?: number }, Q> {
  /** Singular, lower-case: the audit trail's entity name and the word in messages. */
  entity: string;
  label: string;
  repository: (store: Store) => RecordRepository<T, C, P, Q>;
  /** Fills defaults that depend on who acts, e.g. the author of an interaction. */
  defaults?: (ctx: Context, input: C) => C;
  /** Checks references other than the account (a contact of the same account, an active user); `current` is the record a patch changes. */
  check?: (ctx: Context, input: Partial<C> | P, accountId: number, current?: T) => Promise<void>;
  /** Runs inside the write's transaction, once per account touched. */
  afterWrite?: (tx: Store, accountId: number) => Promise<void>;
  unique?: Record<string, [field: string, message: string]>;
}

const IGNORED = ['id', 'createdAt', 'updatedAt'];

export function accountRecordService<T extends { id: number; accountId: number }, C extends { accountId: number }, P extends { accountId?: number }, Q>(
  kind: AccountRecordKind<T, C, P, Q>,
) {
  const audit = (tx: Store, ctx: Context, action: string, id: number, before: T | undefined, after: T | undefined) =>
    tx.audit.record({ userId: ctx.actor.userId, action, entity: kind.entity, entityId: id, changes: changedFields(before, after, IGNORED) });

  return {
    async get(ctx: Context, id: number): Promise<T> {
      const record = await kind.repository(ctx.store).get(id, await scopeOf(ctx));
      if (!record) throw notFound(kind.label, id);
      return record;
    },

    async list(ctx: Context, query: Q & { accountId?: number }): Promise<Page<T>> {
      return kind.repository(ctx.store).list(query, await scopeOf(ctx));
    },

    async create(ctx: Context, raw: C): Promise<T> {
      const input = kind.defaults ? kind.defaults(ctx, raw) : raw;
      await requireVisibleAccount(ctx, input.accountId);
      await kind.check?.(ctx, input, input.accountId);
      return uniqueViolation(() => ctx.store.transaction(async (tx) => {
        const record = await kind.repository(tx).insert(input);
        await kind.afterWrite?.(tx, record.accountId);
        await audit(tx, ctx, 'create', record.id, undefined, record);
        return record;
      }), kind.unique ?? {});
    },

    async update(ctx: Context, id: number, patch: P): Promise<T> {
      const scope = await scopeOf(ctx);
      const current = await kind.repository(ctx.store).get(id, scope);
      if (!current) throw notFound(kind.label, id);
      if (patch.accountId !== undefined && patch.accountId !== current.accountId) await requireVisibleAccount(ctx, patch.accountId);
      await kind.check?.(ctx, patch, patch.accountId ?? current.accountId, current);
      return uniqueViolation(() => ctx.store.transaction(async (tx) => {
        const repo = kind.repository(tx);
        const before = await repo.get(id, scope);
        if (!before) throw notFound(kind.label, id);
        const after = (await repo.update(id, patch, new Date()))!;
        await kind.afterWrite?.(tx, after.accountId);
        if (after.accountId !== before.accountId) await kind.afterWrite?.(tx, before.accountId);
        await audit(tx, ctx, 'update', id, before, after);
        return after;
      }), kind.unique ?? {});
    },

    async remove(ctx: Context, id: number): Promise<void> {
      const scope = await scopeOf(ctx);
      await ctx.store.transaction(async (tx) => {
        const repo = kind.repository(tx);
        const before = await repo.get(id, scope);
        if (!before) throw notFound(kind.label, id);
        await repo.delete(id);
        await kind.afterWrite?.(tx, before.accountId);
        await audit(tx, ctx, 'delete', id, before, undefined);
      });
    },
  };
}

/** A referenced user must exist and be active. */
export async function requireActiveUser(ctx: Context, userId: number | null | undefined, field: string): Promise<void> {
  if (userId === null || userId === undefined) return;
  const user = await ctx.store.users.get(userId);
  if (!user || !user.active) throw new ClienteleError('invalid', `User ${userId} does not exist or is inactive.`, field);
}
