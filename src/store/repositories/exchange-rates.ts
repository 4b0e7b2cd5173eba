// Exchange rates to the organisation's currency, and the orders converted with them.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { orderDaySql, rateOnSql } from '../exchange-rate-sql.js';

export interface ExchangeRate {
  currency: string;
  /** YYYY-MM-DD: the rate holds from this day until the currency's next rate. */
  date: string;
  /** One unit of `currency` in the organisation's currency, as a decimal string. */
  rate: string;
}

export interface RateUsed {
  rate: string;
  date: string;
}

/** An order in a currency that has no rate on or before its day. */
export interface UnratedOrder {
  number: string;
  currency: string;
  day: string;
}

const toRate = (row: { currency: string; day: string; rate: string }): ExchangeRate => ({
  currency: row.currency, date: String(row.day), rate: String(row.rate),
});

export function exchangeRatesRepository(db: Executor) {
  return {
    /** Newest first; one currency's, when given. */
    async list(options: { currency?: string; limit?: number } = {}): Promise<ExchangeRate[]> {
      let query = db.selectFrom('exchange_rates').select(['currency', sql<string>`day::text`.as('day'), sql<string>`rate::text`.as('rate')]);
      if (options.currency) query = query.where('currency', '=', options.currency);
      const rows = await query.orderBy('day', 'desc').orderBy('currency').limit(options.limit ?? 1000).execute();
      return rows.map(toRate);
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('exchange_rates').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Adds the rates, replacing those of the same currency and day; how many were new or different. */
    async save(rates: readonly ExchangeRate[]): Promise<{ added: number; changed: number }> {
      if (rates.length === 0) return { added: 0, changed: 0 };
      const { rows } = await sql<{ added: boolean }>`
        insert into exchange_rates as x (currency, day, rate)
        select * from unnest(${rates.map((r) => r.currency)}::text[], ${rates.map((r) => r.date)}::date[], ${rates.map((r) => r.rate)}::numeric[])
        on conflict (currency, day) do update set rate = excluded.rate, updated_at = now()
          where x.rate is distinct from excluded.rate
        returning (xmax = 0) as added`.execute(db);
      const added = rows.filter((r) => r.added).length;
      return { added, changed: rows.length - added };
    },

    async remove(currency: string, date: string): Promise<boolean> {
      const result = await db.deleteFrom('exchange_rates').where('currency', '=', currency).where('day', '=', date).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** The rate `currency` takes on `date`: its latest on or before that day. */
    async rateOn(currency: string, date: string): Promise<RateUsed | undefined> {
      const { rows } = await sql<{ rate: string; day: string }>`select r.rate::text as rate, r.day::text as day
        from ${rateOnSql(sql`${currency}::text`, sql`${date}::date`)} r`.execute(db);
      const row = rows[0];
      return row && { rate: String(row.rate), date: String(row.day) };
    },

    /**
     * Converts again the orders of the given currencies whose rate changed (a rate entered, imported
     * or removed): each takes the latest rate on or before its day. Returns the orders converted anew.
     */
    async reconvertOrders(currencies: readonly string[]): Promise<number> {
      if (currencies.length === 0) return 0;
      const day = orderDaySql(sql.ref('o.ordered_at'));
      const { rows } = await sql<{ n: number }>`with due as (
          select o.id, r.rate, r.day from orders o
            join lateral ${rateOnSql(sql.ref('o.currency'), day)} r on true
           where o.currency = any(${currencies}::text[])
             and (o.exchange_rate, o.rate_day) is distinct from (r.rate, r.day)
        ), changed as (
          update orders o set exchange_rate = due.rate, rate_day = due.day, updated_at = now()
            from due where o.id = due.id returning o.id
        ) select count(*)::int as n from changed`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },

    /** Orders in one of the currencies without any rate on or before their day, first ones first. */
    async unratedOrders(currencies: readonly string[], limit = 10): Promise<UnratedOrder[]> {
      if (currencies.length === 0) return [];
      const day = orderDaySql(sql.ref('o.ordered_at'));
      const { rows } = await sql<UnratedOrder>`select o.number, o.currency, ${day}::text as day from orders o
        where o.currency = any(${currencies}::text[])
          and not exists (select 1 from exchange_rates x where x.currency = o.currency and x.day <= ${day})
        order by o.ordered_at, o.id limit ${limit}`.execute(db);
      return rows.map((r) => ({ number: r.number, currency: r.currency, day: String(r.day) }));
    },

    /** Currencies the stored orders are in, besides the organisation's. */
    async orderCurrencies(): Promise<string[]> {
      const rows = await db.selectFrom('orders').select('currency').distinct().where('currency', 'is not', null).orderBy('currency').execute();
      return rows.map((r) => r.currency!);
    },
  };
}
