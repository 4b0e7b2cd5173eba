// The few fields duplicate detection compares, for every account or contact in scope, in one
// query each: the matching itself is pure code (domain/duplicates).
import type { AccountScope } from '../../domain/access.js';
import type { AccountCandidate, ContactCandidate } from '../../domain/duplicates/find-duplicates.js';
import type { Executor } from '../executor.js';

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
  };
}
