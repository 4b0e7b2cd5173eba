import { sql, type Kysely } from 'kysely';

/** What makes an order `o` a purchase, as these functions read it. */
export const PURCHASE = "status in ('confirmed', 'shipped', 'invoiced')";

/**
 * The function that rebuilds accounts' purchase days from their orders: `purchase` tells a
 * purchase of orders `o`, `before` adds CTEs to the insert, `days` gives (account_id, day,
 * orders, revenue) per purchase day. Migration 0009 gives it credit notes.
 */
export function refreshPurchasesFunction({ purchase, before = '', days }: { purchase: string; before?: string; days: string }): string {
  return `
    create or replace function refresh_account_purchases(ids bigint[]) returns void language sql as $$
      delete from account_purchases p
       where p.account_id = any(ids)
         and not exists (select 1 from orders o
                          where o.account_id = p.account_id and ${purchase});
      ${before}
      insert into account_purchases as p (account_id, order_count, revenue_cents, first_purchase, last_purchase,
                                          days, day_orders, day_revenue_cents, mean_gap_days, median_gap_days)
      select account_id, sum(orders)::integer, sum(revenue)::bigint, min(day), max(day),
             array_agg(day order by day), array_agg(orders order by day), array_agg(revenue order by day),
             avg(gap)::double precision, percentile_cont(0.5) within group (order by gap)
        from (select d.*, d.day - lag(d.day) over (partition by d.account_id order by d.day) as gap
                from (${days}) d) g
       group by account_id
      on conflict (account_id) do update set
        order_count = excluded.order_count, revenue_cents = excluded.revenue_cents,
        first_purchase = excluded.first_purchase, last_purchase = excluded.last_purchase,
        days = excluded.days, day_orders = excluded.day_orders, day_revenue_cents = excluded.day_revenue_cents,
        mean_gap_days = excluded.mean_gap_days, median_gap_days = excluded.median_gap_days, updated_at = now()
      where (p.days, p.day_orders, p.day_revenue_cents) is distinct from (excluded.days, excluded.day_orders, excluded.day_revenue_cents);
    $$`;
}

export const REFRESH_PURCHASES = refreshPurchasesFunction({
  purchase: `o.${PURCHASE}`,
  days: `select account_id, (ordered_at at time zone 'UTC')::date as day,
                             count(*)::integer as orders, sum(total_cents)::bigint as revenue
                        from orders
                       where account_id = any(ids) and ${PURCHASE}
                       group by 1, 2`,
});

/** The update trigger's function: an update refreshes the accounts on both sides when one of `columns` changed. */
export function updateTriggerFunction(columns: readonly string[]): string {
  const changed = `(${columns.map((c) => `o.${c}`).join(', ')}) is distinct from (${columns.map((c) => `n.${c}`).join(', ')})`;
  return `
    create or replace function orders_refresh_purchases_after_update() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(
        select o.account_id from old_orders o join new_orders n on n.id = o.id
         where ${changed}
        union
        select n.account_id from old_orders o join new_orders n on n.id = o.id
         where ${changed}));
      return null;
    end $$`;
}

export const UPDATE_TRIGGER_FUNCTION = updateTriggerFunction(['account_id', 'ordered_at', 'status', 'total_cents']);

/**
 * The portfolio analysis's storage.
 *
 * `account_purchases` holds each account's purchase days (orders merged per UTC day) as
 * arrays, so an analysis reads one row per account and can still look from any day back in
 * time. Triggers on `orders` keep it in step with every write, whatever its source (API,
 * import, merge, restore): each statement refreshes the accounts it touched, set-based, from
 * their orders. Only confirmed, shipped and invoiced orders are purchases.
 *
 * `analysis_runs` and `account_classes` hold each classification run: every account's
 * classes with the rule and figures that decided them. Snapshots are runs kept for history;
 * other runs give way to the next.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table account_purchases (
      account_id bigint primary key references accounts(id) on delete cascade,
      order_count integer not null,
      revenue_cents bigint not null,
      first_purchase date not null,
      last_purchase date not null,
      days date[] not null,
      day_orders integer[] not null,
      day_revenue_cents bigint[] not null,
      mean_gap_days double precision,
      median_gap_days double precision,
      updated_at timestamptz(3) not null default now()
    )`.execute(db);

  await sql.raw(REFRESH_PURCHASES).execute(db);

  // Transition tables need one trigger per event; each passes the accounts it touched.
  await sql`
    create function orders_refresh_purchases_after_insert() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(select distinct account_id from new_orders));
      return null;
    end $$`.execute(db);
  await sql`
    create function orders_refresh_purchases_after_delete() returns trigger language plpgsql as $$
    begin
      perform refresh_account_purchases(array(select distinct account_id from old_orders));
      return null;
    end $$`.execute(db);
  await sql.raw(UPDATE_TRIGGER_FUNCTION).execute(db);
  await sql`create trigger orders_purchases_insert after insert on orders referencing new table as new_orders
    for each statement execute function orders_refresh_purchases_after_insert()`.execute(db);
  await sql`create trigger orders_purchases_delete after delete on orders referencing old table as old_orders
    for each statement execute function orders_refresh_purchases_after_delete()`.execute(db);
  await sql`create trigger orders_purchases_update after update on orders referencing old table as old_orders new table as new_orders
    for each statement execute function orders_refresh_purchases_after_update()`.execute(db);
  await sql`select refresh_account_purchases(array(select distinct account_id from orders))`.execute(db);

  await sql`
    create table analysis_runs (
      id bigint generated always as identity primary key,
      kind text not null check (kind in ('run', 'snapshot')),
      as_of date not null,
      settings jsonb not null,
      portfolio jsonb not null,
      model jsonb,
      account_count integer not null,
      duration_ms integer not null,
      created_at timestamptz(3) not null default now(),
      created_by bigint references users(id) on delete set null
    )`.execute(db);
  await sql`create index analysis_runs_kind_idx on analysis_runs (kind, id desc)`.execute(db);

  await sql`
    create table account_classes (
      run_id bigint not null references analysis_runs(id) on delete cascade,
      account_id bigint not null references accounts(id) on delete cascade,
      status text not null,
      volume_tier text not null,
      frequency text not null,
      abc text not null,
      rfm_segment text not null,
      recency_score smallint,
      frequency_score smallint,
      monetary_score smallint,
      revenue_cents bigint not null,
      period_revenue_cents bigint not null,
      average_ticket_cents bigint,
      order_count integer not null,
      last_purchase date,
      churn_signals text[] not null,
      recovery_score double precision,
      growth_potential_cents bigint,
      p_alive double precision,
      clv_cents bigint,
      reasons jsonb not null,
      primary key (run_id, account_id)
    )`.execute(db);
  await sql`create index account_classes_account_idx on account_classes (account_id, run_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['account_classes', 'analysis_runs', 'account_purchases']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  for (const event of ['insert', 'delete', 'update']) {
    await sql`drop trigger if exists ${sql.raw(`orders_purchases_${event}`)} on orders`.execute(db);
    await sql`drop function if exists ${sql.raw(`orders_refresh_purchases_after_${event}`)}()`.execute(db);
  }
  await sql`drop function if exists refresh_account_purchases(bigint[])`.execute(db);
}
