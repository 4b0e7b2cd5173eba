// The rate an order takes: the latest rate of its currency on or before its day (its UTC day,
// as the purchase days count it). Shared by the orders repository and the imports.
import { sql, type RawBuilder } from 'kysely';

/** An order's day, as the purchase-days triggers count it. */
export const orderDaySql = (orderedAt: RawBuilder<unknown>) => sql`(${orderedAt} at time zone 'UTC')::date`;

/** A lateral subquery giving `rate` and `day` of the rate `currency` takes on `day`; join it `on true`. */
export const rateOnSql = (currency: RawBuilder<unknown>, day: RawBuilder<unknown>) =>
  sql`(select x.rate, x.day from exchange_rates x where x.currency = ${currency} and x.day <= ${day} order by x.day desc limit 1)`;
