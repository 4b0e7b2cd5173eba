// Likely duplicates and their merging, for the API and the command line alike. Anyone may list
// the duplicates among the accounts they see; merging deletes a record, so only managers and
// admins may.
import { canMergeRecords } from '../domain/access.js';
import {
  type AccountCandidate, type ContactCandidate, DEFAULT_DUPLICATE_OPTIONS, DUPLICATE_KINDS, type DuplicateKind,
  type DuplicatePair, findAccountDuplicates, findContactDuplicates, type IgnoredValue,
} from '../domain/duplicates/find-duplicates.js';
import { ClienteleError } from '../domain/errors.js';
import type { DismissalBody, DuplicateQuery } from '../domain/schemas/duplicate.js';
import type { DismissedPair } from '../store/repositories/duplicates.js';
import type { AccountMerge, ContactMerge, MergedEntity } from '../store/repositories/merges.js';
import { type Context, requireRole, scopeOf } from './context.js';
import { notFoundOrMerged } from './merged-away.js';
import { invalidateViews } from './analysis/view-cache.js';

export interface DuplicateList {
  items: Array<DuplicatePair<AccountCandidate> | DuplicatePair<ContactCandidate>>;
  /**
   * Likely duplicate pairs per kind of record searched, before the limit. Pairs of accounts and
   * pairs of contacts are counted apart and never added: the CLI and the web app each show
   * these counts, so both read one number for the accounts (the web app lists one kind at a time).
   */
  pairs: Partial<Record<DuplicateKind, number>>;
  /** Pairs found but left out because someone declared them not duplicates. */
  dismissed: Partial<Record<DuplicateKind, number>>;
  ignored: Array<IgnoredValue & { kind: DuplicateKind }>;
}

export async function listDuplicates(ctx: Context, query: DuplicateQuery = {}): Promise<DuplicateList> {
  const scope = await scopeOf(ctx);
  const options = { minScore: query.minScore ?? DEFAULT_DUPLICATE_OPTIONS.minScore };
  const items: DuplicateList['items'] = [];
  const pairs: DuplicateList['pairs'] = {};
  const dismissed: DuplicateList['dismissed'] = {};
  const ignored: DuplicateList['ignored'] = [];
  for (const kind of query.kind ? [query.kind] : DUPLICATE_KINDS) {
    const found = kind === 'account'
      ? findAccountDuplicates(await ctx.store.duplicates.accountCandidates(scope), options)
      : findContactDuplicates(await ctx.store.duplicates.contactCandidates(scope), options);
    const decided = new Set((await ctx.store.duplicates.dismissedPairs(kind)).map((p) => `${p.a} ${p.b}`));
    const open = found.pairs.filter((p) => !decided.has(`${p.a.id} ${p.b.id}`));
    items.push(...open);
    pairs[kind] = open.length;
    dismissed[kind] = found.pairs.length - open.length;
    ignored.push(...found.ignored.map((value) => ({ kind, ...value })));
  }
  // Stable: within one score, accounts before contacts, then by id.
  items.sort((x, y) => y.score - x.score);
  return { items: items.slice(0, query.limit ?? 50), pairs, dismissed, ignored };
}

/**
 * Declares two records not a duplicate: the list leaves the pair out from now on, for everyone,
 * until the decision is taken back. Like merging, a decision for the whole team, so for
 * managers and admins.
 */
export async function dismissDuplicate(ctx: Context, { kind = 'account', a, b }: DismissalBody): Promise<DismissedPair> {
  requireRole(ctx, canMergeRecords, `mark ${kind}s as not duplicates; ask a manager`);
  if (a === b) throw new ClienteleError('bad_request', `${LABELS[kind]} ${a} is the same record twice; give the ids of two ${kind}s.`, 'b');
  return ctx.store.transaction(async (tx) => {
    const get = (id: number) => (kind === 'account' ? tx.accounts.get(id) : tx.contacts.get(id));
    if (!(await get(a))) throw await notFoundOrMerged({ ...ctx, store: tx }, kind, LABELS[kind], a, 'a');
    if (!(await get(b))) throw await notFoundOrMerged({ ...ctx, store: tx }, kind, LABELS[kind], b, 'b');
    return tx.duplicates.dismiss(kind, a, b, by(ctx));
  });
}

