import { baseCurrency } from './currency.js';
import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '../domain/schemas/account.js';
import type { TimelineEntry, TimelineQuery } from '../domain/schemas/timeline.js';
import { timelineWords } from '../domain/i18n/timeline-words.js';
import { translator } from '../domain/i18n/translator.js';
import { TIMELINE_KINDS, type TimelineKind } from '../domain/customer-file.js';
import type { Page } from '../store/keyset.js';
import { type Context, requireVisibleAccount, scopeOf } from './context.js';
import { notFoundOrMerged } from './merged-away.js';
import { uniqueViolation } from './store-errors.js';
import { invalidateViews } from './analysis/view-cache.js';

const AUDIT_IGNORED = ['updatedAt', 'createdAt', 'statusChangedAt', 'id'];

/** `current` is the owner the account has now: keeping it is no assignment. */
async function checkOwner(ctx: Context, ownerId: number | null | undefined, current?: number | null): Promise<void> {
  if (ownerId === undefined || ownerId === null || ownerId === current) return;
  // Assigning portfolios is a manager's call whatever reps may see.
  if (ctx.actor.role === 'rep' && ownerId !== ctx.actor.userId) {
    throw new ClienteleError('forbidden', 'You may only own accounts yourself; ask a manager to assign them to another rep.', 'ownerId');
  }
  const owner = await ctx.store.users.get(ownerId);
  if (!owner || !owner.active) throw new ClienteleError('invalid', `User ${ownerId} does not exist or is inactive.`, 'ownerId');
}

export async function getAccount(ctx: Context, id: number): Promise<Account> {
  const account = await ctx.store.accounts.get(id, await scopeOf(ctx));
  if (!account) throw await notFoundOrMerged(ctx, 'account', 'Account', id);
  await ctx.store.audit.record({ userId: ctx.actor.userId, action: 'view', entity: 'account', entityId: id });
  return account;
}

export async function listAccounts(ctx: Context, query: AccountListQuery): Promise<Page<Account>> {
  return ctx.store.accounts.list(query, await scopeOf(ctx));
}

export async function createAccount(ctx: Context, input: AccountCreate): Promise<Account> {
  const scope = await scopeOf(ctx);
  // A rep limited to their own portfolio would lose sight of an account owned by nobody.
  const withOwner = scope.ownerId !== undefined && input.ownerId === undefined ? { ...input, ownerId: scope.ownerId } : input;
  await checkOwner(ctx, withOwner.ownerId);
  return uniqueViolation(() => ctx.store.transaction(async (tx) => {
    const now = new Date();
    const account = await tx.accounts.insert(withOwner, now);
    await tx.accounts.recordStatusChange(account.id, null, account.status, ctx.actor.userId || null, now);
    await tx.accounts.refreshSearchText(account.id);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'create', entity: 'account', entityId: account.id, changes: changedFields(undefined, account, AUDIT_IGNORED) });
    return account;
  }), { external_id: ['externalId', 'Another account already has this external id.'] });
}

export async function updateAccount(ctx: Context, id: number, patch: AccountPatch): Promise<Account> {
  const scope = await scopeOf(ctx);
  const updated = await uniqueViolation(() => ctx.store.transaction(async (tx) => {
    const before = await tx.accounts.get(id, scope);
    if (!before) throw notFound('Account', id);
    await checkOwner({ ...ctx, store: tx }, patch.ownerId, before.ownerId);
    const now = new Date();
    const after = (await tx.accounts.update(id, patch, now))!;
    if (after.status !== before.status) {
      await tx.accounts.recordStatusChange(id, before.status, after.status, ctx.actor.userId || null, now);
    }
    await tx.accounts.refreshSearchText(id);
    const changes = changedFields(before, after, AUDIT_IGNORED);
    if (Object.keys(changes).length) await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'account', entityId: id, changes });
    return after;
  }), { external_id: ['externalId', 'Another account already has this external id.'] });
  // The analysis views count accounts by owner, segment, country and the like as they are now:
  // a rep given an account sees it in their figures at once, not when the cached ones expire.
  invalidateViews(ctx.store);
  return updated;
}

export async function deleteAccount(ctx: Context, id: number): Promise<void> {
  if (ctx.actor.role === 'rep') throw new ClienteleError('forbidden', 'Your role (rep) may not delete accounts; ask a manager.');
  await ctx.store.transaction(async (tx) => {
    const before = await tx.accounts.get(id);
    if (!before) throw notFound('Account', id);
    const orders = await tx.accounts.countOrders(id);
    if (orders > 0) {
      throw new ClienteleError('conflict', `Account ${id} has ${orders} orders; an account with purchase history is kept. Set its status to ex_customer instead, or merge it into another account.`);
    }
    await tx.accounts.delete(id);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'delete', entity: 'account', entityId: id, changes: changedFields(before, undefined, AUDIT_IGNORED) });
  });
  invalidateViews(ctx.store);
}

export async function accountTimeline(ctx: Context, id: number, query: TimelineQuery) {
  await requireVisibleAccount(ctx, id, 'id');
  const kinds = query.kinds?.split(',').map((k) => k.trim()).filter(Boolean) ?? [];
  for (const kind of kinds) {
    if (!(TIMELINE_KINDS as readonly string[]).includes(kind)) {
      throw new ClienteleError('bad_request', `Unknown timeline kind "${kind}"; use ${TIMELINE_KINDS.join(', ')}.`, 'kinds');
    }
  }
  // The API's titles are English words; `facts` lets each reader word them in its own language.
  const currency = await baseCurrency(ctx.store);
  const page = await ctx.store.timeline.page(id, { limit: query.limit ?? 50, cursor: query.cursor, kinds: kinds as TimelineKind[], currency });
  const english = translator('en');
  return {
    ...page,
    items: page.items.map((entry): TimelineEntry => ({
      ...entry, ...timelineWords(entry, english, (total) => `${total} ${entry.amount?.currency ?? currency}`),
    })),
  };
}
