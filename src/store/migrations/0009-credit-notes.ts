import { sql, type Kysely } from 'kysely';
import { PURCHASE, REFRESH_PURCHASES, refreshPurchasesFunction, UPDATE_TRIGGER_FUNCTION, updateTriggerFunction } from './0004-portfolio-analysis.js';
import { MERGE_PURCHASES, mergePurchasesFunction } from './0007-incremental-purchase-days.js';

/** The purchase-days refresh as credit notes need it: migration 0013 reads it again for the base-currency totals. */
export const REFRESH_WITH_CREDIT_NOTES = refreshPurchasesFunction({
  purchase: `o.kind = 'order' and o.${PURCHASE}`,
  // Materialized: inlined, a nested loop on the planner's guess of one row ran the credits' whole
  // aggregate again for every purchase day (52 s for 1,300 days and 140 credit notes).
  before: `with bought as materialized (
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
       group by 1, 2)`,
  days: `select d.account_id, d.day, d.orders, d.revenue + coalesce(c.revenue, 0) as revenue
              from bought d left join credited c on c.account_id = d.account_id and c.day = d.day`,
});

// New orders of accounts without credit notes are still merged into their stored days (0007);
// an account with a credit note is refreshed from its orders, since where its credits fall
// depends on all its purchase days.
const CREDITED = `exists (select 1 from orders c where c.account_id = n.account_id and c.kind = 'credit_note')`;
export const MERGE_WITH_CREDIT_NOTES = mergePurchasesFunction({
  before: `perform refresh_account_purchases(array(select distinct n.account_id from new_orders n where ${CREDITED}));`,
  where: `n.kind = 'order' and n.${PURCHASE} and not ${CREDITED}`,
});

// An edit that turns an order into a credit note, or links a credit note, moves revenue too.
export const UPDATE_WITH_CREDIT_NOTES = updateTriggerFunction(['account_id', 'ordered_at', 'status', 'total_cents', 'kind', 'cancels_order_id']);

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

  for (const definition of [REFRESH_WITH_CREDIT_NOTES, MERGE_WITH_CREDIT_NOTES, UPDATE_WITH_CREDIT_NOTES]) await sql.raw(definition).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The functions as 0004 and 0007 left them, before the columns they would read go.
  for (const definition of [REFRESH_PURCHASES, MERGE_PURCHASES, UPDATE_TRIGGER_FUNCTION]) await sql.raw(definition).execute(db);
  await sql`alter table staging_order_lines drop column region, drop column cancels_order_number, drop column unit_price_exact`.execute(db);
  await sql`alter table order_lines drop column unit_price_exact`.execute(db);
  await sql`drop index orders_credit_notes_idx`.execute(db);
  await sql`alter table orders drop column cancels_order_id, drop column kind`.execute(db);
  await sql`select refresh_account_purchases(array(select distinct account_id from orders))`.execute(db);
}
