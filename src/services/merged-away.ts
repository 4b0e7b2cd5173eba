import { ClienteleError, notFound } from '../domain/errors.js';
import type { MergedEntity } from '../store/repositories/merges.js';
import { type Context, scopeOf } from './context.js';

/**
 * Not found, saying where the record went if it was merged into one the actor may see; a rep
 * limited to their portfolio learns nothing of another rep's records.
 */
export async function notFoundOrMerged(ctx: Context, entity: MergedEntity, label: string, id: number, field?: string): Promise<ClienteleError> {
  const into = await ctx.store.merges.mergedInto(entity, id);
  let visible = false;
  if (into !== undefined) {
    const scope = await scopeOf(ctx);
    visible = entity === 'account' ? await ctx.store.accounts.isVisible(into, scope) : !!(await ctx.store.contacts.get(into, scope));
  }
  const message = visible ? `${label} ${id} was merged into ${entity} ${into}.` : notFound(label, id).message;
  return new ClienteleError('not_found', message, field);
}
