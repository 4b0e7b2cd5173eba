// What a portfolio analysis reads besides the purchase histories: every account's profile,
// the status history, and, for the accounts found inactive, their last notes and last items.
import { sql } from 'kysely';
import type { AccountFact, NoteFact, OrderFact, StatusChangeFact } from '../../analytics/portfolio/types.js';
import type { AccountStatus, InteractionType } from '../../domain/customer-file.js';
import { cents } from '../../domain/money.js';
import type { Executor } from '../executor.js';

const ids = (accountIds: readonly number[]) => sql`any(${accountIds.map(Number)}::bigint[])`;

export function analysisFactsRepository(db: Executor) {
  return {
    /** Every account's profile, or those of the given accounts. */
    async accounts(accountIds?: readonly number[]): Promise<AccountFact[]> {
      let query = db.selectFrom('accounts')
        .select(['id', 'status', 'segment', 'sector', 'size', 'relationship_type', 'country', 'owner_id',
          'has_interest', 'has_financial_capacity', 'created_at'])
        .orderBy('id');
      if (accountIds) query = query.where('id', '=', sql<number>`${ids(accountIds)}`);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: Number(r.id), status: r.status, segment: r.segment, sector: r.sector, size: r.size,
        relationshipType: r.relationship_type, country: r.country, ownerId: r.owner_id === null ? null : Number(r.owner_id),
        hasInterest: r.has_interest, hasFinancialCapacity: r.has_financial_capacity, createdAt: r.created_at.toISOString(),
      }));
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

    /** The purchases of each account on its last purchase day, with what they held. */
    async lastPurchaseOrders(lastDays: ReadonlyMap<number, string>): Promise<OrderFact[]> {
      if (!lastDays.size) return [];
      const accountIds = [...lastDays.keys()];
      const { rows } = await sql<{ account_id: number; ordered_at: Date; total_cents: number; items: string[] | null }>`
        select o.account_id, o.ordered_at, o.total_cents,
               array(select coalesce(p.name, l.description, 'line ' || l.line_no) from order_lines l
                       left join products p on p.id = l.product_id where l.order_id = o.id order by l.line_no) as items
          from orders o
          join unnest(${accountIds}::bigint[], ${accountIds.map((id) => lastDays.get(id)!)}::date[]) as d(account_id, day)
            on o.account_id = d.account_id and (o.ordered_at at time zone 'UTC')::date = d.day
         where o.status in ('confirmed', 'shipped', 'invoiced') and o.account_id = ${ids(accountIds)}
         order by o.account_id, o.ordered_at, o.id`.execute(db);
      return rows.map((r) => ({
        accountId: Number(r.account_id), orderedAt: new Date(r.ordered_at).toISOString(), total: cents(Number(r.total_cents)), items: r.items ?? [],
      }));
    },
  };
}