/** Takes a "not a duplicate" decision back: the pair is listed again if it still scores enough. */
export async function restoreDuplicate(ctx: Context, kind: DuplicateKind, a: number, b: number): Promise<void> {
  requireRole(ctx, canMergeRecords, `take back decisions about duplicates; ask a manager`);
  if (!(await ctx.store.duplicates.undismiss(kind, a, b))) {
    throw new ClienteleError('not_found', `${LABELS[kind]}s ${Math.min(a, b)} and ${Math.max(a, b)} were not marked as not duplicates.`);
  }
}

/** The pairs declared not duplicates, most recent first. */
export async function listDismissed(ctx: Context, kind: DuplicateKind = 'account'): Promise<DismissedPair[]> {
  requireRole(ctx, canMergeRecords, `see decisions about duplicates; ask a manager`);
  return ctx.store.duplicates.dismissedPairs(kind);
}

const LABELS: Record<MergedEntity, string> = { account: 'Account', contact: 'Contact' };

/** Checks who merges what, and that both records exist; returns them. */
async function checkMerge<T>(ctx: Context, entity: MergedEntity, keepId: number, dropId: number, get: (id: number) => Promise<T | undefined>) {
  requireRole(ctx, canMergeRecords, `merge ${entity}s; ask a manager`);
  if (keepId === dropId) throw new ClienteleError('bad_request', `${LABELS[entity]} ${keepId} cannot be merged into itself; give the id of its duplicate.`, 'from');
  const kept = await get(keepId);
  if (!kept) throw await notFoundOrMerged(ctx, entity, LABELS[entity], keepId, 'id');
  const merged = await get(dropId);
  if (!merged) throw await notFoundOrMerged(ctx, entity, LABELS[entity], dropId, 'from');
  return { kept, merged };
}

const gone = (entity: MergedEntity, keepId: number, dropId: number): never => {
  throw new ClienteleError('conflict', `${LABELS[entity]} ${keepId} or ${dropId} was deleted while merging; list the duplicates again.`);
};

const by = (ctx: Context) => ({ userId: ctx.actor.userId || null, at: new Date() });

/** Merges account `dropId` into `keepId`, which keeps its own values and gains everything of the other. */
export async function mergeAccounts(ctx: Context, keepId: number, dropId: number): Promise<AccountMerge> {
  const merged = await ctx.store.transaction(async (tx) => {
    await checkMerge({ ...ctx, store: tx }, 'account', keepId, dropId, (id) => tx.accounts.get(id));
    return (await tx.merges.mergeAccounts(keepId, dropId, by(ctx))) ?? gone('account', keepId, dropId);
  });
  // The dropped account leaves every analysis view at once.
  invalidateViews(ctx.store);
  return merged;
}

/** Merges contact `dropId` into `keepId`; both must belong to one account. */
export async function mergeContacts(ctx: Context, keepId: number, dropId: number): Promise<ContactMerge> {
  return ctx.store.transaction(async (tx) => {
    const { kept, merged } = await checkMerge({ ...ctx, store: tx }, 'contact', keepId, dropId, (id) => tx.contacts.get(id));
    // An interaction names a contact of its own account: merging across accounts would break that.
    if (kept.accountId !== merged.accountId) {
      throw new ClienteleError('conflict', `Contacts ${keepId} and ${dropId} belong to different accounts (${kept.accountId} and ${merged.accountId}); merge the accounts first, or move one contact to the other's account.`, 'from');
    }
    return (await tx.merges.mergeContacts(keepId, dropId, by(ctx))) ?? gone('contact', keepId, dropId);
  });
}
