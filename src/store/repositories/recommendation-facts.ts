// What cross-sell and up-sell read: the purchases as one row per account and product (not
// every order line: the recommender only needs what each account bought, how often and for
// how much), the catalogue's names and whether each product is still sold, and a version
// that changes whenever any of it does, for the caches built on them.
import { sql } from 'kysely';
import type { OrderLineFact } from '../../analytics/recommend/types.js';
import { cents } from '../../domain/money.js';
import type { Executor } from '../executor.js';

export interface LineWindow {
  /** Orders placed before this moment. */
  before: Date;
  /** And at or after this one. */
  from?: Date;
  /** Gives separate rows for the orders before and after this moment (a time split). */
  splitAt?: Date;
}

export interface CatalogueFact {
  id: number;
  sku: string;
  name: string;
  category: string | null;
  active: boolean;
}

export interface RecommendationDataVersion {
  /** Orders, their lines and the catalogue. */
  sales: string;
  /** The accounts (their segment and size make the up-sell peer groups). */
  accounts: string;
}

interface LineRow {
  account_id: number;
  product_id: number;
  category: string;
  quantity: number;
  total_cents: number | string;
  lines: number;
  ordered_at: Date | string;
}

export function recommendationFactsRepository(db: Executor) {
  return {
    /** Purchases (confirmed, shipped or invoiced orders) per account and product, in the window. */
    async lines(window: LineWindow): Promise<OrderLineFact[]> {
      const split = window.splitAt ? sql`, (o.ordered_at < ${window.splitAt})` : sql``;
      const { rows } = await sql<LineRow>`
        select o.account_id, l.product_id, coalesce(p.category, 'Uncategorised') as category,
               sum(l.quantity)::int as quantity, sum(case when o.exchange_rate is null then l.total_cents else round(l.total_cents * o.exchange_rate) end)::bigint as total_cents,
               (count(*) filter (where l.quantity > 0))::int as lines, min(o.ordered_at) as ordered_at
          from order_lines l join orders o on o.id = l.order_id join products p on p.id = l.product_id
         where o.status in ('confirmed', 'shipped', 'invoiced') and o.ordered_at < ${window.before}
               ${window.from ? sql`and o.ordered_at >= ${window.from}` : sql``}
         group by o.account_id, l.product_id, p.category${split}`.execute(db);
      return rows.map((r) => ({
        accountId: Number(r.account_id),
        productId: Number(r.product_id),
        category: r.category,
        quantity: r.quantity,
        totalCents: cents(Number(r.total_cents)),
        lines: r.lines,
        orderedAt: r.ordered_at instanceof Date ? r.ordered_at.toISOString() : new Date(r.ordered_at).toISOString(),
      }));
    },

    async catalogue(): Promise<CatalogueFact[]> {
      const rows = await db.selectFrom('products').select(['id', 'sku', 'name', 'category', 'active']).orderBy('id').execute();
      return rows.map((r) => ({ id: Number(r.id), sku: r.sku, name: r.name, category: r.category, active: r.active }));
    },

    async accountNames(accountIds: readonly number[]): Promise<Map<number, string>> {
      if (!accountIds.length) return new Map();
      const rows = await db.selectFrom('accounts').select(['id', 'name'])
        .where('id', '=', sql<number>`any(${accountIds.map(Number)}::bigint[])`).execute();
      return new Map(rows.map((r) => [Number(r.id), r.name]));
    },

    /**
     * Changes whenever a purchase, the catalogue or an account changes. Lines are replaced (new
     * ids) whenever an order's lines change, and every write to an order stamps it; the counts
     * and the sum catch a long transaction that committed after a newer stamp.
     */
    async version(): Promise<RecommendationDataVersion> {
      const { rows } = await sql<Record<string, string | null>>`
        select o.n::text as orders, o.at as orders_at, o.total as orders_total,
               (select max(id) from order_lines)::text as last_line,
               p.n::text as products, p.at as products_at, a.n::text as accounts, a.at as accounts_at
          from (select count(*) as n, max(updated_at)::text as at, coalesce(sum(base_total_cents), 0)::text as total from orders) o,
               (select count(*) as n, max(updated_at)::text as at from products) p,
               (select count(*) as n, max(updated_at)::text as at from accounts) a`.execute(db);
      const r = rows[0]!;
      return {
        sales: [r.orders, r.orders_at, r.orders_total, r.last_line, r.products, r.products_at].join('/'),
        accounts: [r.accounts, r.accounts_at].join('/'),
      };
    },
  };
}
