// Each account's purchase days, as the triggers on orders keep them (migration 0004). The
// analysis reads one row per account from here instead of every order.
import { sql } from 'kysely';
import { cents } from '../../domain/money.js';
import type { PurchaseDay, PurchaseHistory } from '../../domain/portfolio/facts.js';
import type { Executor } from '../executor.js';
import type { AccountScope } from '../../domain/access.js';
import { inAccountScope } from './scoped.js';

interface Row {
  account_id: number;
  days: string[];
  day_orders: number[];
  day_revenue_cents: (number | string)[];
}

export function toHistory(row: Row): PurchaseHistory {
  const days: PurchaseDay[] = row.days.map((day, i) => ({
    day,
    orders: Number(row.day_orders[i]),
    revenue: cents(Number(row.day_revenue_cents[i])),
  }));
  return { accountId: Number(row.account_id), days };
}

export interface StoredPurchaseSummary {
  accountId: number;
  orderCount: number;
  revenueCents: number;
  firstPurchase: string;
  lastPurchase: string;
  meanGapDays: number | null;
  medianGapDays: number | null;
}

export function purchaseHistoriesRepository(db: Executor) {
  const select = () => db.selectFrom('account_purchases')
    .select(['account_id', sql<string[]>`days::text[]`.as('days'), 'day_orders', 'day_revenue_cents']);

  return {
    async get(accountId: number): Promise<PurchaseHistory> {
      const row = await select().where('account_id', '=', accountId).executeTakeFirst();
      return row ? toHistory(row) : { accountId, days: [] };
    },

    /** Every account's history with at least one purchase, or those of the given accounts; only accounts in scope. */
    async list(accountIds?: readonly number[], scope: AccountScope = {}): Promise<PurchaseHistory[]> {
      if (accountIds && accountIds.length === 0) return [];
      let query = select().orderBy('account_id');
      if (accountIds) query = query.where('account_id', '=', sql<number>`any(${accountIds.map(Number)}::bigint[])`);
      const inScope = inAccountScope('account_purchases', scope);
      if (inScope) query = query.where(inScope);
      return (await query.execute()).map(toHistory);
    },

    /**
     * Changes whenever any account's purchases change, for caches of what is computed from them.
     * The sums catch a write whose transaction started before the newest stamp but committed
     * after it (a long import), which the stamp alone would miss.
     */
    async version(): Promise<string> {
      const { rows } = await sql<{ n: number; orders: string; cents: string; days: string; at: Date | string | null }>`
        select count(*)::int as n, coalesce(sum(order_count), 0)::text as orders, coalesce(sum(revenue_cents), 0)::text as cents,
               coalesce(sum(cardinality(days)), 0)::text as days, max(updated_at) as at
          from account_purchases`.execute(db);
      const row = rows[0]!;
      const at = row.at instanceof Date ? row.at.toISOString() : String(row.at);
      return [row.n, row.orders, row.cents, row.days, at].join('/');
    },

    /** The stored all-time figures: what list sorts and filters read. */
    async summary(accountId: number): Promise<StoredPurchaseSummary | undefined> {
      const row = await db.selectFrom('account_purchases').selectAll().where('account_id', '=', accountId).executeTakeFirst();
      return row && {
        accountId: Number(row.account_id), orderCount: row.order_count, revenueCents: Number(row.revenue_cents),
        firstPurchase: row.first_purchase, lastPurchase: row.last_purchase,
        meanGapDays: row.mean_gap_days, medianGapDays: row.median_gap_days,
      };
    },

    /** Rebuilds every account's row from its orders, from scratch, in one statement. */
    async rebuild(): Promise<number> {
      await sql`delete from account_purchases`.execute(db);
      await sql`select refresh_account_purchases(array(select distinct account_id from orders))`.execute(db);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from account_purchases`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
  };
}
