// Staged invoice lines (the retail export layout: one row per line, grouped into orders by
// number) → orders with their lines. The order's total and item count come from its lines;
// an order whose lines are already stored as staged keeps them untouched. Products named by a
// SKU the catalogue lacks are created from the line's description and price.
//
// Written for files of millions of lines: the lines are read a few times, each in one hashed
// pass (no sort of all lines but the one that numbers them), accounts are linked per order
// rather than per line, and only orders that existed before are compared line by line.
import { sql } from 'kysely';
import { DEFAULT_CURRENCY } from '../../domain/currency.js';
import type { Executor } from '../executor.js';
import { accountLinkChecks, createMissingAccounts, createWalkInAccount } from './account-links.js';
import { collectProblems, count, type MergeOptions, type MergeResult, type Problem } from './merge-result.js';
import { linkCreditNotes, orderFacts, orderKindOf } from './order-kind.js';
import { withoutRowChecks } from './row-checks.js';
import { applyCurrencies, currencyProblems } from './order-currency.js';
import { auditedUpsert } from './upsert.js';

const STAGED = { table: 'staging_order_lines', number: 'order_number' };
const LINE_COLUMNS = 'order_id, line_no, product_id, description, quantity, unit_price_cents, unit_price_exact, discount_bp, total_cents';

