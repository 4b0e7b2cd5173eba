// An imported order's currency: a file may name one per order (a `currency` column). An order in
// another currency than the organisation's takes the latest rate on or before its day; a row
// whose currency has no such rate is refused, naming the row, and nothing of it is stored.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { orderDaySql, rateOnSql } from '../exchange-rate-sql.js';
import type { Problem } from './merge-result.js';

export interface StagedOrders {
  /** staging_orders or staging_order_lines */
  table: string;
  /** Its column holding the order's number. */
  number: string;
}

/** Rows naming a currency without a rate on or before their day, and lines naming another currency than their order's first line. */
export function currencyProblems(staged: StagedOrders, runId: number, base: string) {
  const day = orderDaySql(sql.ref('s.ordered_at'));
  const problems = [sql<Problem>`select s.row_no, 'currency' as column, s.currency as value,
        'there is no ' || s.currency || ' rate on or before ' || ${day}::text || ' to convert the order to ' || ${base}::text
          || '; import rates first (clientele import rates FILE, or Settings → Exchange rates)' as reason
      from ${sql.table(staged.table)} s
     where s.run_id = ${runId} and s.currency is not null and s.currency <> ${base}
       and not exists (select 1 from exchange_rates x where x.currency = s.currency and x.day <= ${day})`];
  if (staged.table === 'staging_order_lines') {
    problems.push(sql<Problem>`select row_no, 'currency' as column, coalesce(currency, '') as value,
          'order ' || order_number || ' is in ' || coalesce(first_currency, ${base}::text) || ' (row ' || first_row || '); this line names another currency' as reason
        from (select row_no, order_number, currency, first_value(currency) over w as first_currency, first_value(row_no) over w as first_row
                from staging_order_lines where run_id = ${runId}
              window w as (partition by order_number order by row_no)) d
       where currency is distinct from first_currency`);
  }
  return problems;
}

/**
 * Gives the import's orders their currency and rate: those the file names a currency for when it
 * has the column (`given`), and converts again those of its orders already in another currency
 * (a new day may take another rate).
 */
export async function applyCurrencies(db: Executor, staged: StagedOrders, runId: number, base: string, given: boolean): Promise<void> {
  if (!given) {
    // Most stores hold no order in another currency: then there is nothing to convert again.
    const { rows } = await sql<{ any: boolean }>`select exists (select 1 from orders where currency is not null) as any`.execute(db);
    if (!rows[0]?.any) return;
  }
  const number = sql.ref(`s.${staged.number}`);
  // Without the column an order keeps its currency; it only takes the rate of its (maybe new) day.
  const named = given
    ? sql`select distinct on (${number}) ${number} as number, nullif(s.currency, ${base}) as currency
            from ${sql.table(staged.table)} s where s.run_id = ${runId} order by ${number}, s.row_no`
    : sql`select distinct ${number} as number, null::text as currency from ${sql.table(staged.table)} s where s.run_id = ${runId}`;
  const currency = given ? sql`n.currency` : sql`o.currency`;
  await sql`with due as (
      select o.id, ${currency} as currency, r.rate, r.day
        from orders o join (${named}) n on o.number = n.number
        ${sql.raw(given ? 'left' : '')} join lateral ${rateOnSql(currency, orderDaySql(sql.ref('o.ordered_at')))} r on true
       where ${given ? sql`true` : sql`o.currency is not null`}
    )
    update orders o set currency = due.currency, exchange_rate = due.rate, rate_day = due.day
      from due
     where o.id = due.id and (o.currency, o.exchange_rate, o.rate_day) is distinct from (due.currency, due.rate, due.day)`.execute(db);
}
