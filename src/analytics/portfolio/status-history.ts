// An account's lifecycle status on a past day, read back from its recorded status changes.
import type { AccountStatus } from '../../domain/customer-file.js';
import { utcDay } from './calendar.js';
import type { AccountFact, StatusChangeFact } from '../../domain/portfolio/facts.js';

/**
 * The status at the end of `day`: set by the last change on or before it; before the first
 * change, the status that change started from, or the one the record was created with when
 * that change is its creation (an account imported today as a customer with orders from 1997
 * was a customer then); with no change at all, today's status. Null before the account began.
 */
export function statusOn(account: AccountFact, changes: readonly StatusChangeFact[], day: string): AccountStatus | null {
  if (utcDay(account.since) > day) return null;
  const sorted = [...changes].sort((a, b) => (a.changedAt < b.changedAt ? -1 : a.changedAt > b.changedAt ? 1 : 0));
  let status: AccountStatus | null | undefined;
  for (const change of sorted) {
    if (utcDay(change.changedAt) <= day) status = change.toStatus;
    else return status === undefined ? change.fromStatus ?? change.toStatus : status;
  }
  return status === undefined ? account.status : status;
}
