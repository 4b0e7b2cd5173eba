import { sql, type Kysely } from 'kysely';
import { MERGE_WITH_CREDIT_NOTES, REFRESH_WITH_CREDIT_NOTES, UPDATE_WITH_CREDIT_NOTES } from './0009-credit-notes.js';

/** The purchase-days functions reading an order's amount in the organisation's currency. */
const inBaseCurrency = (definition: string) => definition.replace(/\btotal_cents\b/g, 'base_total_cents');

/**
 * Orders in several currencies. An order may name its own `currency` (null: the organisation's);
 * its total stays in that currency, and `base_total_cents` holds it converted at the rate the
 * order keeps (`exchange_rate`, one unit of its currency in the organisation's, from the rate of
 * `rate_day`). The column is generated, so whatever changes the total or the rate (an edit of the
 * lines, an import, new rates) converts again. Every analysis reads the converted amount: the
 * purchase-days triggers sum it instead of the total, so the analysis itself is unchanged.
 *
 * `exchange_rates` holds the rates an admin enters or imports, one per currency and day; an
 * order takes the latest rate on or before its day.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The organisation's currency now defaults to the locale's; a store that already holds orders
  // keeps the euro it was labelled with until now, whatever the server's locale.
  await sql`insert into settings (key, value) select 'currency', '"EUR"'::jsonb
    where exists (select 1 from orders) and not exists (select 1 from settings where key = 'currency')`.execute(db);
  await sql`
    create table exchange_rates (
      currency text not null check (currency ~ '^[A-Z]{3}$'),
      day date not null,
      rate numeric(20, 10) not null check (rate > 0),
      updated_at timestamptz(3) not null default now(),
      primary key (currency, day)
    )`.execute(db);
  await sql`
    alter table orders
      add column currency text check (currency ~ '^[A-Z]{3}$'),
      add column exchange_rate numeric(20, 10) check (exchange_rate > 0),
      add column rate_day date,
      add column base_total_cents bigint generated always as
        (case when exchange_rate is null then total_cents else round(total_cents * exchange_rate)::bigint end) stored`.execute(db);
  // Which orders a new rate may concern: few, since most orders are in the organisation's currency.
  await sql`create index orders_currency_idx on orders (currency, ordered_at) where currency is not null`.execute(db);
  await sql`alter table staging_orders add column currency text`.execute(db);
  await sql`alter table staging_order_lines add column currency text`.execute(db);

  await sql`drop index orders_account_idx`.execute(db);
  await sql`create index orders_account_idx on orders (account_id, ordered_at desc, id desc) include (status, base_total_cents)`.execute(db);
  for (const definition of [REFRESH_WITH_CREDIT_NOTES, MERGE_WITH_CREDIT_NOTES, UPDATE_WITH_CREDIT_NOTES]) {
    await sql.raw(inBaseCurrency(definition)).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const definition of [REFRESH_WITH_CREDIT_NOTES, MERGE_WITH_CREDIT_NOTES, UPDATE_WITH_CREDIT_NOTES]) await sql.raw(definition).execute(db);
  await sql`drop index orders_account_idx`.execute(db);
  await sql`create index orders_account_idx on orders (account_id, ordered_at desc, id desc) include (status, total_cents)`.execute(db);
  await sql`alter table staging_order_lines drop column currency`.execute(db);
  await sql`alter table staging_orders drop column currency`.execute(db);
  await sql`drop index orders_currency_idx`.execute(db);
  await sql`alter table orders drop column base_total_cents, drop column rate_day, drop column exchange_rate, drop column currency`.execute(db);
  await sql`drop table exchange_rates`.execute(db);
  await sql`select refresh_account_purchases(array(select distinct account_id from orders))`.execute(db);
}