/** Lines that name another account than the first line of their order. */
async function accountConflicts(db: Executor, runId: number): Promise<ReturnType<typeof sql<Problem>>[]> {
  // One hashed pass finds the orders concerned, usually none; only their lines are then looked at.
  const ref = sql`coalesce(account_external_id, account_name)`;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (
      select order_number from staging_order_lines where run_id = ${runId} group by order_number
      having min(${ref}) <> max(${ref}) or (count(${ref}) > 0 and count(${ref}) < count(*))) c`.execute(db);
  if (!rows[0]?.n) return [];
  return [sql<Problem>`select row_no, 'accountExternalId' as column, coalesce(account_external_id, account_name) as value,
        'order ' || order_number || ' belongs to ' || first_ref || ' (row ' || first_row || '); this line names another account' as reason
      from (select row_no, order_number, account_external_id, account_name, ${ref} as ref,
              first_value(${ref}) over w as first_ref, first_value(row_no) over w as first_row
            from staging_order_lines where run_id = ${runId}
            window w as (partition by order_number order by row_no)) d
      where ref is distinct from first_ref`];
}

export async function mergeOrderLines(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  const base = options.baseCurrency ?? DEFAULT_CURRENCY;
  // Before the checks, which would otherwise find no account for the guests' lines.
  let accountsCreated = await createWalkInAccount(db, 'staging_order_lines', options);
  const rejected = await collectProblems(db, 'staging_order_lines', runId, [
    ...(await accountConflicts(db, runId)),
    ...(await accountLinkChecks(db, 'staging_order_lines', runId, !!options.createAccounts)),
    ...(options.fields.includes('currency') ? currencyProblems(STAGED, runId, base) : []),
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  accountsCreated += await createMissingAccounts(db, 'staging_order_lines', options, { country: 'country', region: 'region' });
  // Rows whose product exists are left out before sorting, so only the first batch sorts much.
  await sql`with created as (
      insert into products (sku, name, list_price_cents)
      select distinct on (s.sku) s.sku, coalesce(s.description, s.sku), greatest(s.unit_price_cents, 0)
      from staging_order_lines s
      where s.run_id = ${runId} and s.sku is not null and not exists (select 1 from products p where p.sku = s.sku)
      order by s.sku, s.row_no
      returning id
    ) insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'product', id::text from created`.execute(db);

  // Every line of an order names the same account by now (the problems above saw to it), so the
  // order's reference is any of its lines'.
  await sql`create temp table import_order_totals on commit drop as
    select t.number, coalesce(by_id.id, by_name.id) as account_id, t.ordered_at, t.total_cents, t.item_count,
      ${sql.raw(orderKindOf('t.number', 't.total_cents', 't.all_negative'))} as kind, t.cancels_number
    from (select order_number as number, min(account_external_id) as external_id, min(account_name) as account_name,
            min(ordered_at) as ordered_at, sum(total_cents)::bigint as total_cents, sum(quantity)::int as item_count,
            min(cancels_order_number) as cancels_number, bool_and(quantity < 0) as all_negative
          from staging_order_lines where run_id = ${runId} group by order_number) t
    left join accounts by_id on t.external_id is not null and by_id.external_id = t.external_id
    left join lateral (select a.id from accounts a where t.external_id is null and lower(a.name) = lower(t.account_name)
                       order by a.id limit 1) by_name on true`.execute(db);
  await sql`analyze import_order_totals`.execute(db);

  await sql`create temp table import_existing_orders on commit drop as
    select o.id, o.number, (o.account_id, o.ordered_at, o.total_cents, o.item_count, o.kind) is distinct from (s.account_id, s.ordered_at, s.total_cents, s.item_count, s.kind) as header_changed
    from orders o join import_order_totals s on o.number = s.number`.execute(db);
  const existing = await count(db, sql<{ n: number }>`select count(*)::int as n from import_existing_orders`);
  if (existing > 0) {
    await auditedUpsert(db, {
      entity: 'order', table: 'orders', alias: 'o', columns: ['account_id', 'ordered_at', 'total_cents', 'item_count', 'kind'],
      staged: (c) => `s.${c}`, actorId: options.actorId,
      from: sql`import_order_totals s join import_existing_orders e on e.number = s.number`, match: sql`o.id = e.id`,
    });
  }

  await sql`create temp table import_new_orders (id bigint, number text) on commit drop`.execute(db);
  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into orders (account_id, number, ordered_at, status, total_cents, item_count, kind)
      select s.account_id, s.number, s.ordered_at, 'invoiced', s.total_cents, s.item_count, s.kind from import_order_totals s
      where not exists (select 1 from import_existing_orders e where e.number = s.number) order by s.number
      returning id, number
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'order', id::text from created
    ), kept as (
      insert into import_new_orders (id, number) select id, number from created
    ) select count(*)::int as n from created`);
  await sql`analyze import_new_orders`.execute(db);

  // New orders take their lines as they are: nothing to compare them with. Their orders were
  // created by this transaction, and the products they name are locked here against deletion
  // as the checks would lock them, once each rather than once per line.
  await sql`select count(*) from (select 1 from products where sku in (select sku from staging_order_lines where run_id = ${runId}) for key share) locked`.execute(db);
  await withoutRowChecks(db, async () => {
    await sql`insert into order_lines (${sql.raw(LINE_COLUMNS)})
      select n.id, (row_number() over (partition by s.order_number order by s.row_no))::int, p.id,
        s.description, s.quantity, s.unit_price_cents, s.unit_price_exact, s.discount_bp, s.total_cents
      from staging_order_lines s join import_new_orders n on n.number = s.order_number left join products p on p.sku = s.sku
      where s.run_id = ${runId}`.execute(db);
  });

  let linesChanged = 0;
  if (existing > 0) {
    await sql`create temp table import_lines on commit drop as
      select e.id as order_id, (row_number() over (partition by s.order_number order by s.row_no))::int as line_no, p.id as product_id,
        s.description, s.quantity, s.unit_price_cents, s.unit_price_exact, s.discount_bp, s.total_cents
      from staging_order_lines s join import_existing_orders e on e.number = s.order_number left join products p on p.sku = s.sku
      where s.run_id = ${runId}`.execute(db);
    await sql`create temp table import_changed_orders on commit drop as
      select distinct order_id from (
        (select ${sql.raw(LINE_COLUMNS)} from import_lines
          except select ${sql.raw(LINE_COLUMNS)} from order_lines where order_id in (select id from import_existing_orders))
        union all
        (select ${sql.raw(LINE_COLUMNS)} from order_lines where order_id in (select id from import_existing_orders)
          except select ${sql.raw(LINE_COLUMNS)} from import_lines)
      ) d`.execute(db);
    await sql`delete from order_lines where order_id in (select order_id from import_changed_orders)`.execute(db);
    await sql`insert into order_lines (${sql.raw(LINE_COLUMNS)})
      select ${sql.raw(LINE_COLUMNS)} from import_lines where order_id in (select order_id from import_changed_orders)
      order by order_id, line_no`.execute(db);
    // An existing order counts as updated once, whether its header, its lines or both changed.
    linesChanged = await count(db, sql<{ n: number }>`select count(*)::int as n from import_existing_orders e
      where e.header_changed or e.id in (select order_id from import_changed_orders)`);
  }
  await applyCurrencies(db, STAGED, runId, base, options.fields.includes('currency'));
  // After the lines: a credit note may cancel an invoice this same import created.
  await linkCreditNotes(db, sql`select number, cancels_number from import_order_totals where cancels_number is not null`);
  const facts = await orderFacts(db, sql`select number, cancels_number from import_order_totals`, options.walkIn?.externalId, accountsCreated);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from import_order_totals`);
  return { inserted, updated: linesChanged, unchanged: total - inserted - linesChanged, rejected, facts };
}
