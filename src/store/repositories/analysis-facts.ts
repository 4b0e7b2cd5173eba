// What a portfolio analysis reads besides the purchase histories: every account's profile,
// the status history, and, for the accounts found inactive, their last notes and last items.
import { sql } from 'kysely';
import type { AccountFact, NoteFact, OrderFact, PurchaseHistory, StatusChangeFact } from '../../domain/portfolio/facts.js';
import type { AccountStatus, InteractionType } from '../../domain/customer-file.js';
import { cents } from '../../domain/money.js';
import { accountSinceSql } from '../account-since-sql.js';
import type { Executor } from '../executor.js';
import { toHistory } from './purchase-histories.js';

const ids = (accountIds: readonly number[]) => sql`any(${accountIds.map(Number)}::bigint[])`;

const ACCOUNT_COLUMNS = ['id', 'status', 'segment', 'sector', 'size', 'relationship_type', 'country', 'owner_id',
  'has_interest', 'has_financial_capacity'] as const;
/** The account's columns and when it began, from accounts `a` left-joined to account_purchases `p`. */
const accountColumns = sql.join([...ACCOUNT_COLUMNS.map((c) => sql.ref(`a.${c}`)), sql`${accountSinceSql} as since`]);

interface AccountRow {
  id: number; status: AccountStatus; segment: string | null; sector: string | null; size: AccountFact['size'];
  relationship_type: AccountFact['relationshipType']; country: string | null; owner_id: number | null;
  has_interest: boolean; has_financial_capacity: boolean; since: Date;
}

/** Every column of a row that an outer join may leave empty. */
type Nullable<T> = { [K in keyof T]: T[K] | null };

/** The run an order's account is placed in again: its id, day and creation. */
export interface LatestRun { id: number; asOf: string; createdAt: string }

const toAccountFact = (r: AccountRow): AccountFact => ({
  id: Number(r.id), status: r.status, segment: r.segment, sector: r.sector, size: r.size,
  relationshipType: r.relationship_type, country: r.country, ownerId: r.owner_id === null ? null : Number(r.owner_id),
  hasInterest: r.has_interest, hasFinancialCapacity: r.has_financial_capacity, since: new Date(r.since).toISOString(),
});

export function analysisFactsRepository(db: Executor) {
  return {
    /** Every account's profile, or those of the given accounts. */
    async accounts(accountIds?: readonly number[]): Promise<AccountFact[]> {
      const { rows } = await sql<AccountRow>`
        select ${accountColumns} from accounts a left join account_purchases p on p.account_id = a.id
         ${accountIds ? sql`where a.id = ${ids(accountIds)}` : sql``} order by a.id`.execute(db);
      return rows.map(toAccountFact);
    },

    /**
     * What placing accounts again after an order needs, in one round trip rather than three: the
     * latest run (none before the first), and the accounts' profiles and purchase days. Each
     * extra query was one more chance of a slow wake-up on a busy server, and the tail of the
     * order's latency was the sum of them.
     */
    async reclassification(accountIds: readonly number[]): Promise<{ run?: LatestRun; accounts: AccountFact[]; histories: PurchaseHistory[] }> {
      // From the run outwards, so the run comes back even when none of the accounts exists.
      const { rows } = await sql<Nullable<AccountRow> & { run_id: number; as_of: string; run_created_at: Date; days: string[] | null; day_orders: number[] | null; day_revenue_cents: (number | string)[] | null }>`
        select r.id as run_id, r.as_of, r.created_at as run_created_at,
               ${accountColumns}, p.days::text[] as days, p.day_orders, p.day_revenue_cents
          from (select id, as_of, created_at from analysis_runs order by id desc limit 1) r
          left join accounts a on a.id = ${ids(accountIds)}
          left join account_purchases p on p.account_id = a.id
         order by a.id`.execute(db);
      const first = rows[0];
      const found = rows.filter((r): r is typeof r & AccountRow => r.id !== null);
      return {
        run: first && { id: Number(first.run_id), asOf: first.as_of, createdAt: first.run_created_at.toISOString() },
        accounts: found.map(toAccountFact),
        histories: found.flatMap((r) => (r.days ? [toHistory({ account_id: r.id, days: r.days, day_orders: r.day_orders!, day_revenue_cents: r.day_revenue_cents! })] : [])),
      };
    },

    async statusChanges(asOfEnd: Date): Promise<StatusChangeFact[]> {
      const rows = await db.selectFrom('account_status_changes')
        .select(['account_id', 'from_status', 'to_status', 'changed_at'])
        .where('changed_at', '<', asOfEnd).orderBy('id').execute();
      return rows.map((r) => ({
        accountId: Number(r.account_id), fromStatus: r.from_status as AccountStatus | null,
        toStatus: r.to_status as AccountStatus, changedAt: r.changed_at.toISOString(),
      }));
    },

    /** The latest `perAccount` interactions of each account before the end of the as-of day. */
    async recentNotes(accountIds: readonly number[], asOfEnd: Date, perAccount: number): Promise<NoteFact[]> {
      if (!accountIds.length) return [];
      const { rows } = await sql<{ account_id: number; type: InteractionType; subject: string; occurred_at: Date }>`
        select n.account_id, n.type, n.subject, n.occurred_at
          from unnest(${accountIds.map(Number)}::bigint[]) as a(id)
          cross join lateral (select account_id, type, subject, occurred_at from interactions
                               where account_id = a.id and occurred_at < ${asOfEnd}
                               order by occurred_at desc, id desc limit ${perAccount}) n`.execute(db);
      return rows.map((r) => ({ accountId: Number(r.account_id), type: r.type, subject: r.subject, occurredAt: new Date(r.occurred_at).toISOString() }));
    },

    /** The purchases of each account on its last purchase day, with what they held (a credit note is no purchase). */
    async lastPurchaseOrders(lastDays: ReadonlyMap<number, string>): Promise<OrderFact[]> {
      if (!lastDays.size) return [];
      const accountIds = [...lastDays.keys()];
      const { rows } = await sql<{ account_id: number; ordered_at: Date; total_cents: number; items: string[] | null }>`
        select o.account_id, o.ordered_at, o.base_total_cents as total_cents,
               array(select coalesce(p.name, l.description, 'line ' || l.line_no) from order_lines l
                       left join products p on p.id = l.product_id where l.order_id = o.id order by l.line_no) as items
          from orders o
          join unnest(${accountIds}::bigint[], ${accountIds.map((id) => lastDays.get(id)!)}::date[]) as d(account_id, day)
            on o.account_id = d.account_id and (o.ordered_at at time zone 'UTC')::date = d.day
         where o.status in ('confirmed', 'shipped', 'invoiced') and o.kind = 'order' and o.account_id = ${ids(accountIds)}
         order by o.account_id, o.ordered_at, o.id`.execute(db);
      return rows.map((r) => ({
        accountId: Number(r.account_id), orderedAt: new Date(r.ordered_at).toISOString(), total: cents(Number(r.total_cents)), items: r.items ?? [],
      }));
    },
  };
}
