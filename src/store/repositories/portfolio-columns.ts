// The whole portfolio as the column classifier reads it, in one pass: each account's profile
// and its purchase days as day numbers, sent by the database as comma-separated text and
// parsed straight into typed arrays, so a million accounts never become a million objects.
import { sql } from 'kysely';
import { emptyPortfolioColumns, profileEncoders, type PortfolioColumns } from '../../analytics/portfolio/portfolio-columns.js';
import { accountSinceSql } from '../account-since-sql.js';
import type { Executor } from '../executor.js';

interface Row {
  id: string | number;
  ex_customer: boolean;
  has_interest: boolean;
  has_financial_capacity: boolean;
  segment: string | null;
  sector: string | null;
  size: string | null;
  status: string;
  relationship_type: string | null;
  country: string | null;
  owner_id: string | number | null;
  since: Date | string;
  days: string | null;
  orders: string | null;
  revenue: string | null;
}

/** The numbers of a comma-separated list into `into` from position `at`; returns the position after them. */
function parseList(text: string | null, into: Int32Array | Float64Array, at: number): number {
  if (!text) return at;
  let value = 0;
  let negative = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) {
      into[at++] = negative ? -value : value;
      value = 0;
      negative = false;
    } else if (c === 45) negative = true;
    else value = value * 10 + (c - 48);
  }
  into[at++] = negative ? -value : value;
  return at;
}

function countItems(text: string | null): number {
  if (!text) return 0;
  let count = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 44) count++;
  return count;
}

export function portfolioColumnsRepository(db: Executor) {
  return {
    /** Every account that began before `before` (see account-since-sql.ts), by id, with its purchase days. */
    async read(before: Date): Promise<PortfolioColumns> {
      const { rows } = await sql<Row>`
        select a.id, a.status = 'ex_customer' as ex_customer, a.has_interest, a.has_financial_capacity, a.segment, a.sector, a.size,
               a.status, a.relationship_type, a.country, a.owner_id, ${accountSinceSql} as since,
               (select string_agg((d - date '1970-01-01')::text, ',' order by o) from unnest(p.days) with ordinality as t(d, o)) as days,
               array_to_string(p.day_orders, ',') as orders, array_to_string(p.day_revenue_cents, ',') as revenue
          from accounts a left join account_purchases p on p.account_id = a.id
         where ${accountSinceSql} < ${before}
         order by a.id`.execute(db);
      const n = rows.length;
      let total = 0;
      for (const row of rows) total += countItems(row.days);
      const { encoders, values } = profileEncoders();
      const columns = emptyPortfolioColumns(n, total, values);
      const { segment, sector, size } = encoders;
      let at = 0;
      rows.forEach((row, i) => {
        columns.ids[i] = Number(row.id);
        columns.exCustomer[i] = row.ex_customer ? 1 : 0;
        columns.hasInterest[i] = row.has_interest ? 1 : 0;
        columns.hasFinancialCapacity[i] = row.has_financial_capacity ? 1 : 0;
        columns.segment[i] = segment(row.segment);
        columns.sector[i] = sector(row.sector);
        columns.size[i] = size(row.size);
        columns.lifecycle[i] = encoders.lifecycle(row.status);
        columns.relationshipType[i] = encoders.relationshipType(row.relationship_type);
        columns.country[i] = encoders.country(row.country);
        columns.ownerId[i] = row.owner_id === null ? Number.NaN : Number(row.owner_id);
        columns.since[i] = new Date(row.since).getTime();
        columns.offsets[i] = at;
        parseList(row.orders, columns.orders, at);
        parseList(row.revenue, columns.revenue, at);
        at = parseList(row.days, columns.days, at);
      });
      columns.offsets[n] = at;
      return columns;
    },
  };
}
