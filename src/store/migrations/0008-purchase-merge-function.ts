import { sql, type Kysely } from 'kysely';
import * as incrementalPurchaseDays from './0007-incremental-purchase-days.js';

/**
 * The merge of new orders into their accounts' purchase days becomes a function of its own, over
 * arrays, which the insert trigger calls with what its statement added. An import that inserts
 * orders without their row triggers (see store/imports/row-checks.ts) calls it itself, once a
 * batch, as the trigger would have.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function merge_purchase_days(added_accounts bigint[], added_days date[], added_orders integer[], added_revenue bigint[])
    returns void language plpgsql as $$
    begin
      with added as (
        select * from unnest(added_accounts, added_days, added_orders, added_revenue) as a(account_id, day, orders, revenue)),
      merged as (
        select account_id, day, sum(orders)::integer as orders, sum(revenue)::bigint as revenue
          from (select p.account_id, u.day, u.orders, u.revenue
                  from account_purchases p,
                       unnest(p.days, p.day_orders, p.day_revenue_cents) as u(day, orders, revenue)
                 where p.account_id in (select account_id from added)
                union all
                select account_id, day, orders, revenue from added) both_sides
         group by 1, 2)
      insert into account_purchases as p (account_id, order_count, revenue_cents, first_purchase, last_purchase,
                                          days, day_orders, day_revenue_cents, mean_gap_days, median_gap_days)
      select account_id, sum(orders)::integer, sum(revenue)::bigint, min(day), max(day),
             array_agg(day order by day), array_agg(orders order by day), array_agg(revenue order by day),
             avg(gap)::double precision, percentile_cont(0.5) within group (order by gap)
        from (select m.*, m.day - lag(m.day) over (partition by m.account_id order by m.day) as gap from merged m) g
       group by account_id
      on conflict (account_id) do update set
        order_count = excluded.order_count, revenue_cents = excluded.revenue_cents,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
        days = excluded.days, day_orders = excluded.day_orders, day_revenue_cents = excluded.day_revenue_cents,
        mean_gap_days = excluded.mean_gap_days, median_gap_days = excluded.median_gap_days, updated_at = now();
    end $$`.execute(db);
  await sql`
    create or replace function merge_account_purchases() returns trigger language plpgsql as $$
    begin
      perform merge_purchase_days(array_agg(account_id), array_agg(day), array_agg(orders), array_agg(revenue))
         from (select account_id, (ordered_at at time zone 'UTC')::date as day, count(*)::integer as orders, sum(total_cents)::bigint as revenue
                 from new_orders
                where status in ('confirmed', 'shipped', 'invoiced')
                group by 1, 2) added;
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function merge_purchase_days(bigint[], date[], integer[], bigint[])`.execute(db);
  // 0007's own trigger function, as 0007 created it.
  await incrementalPurchaseDays.down(db);
  await incrementalPurchaseDays.up(db);
}
