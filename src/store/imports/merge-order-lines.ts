// Staged invoice lines (the retail export layout: one row per line, grouped into orders by
// number) → orders with their lines. The order's total and item count come from its lines;
// an order whose lines are already stored as staged keeps them untouched. Products named by a
// SKU the catalogue lacks are created from the line's description and price.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { accountLinkProblems, createMissingAccounts, linkAccounts } from './account-links.js';
import { collectProblems, count, type MergeOptions, type MergeResult } from './merge-result.js';
import { auditedUpsert } from './upsert.js';

const LINE_COLUMNS = 'order_id, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents';

export async function mergeOrderLines(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  const rejected = await collectProblems(db, 'staging_order_lines', runId, [
    sql`select row_no, 'accountExternalId' as column, coalesce(account_external_id, account_name) as value,
          'order ' || order_number || ' belongs to ' || first_ref || ' (row ' || first_row || '); this line names another account' as reason
        from (select row_no, order_number, account_external_id, account_name, coalesce(account_external_id, account_name) as ref,
                first_value(coalesce(account_external_id, account_name)) over w as first_ref, first_value(row_no) over w as first_row
              from staging_order_lines where run_id = ${runId}
              window w as (partition by order_number order by row_no)) d
        where ref is distinct from first_ref`,
    ...accountLinkProblems('staging_order_lines', runId, !!options.createAccounts),
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  await createMissingAccounts(db, 'staging_order_lines', options, 'country');
  await linkAccounts(db, 'staging_order_lines', runId, 'import_line_account');
  await sql`with created as (
      insert into products (sku, name, list_price_cents)
      select distinct on (s.sku) s.sku, coalesce(s.description, s.sku), greatest(s.unit_price_cents, 0)
      from staging_order_lines s
      where s.run_id = ${runId} and s.sku is not null and not exists (select 1 from products p where p.sku = s.sku)
      order by s.sku, s.row_no
      returning id
    ) insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'product', id::text from created`.execute(db);

  await sql`create temp table import_order_totals on commit drop as
    select s.order_number as number, (array_agg(m.account_id order by s.row_no))[1] as account_id, min(s.ordered_at) as ordered_at,
      sum(s.total_cents)::bigint as total_cents, sum(s.quantity)::int as item_count
    from staging_order_lines s join import_line_account m on m.row_no = s.row_no
    where s.run_id = ${runId} group by s.order_number`.execute(db);

  await sql`create temp table import_existing_orders on commit drop as
    select o.id, (o.account_id, o.ordered_at, o.total_cents, o.item_count) is distinct from (s.account_id, s.ordered_at, s.total_cents, s.item_count) as header_changed
    from orders o join import_order_totals s on o.number = s.number`.execute(db);
  await auditedUpsert(db, {
    entity: 'order', table: 'orders', alias: 'o', columns: ['account_id', 'ordered_at', 'total_cents', 'item_count'],
    staged: (c) => `s.${c}`, actorId: options.actorId, from: sql`import_order_totals s`, match: sql`o.number = s.number`,
  });
  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into orders (account_id, number, ordered_at, status, total_cents, item_count)
      select s.account_id, s.number, s.ordered_at, 'invoiced', s.total_cents, s.item_count from import_order_totals s
      where not exists (select 1 from orders o where o.number = s.number) order by s.number
      returning id
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'order', id::text from created
    ) select count(*)::int as n from created`);

  await sql`create temp table import_lines on commit drop as
    select o.id as order_id, (row_number() over (partition by s.order_number order by s.row_no))::int as line_no, p.id as product_id,
      s.description, s.quantity, s.unit_price_cents, s.discount_bp, s.total_cents
    from staging_order_lines s join orders o on o.number = s.order_number left join products p on p.sku = s.sku
    where s.run_id = ${runId}`.execute(db);
  await sql`create temp table import_changed_orders on commit drop as
    select distinct order_id from (
      (select ${sql.raw(LINE_COLUMNS)} from import_lines
        except select ${sql.raw(LINE_COLUMNS)} from order_lines where order_id in (select order_id from import_lines))
      union all
      (select ${sql.raw(LINE_COLUMNS)} from order_lines where order_id in (select order_id from import_lines)
        except select ${sql.raw(LINE_COLUMNS)} from import_lines)
    ) d`.execute(db);
  await sql`delete from order_lines where order_id in (select order_id from import_changed_orders)`.execute(db);
  await sql`insert into order_lines (${sql.raw(LINE_COLUMNS)})
    select ${sql.raw(LINE_COLUMNS)} from import_lines where order_id in (select order_id from import_changed_orders)
    order by order_id, line_no`.execute(db);

  // An existing order counts as updated once, whether its header, its lines or both changed.
  const updated = await count(db, sql<{ n: number }>`select count(*)::int as n from import_existing_orders e
    where e.header_changed or e.id in (select order_id from import_changed_orders)`);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from import_order_totals`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected };
}
