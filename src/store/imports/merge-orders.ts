// Staged orders (one row per order, total given: an ERP's order-level history) → orders.
// Upserts by order number; an order whose lines decide its total keeps them.
import { sql } from 'kysely';
import { DEFAULT_CURRENCY } from '../../domain/currency.js';
import type { Executor } from '../executor.js';
import { accountLinkProblems, createMissingAccounts, createWalkInAccount, linkAccounts } from './account-links.js';
import { collectProblems, count, type MergeOptions, type MergeResult } from './merge-result.js';
import { orderFacts, orderKindOf } from './order-kind.js';
import { applyCurrencies, currencyProblems } from './order-currency.js';
import { auditedUpsert } from './upsert.js';

const FIELD_COLUMNS: Record<string, string> = {
  accountExternalId: 'account_id', accountName: 'account_id', orderedAt: 'ordered_at', channel: 'channel', status: 'status',
  total: 'total_cents', itemCount: 'item_count',
};
const KIND = orderKindOf('s.number', 's.total_cents');
const STAGED = { table: 'staging_orders', number: 'number' };
const staged = (column: string) => (column === 'account_id' ? 'm.account_id' : column === 'status' ? "coalesce(s.status, 'confirmed')"
  : column === 'kind' ? KIND : `s.${column}`);

export async function mergeOrders(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  const base = options.baseCurrency ?? DEFAULT_CURRENCY;
  const creating = !!options.createAccounts;
  // Before the checks, which would otherwise find no account for the guests' rows.
  let accountsCreated = await createWalkInAccount(db, 'staging_orders', options);
  const rejected = await collectProblems(db, 'staging_orders', runId, [
    sql`select row_no, 'number' as column, number as value, 'order ' || number || ' already appears at row ' || first_row || ' of this file' as reason
        from (select row_no, number, first_value(row_no) over (partition by number order by row_no) as first_row
              from staging_orders where run_id = ${runId}) d where row_no <> first_row`,
    // The same total and item count as the lines give change nothing: an export imports back.
    sql`select s.row_no, 'total' as column, (s.total_cents / 100.0)::text as value, 'order ' || s.number || ' has lines, which decide its total' as reason
        from staging_orders s join orders o on o.number = s.number
        where s.run_id = ${runId} and exists (select 1 from order_lines l where l.order_id = o.id)
          and (s.total_cents is distinct from o.total_cents or coalesce(s.item_count, o.item_count) <> o.item_count)`,
    ...accountLinkProblems('staging_orders', runId, creating),
    ...currencyProblems(STAGED, runId, base),
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  accountsCreated += await createMissingAccounts(db, 'staging_orders', options);
  await linkAccounts(db, 'staging_orders', runId, 'import_order_account');

  // The kind follows the number and the total, so it is rewritten whenever the total is.
  const given = options.fields.map((f) => FIELD_COLUMNS[f]).filter((c): c is string => !!c);
  const columns = [...new Set([...given, ...(given.includes('total_cents') ? ['kind'] : [])])];
  const updated = await auditedUpsert(db, {
    entity: 'order', table: 'orders', alias: 'o', columns, staged, actorId: options.actorId,
    from: sql`staging_orders s join import_order_account m on m.row_no = s.row_no`,
    match: sql`s.run_id = ${runId} and o.number = s.number`,
  });

  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into orders (account_id, number, ordered_at, channel, status, total_cents, item_count, kind)
      select m.account_id, s.number, s.ordered_at, s.channel, coalesce(s.status, 'confirmed'), coalesce(s.total_cents, 0), coalesce(s.item_count, 0), ${sql.raw(KIND)}
      from staging_orders s join import_order_account m on m.row_no = s.row_no
      where s.run_id = ${runId} and not exists (select 1 from orders o where o.number = s.number)
      order by s.row_no
      returning id
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id, changes)
      select ${options.actorId}, 'import_create', 'order', id::text, null from created
    )
    select count(*)::int as n from created`);

  await applyCurrencies(db, STAGED, runId, base, options.fields.includes('currency'));
  const facts = await orderFacts(db, sql`select number, null::text as cancels_number from staging_orders where run_id = ${runId}`, options.walkIn?.externalId, accountsCreated);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from staging_orders where run_id = ${runId}`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected, facts };
}
