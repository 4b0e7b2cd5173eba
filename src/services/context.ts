import { type AccountScope, type Actor, accountScope, type RepVisibility } from '../domain/access.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import type { Store } from '../store/store.js';

/** What every use case needs: the store and who is acting. */
export interface Context {
  store: Store;
  actor: Actor;
}

export const REP_VISIBILITY_KEY = 'access.repVisibility';

export async function repVisibility(store: Store): Promise<RepVisibility> {
  return (await store.settings.get<RepVisibility>(REP_VISIBILITY_KEY)) ?? 'all';
}

export async function scopeOf(ctx: Context): Promise<AccountScope> {
  if (ctx.actor.role !== 'rep') return {};
  return accountScope(ctx.actor, await repVisibility(ctx.store));
}

/** Throws not_found unless the account exists and the actor may see it. */
export async function requireVisibleAccount(ctx: Context, accountId: number, field = 'accountId'): Promise<void> {
  if (!(await ctx.store.accounts.isVisible(accountId, await scopeOf(ctx)))) {
    const error = notFound('Account', accountId);
    throw new ClienteleError(error.code, error.message, field);
  }
}

export function requireRole(ctx: Context, allowed: (actor: Context['actor']) => boolean, what: string): void {
  if (!allowed(ctx.actor)) throw new ClienteleError('forbidden', `Your role (${ctx.actor.role}) may not ${what}.`);
}
