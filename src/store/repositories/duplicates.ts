// The few fields duplicate detection compares, for every account or contact in scope, in one
// query each: the matching itself is pure code (domain/duplicates).
import type { AccountScope } from '../../domain/access.js';
import type { AccountCandidate, ContactCandidate } from '../../domain/duplicates/find-duplicates.js';
import { type Executor, isoRequired } from '../executor.js';

export type DuplicateEntity = 'account' | 'contact';

/** A pair declared "not a duplicate", smaller id first. */
export interface DismissedPair {
  kind: DuplicateEntity;
  a: number;
  b: number;
  dismissedAt: string;
  dismissedBy: number | null;
}

const toPair = (row: { entity: DuplicateEntity; low_id: number; high_id: number; dismissed_at: Date; dismissed_by: number | null }): DismissedPair => ({
  kind: row.entity, a: Number(row.low_id), b: Number(row.high_id), dismissedAt: isoRequired(row.dismissed_at),
  dismissedBy: row.dismissed_by === null ? null : Number(row.dismissed_by),
});

const ordered = (x: number, y: number) => (x < y ? [x, y] as const : [y, x] as const);

export function duplicatesRepository(db: Executor) {
  return {
    async accountCandidates(scope: AccountScope = {}): Promise<AccountCandidate[]> {
      let q = db.selectFrom('accounts').select(['id', 'name', 'email', 'phone', 'website', 'city', 'country']);
      if (scope.ownerId !== undefined) q = q.where('owner_id', '=', scope.ownerId);
      return q.orderBy('id').execute();
    },

    async contactCandidates(scope: AccountScope = {}): Promise<ContactCandidate[]> {
      let q = db.selectFrom('contacts as c').innerJoin('accounts as a', 'a.id', 'c.account_id')
        .select(['c.id', 'c.account_id as accountId', 'c.first_name as firstName', 'c.last_name as lastName', 'c.email', 'c.phone', 'a.country']);
      if (scope.ownerId !== undefined) q = q.where('a.owner_id', '=', scope.ownerId);
      return q.orderBy('c.id').execute();
    },

    /** Declares a pair not a duplicate; declaring it again keeps the first decision. */
    async dismiss(kind: DuplicateEntity, x: number, y: number, by: { userId: number | null; at: Date }): Promise<DismissedPair> {
      const [a, b] = ordered(x, y);
      await db.insertInto('dismissed_duplicates').values({ entity: kind, low_id: a, high_id: b, dismissed_at: by.at, dismissed_by: by.userId })
        .onConflict((oc) => oc.doNothing()).execute();
      return (await this.dismissedPair(kind, a, b))!;
    },

    async dismissedPair(kind: DuplicateEntity, x: number, y: number): Promise<DismissedPair | undefined> {
      const [a, b] = ordered(x, y);
      const row = await db.selectFrom('dismissed_duplicates').selectAll()
        .where('entity', '=', kind).where('low_id', '=', a).where('high_id', '=', b).executeTakeFirst();
      return row && toPair(row);
    },

    /** Takes a decision back; false when the pair was not dismissed. */
    async undismiss(kind: DuplicateEntity, x: number, y: number): Promise<boolean> {
      const [a, b] = ordered(x, y);
      const result = await db.deleteFrom('dismissed_duplicates')
        .where('entity', '=', kind).where('low_id', '=', a).where('high_id', '=', b).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Every dismissed pair of a kind, most recent first. */
    async dismissedPairs(kind: DuplicateEntity): Promise<DismissedPair[]> {
      const rows = await db.selectFrom('dismissed_duplicates').selectAll().where('entity', '=', kind)
        .orderBy('dismissed_at', 'desc').orderBy('low_id').orderBy('high_id').execute();
      return rows.map(toPair);
    },
  };
}
