import { sql, type Kysely } from 'kysely';

const PURCHASE = `status in ('confirmed', 'shipped', 'invoiced')`;

/**
 * Credit notes: a shop's cancellations and returns ("C536379", negative quantities) are orders
 * of kind 'credit_note' with a negative total, linked to the invoice they cancel when the file
 * names it. They reduce revenue but are no purchase: an account's purchase days (visits, the
 * gaps between them, its order count) are its orders' alone, and a credit note's amount is
 * taken off the revenue of the purchase day it belongs to: the day of the invoice it cancels
 * when it is linked to one, else the account's last purchase day on or before the credit
 * note's own day, else its first purchase day after it. An account with credit notes and no
 * purchase has no purchase days, as before.
 *
 * Order lines keep a unit price finer than a cent (0.001) as the file gave it, beside the
 * cents that everything else reads; their total is rounded to the cent once, on the line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders add column kind text not null default 'order' check (kind in ('order', 'credit_note'))`.execute(db);
  await sql`alter table orders add column cancels_order_id bigint references orders(id) on delete set null`.execute(db);
  // Small (credit notes are few) and what the purchase-days trigger asks of every account it merges.
  await sql`create index orders_credit_notes_idx on orders (account_id) where kind = 'credit_note'`.execute(db);
  await sql`alter table order_lines add column unit_price_exact numeric(19, 4)`.execute(db);
  await sql`alter table staging_order_lines add column region text, add column cancels_order_number text, add column unit_price_exact numeric(19, 4)`.execute(db);

  await sql.raw(`
    create or replace function refresh_account_purchases(ids bigint[]) returns void language sql as $$
      delete from account_purchases p
       where p.account_id = any(ids)
         and not exists (select 1 from orders o
                          where o.account_id = p.account_id and o.kind = 'order' and o.${PURCHASE});
      -- Materialized: inlined, a nested loop on the planner's guess of one row ran the credits' whole
      -- aggregate again for every purchase day (52 s for 1,300 days and 140 credit notes).
      with bought as materialized (
        select account_id, (ordered_at at time zone 'UTC')::date as day, count(*)::integer as orders, sum(total_cents)::bigint as revenue
          from orders
         where account_id = any(ids) and kind = 'order' and ${PURCHASE}
         group by 1, 2),
      credited as materialized (
        select c.account_id, coalesce(linked.day, before.day, after.day) as day, sum(c.total_cents)::bigint as revenue
          from orders c
          left join lateral (select (o.ordered_at at time zone 'UTC')::date as day from orders o
                              where o.id = c.cancels_order_id and o.account_id = c.account_id and o.kind = 'order' and o.${PURCHASE}) linked on true
          left join lateral (select max(b.day) as day from bought b
                              where b.account_id = c.account_id and b.day <= (c.ordered_at at time zone 'UTC')::date) before on true
          left join lateral (select min(b.day) as day from bought b where b.account_id = c.account_id) after on true
         where c.account_id = any(ids) and c.kind = 'credit_note' and c.${PURCHASE}
         group by 1, 2)
      insert into account_purchases as p (account_id, order_count, revenue_cents, first_purchase, last_purchase,
                                          days, day_orders, day_revenue_cents, mean_gap_days, median_gap_days)
      select account_id, sum(orders)::integer, sum(revenue)::bigint, min(day), max(day),
             array_agg(day order by day), array_agg(orders order by day), array_agg(revenue order by day),
             avg(gap)::double precision, percentile_cont(0.5) within group (order by gap)
        from (select d.account_id, d.day, d.orders, d.revenue + coalesce(c.revenue, 0) as revenue,
                     d.day - lag(d.day) over (partition by d.account_id order by d.day) as gap
                from bought d left join credited c on c.account_id = d.account_id and c.day = d.day) g
       group by account_id
      on conflict (account_id) do update set
        order_count = excluded.order_count, revenue_cents = excluded.revenue_cents,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
        days = excluded.days, day_orders = excluded.day_orders, day_revenue_cents = excluded.day_revenue_cents,
        mean_gap_days = excluded.mean_gap_days, median_gap_days = excluded.median_gap_days, updated_at = now()
      where (p.days, p.day_orders, p.day_revenue_cents) is distinct from (excluded.days, excluded.day_orders, excluded.day_revenue_cents);
    $$`).execute(db);

  // New orders of accounts without credit notes are still merged into their stored days (0007);
  // an account with a credit note is refreshed from its orders, since where its credits fall
  // depends on all its purchase days.
  await sql.raw(`
    create or replace function merge_account_purchases() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(
        select distinct n.account_id from new_orders n
         where exists (select 1 from orders c where c.account_id = n.account_id and c.kind = 'credit_note')));
      with added as (
        select account_id, (ordered_at at time zone 'UTC')::date as day, count(*)::integer as orders, sum(total_cents)::bigint as revenue
          from new_orders n
         where n.kind = 'order' and n.${PURCHASE}
           and not exists (select 1 from orders c where c.account_id = n.account_id and c.kind = 'credit_note')
         group by 1, 2),
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
      return null;
    end $$`).execute(db);

  // An edit that turns an order into a credit note, or links a credit note, moves revenue too.
  await sql.raw(`
    create or replace function orders_refresh_purchases_after_update() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(
        select o.account_id from old_orders o join new_orders n on n.id = o.id
         where (o.account_id, o.ordered_at, o.status, o.total_cents, o.kind, o.cancels_order_id)
               is distinct from (n.account_id, n.ordered_at, n.status, n.total_cents, n.kind, n.cancels_order_id)
        union
        select n.account_id from old_orders o join new_orders n on n.id = o.id
         where (o.account_id, o.ordered_at, o.status, o.total_cents, o.kind, o.cancels_order_id)
               is distinct from (n.account_id, n.ordered_at, n.status, n.total_cents, n.kind, n.cancels_order_id)));
      return null;
    end $$`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The functions as 0004 and 0007 left them, before the columns they would read go.
  for (const definition of [BEFORE_REFRESH, BEFORE_MERGE, BEFORE_UPDATE]) await sql.raw(definition).execute(db);
  await sql`alter table staging_order_lines drop column region, drop column cancels_order_number, drop column unit_price_exact`.execute(db);
  await sql`alter table order_lines drop column unit_price_exact`.execute(db);
  await sql`drop index orders_credit_notes_idx`.execute(db);
  await sql`alter table orders drop column cancels_order_id, drop column kind`.execute(db);
  await sql`select refresh_account_purchases(array(select distinct account_id from orders))`.execute(db);
}

const BEFORE_REFRESH = `
    create or replace function refresh_account_purchases(ids bigint[]) returns void language sql as $$
      delete from account_purchases p
       where p.account_id = any(ids)
         and not exists (select 1 from orders o
                          where o.account_id = p.account_id and o.status in ('confirmed', 'shipped', 'invoiced'));
      insert into account_purchases as p (account_id, order_count, revenue_cents, first_purchase, last_purchase,
                                          days, day_orders, day_revenue_cents, mean_gap_days, median_gap_days)
      select account_id, sum(orders)::integer, sum(revenue)::bigint, min(day), max(day),
             array_agg(day order by day), array_agg(orders order by day), array_agg(revenue order by day),
             avg(gap)::double precision, percentile_cont(0.5) within group (order by gap)
        from (select d.*, d.day - lag(d.day) over (partition by d.account_id order by d.day) as gap
                from (select account_id, (ordered_at at time zone 'UTC')::date as day,
                             count(*)::integer as orders, sum(total_cents)::bigint as revenue
                        from orders
                       where account_id = any(ids) and status in ('confirmed', 'shipped', 'invoiced')
                       group by 1, 2) d) g
       group by account_id
      on conflict (account_id) do update set
        order_count = excluded.order_count, revenue_cents = excluded.revenue_cents,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
        days = excluded.days, day_orders = excluded.day_orders, day_revenue_cents = excluded.day_revenue_cents,
        mean_gap_days = excluded.mean_gap_days, median_gap_days = excluded.median_gap_days, updated_at = now()
      where (p.days, p.day_orders, p.day_revenue_cents) is distinct from (excluded.days, excluded.day_orders, excluded.day_revenue_cents);
    $$`;

const BEFORE_MERGE = `
    create or replace function merge_account_purchases() returns trigger language plpgsql as $$
    begin
      with added as (
        select account_id, (ordered_at at time zone 'UTC')::date as day, count(*)::integer as orders, sum(total_cents)::bigint as revenue
          from new_orders
         where status in ('confirmed', 'shipped', 'invoiced')
         group by 1, 2),
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
      return null;
    end $$`;

const BEFORE_UPDATE = `
    create or replace function orders_refresh_purchases_after_update() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(
        select o.account_id from old_orders o join new_orders n on n.id = o.id
         where (o.account_id, o.ordered_at, o.status, o.total_cents) is distinct from (n.account_id, n.ordered_at, n.status, n.total_cents)
        union
        select n.account_id from old_orders o join new_orders n on n.id = o.id
         where (o.account_id, o.ordered_at, o.status, o.total_cents) is distinct from (n.account_id, n.ordered_at, n.status, n.total_cents)));
      return null;
    end $$`;
