import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../executor.js';
import { count } from './merge-result.js';

/**
 * Runs an `insert into accounts … returning id, status` and, in the same statement, audits
 * each new account and records its first status; returns how many were created. `before` holds
 * any CTEs the insert reads from (ending with a comma), `insert` the insert itself.
 */
export function insertAccountsAudited(db: Executor, actorId: number | null, insert: RawBuilder<unknown>, before: RawBuilder<unknown> = sql``): Promise<number> {
  return count(db, sql<{ n: number }>`with ${before} created as (${insert}), audit as (
      insert into audit_log (user_id, action, entity, entity_id, changes)
      select ${actorId}, 'import_create', 'account', id::text, null from created
    ), statuses as (
      insert into account_status_changes (account_id, from_status, to_status, changed_by)
      select id, null, status, ${actorId} from created
    )
    select count(*)::int as n from created`);
}
