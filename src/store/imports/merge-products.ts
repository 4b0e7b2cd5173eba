// Staged products → the catalogue, upserted by SKU.
import { sql } from 'kysely';
import type { Executor } from '../executor.js';
import { collectProblems, count, type MergeOptions, type MergeResult } from './merge-result.js';
import { auditedUpsert } from './upsert.js';

const FIELD_COLUMNS: Record<string, string> = { name: 'name', category: 'category', listPrice: 'list_price_cents' };

export async function mergeProducts(db: Executor, options: MergeOptions): Promise<MergeResult> {
  const { runId } = options;
  const rejected = await collectProblems(db, 'staging_products', runId, [
    sql`select row_no, 'sku' as column, sku as value, 'SKU ' || sku || ' already appears at row ' || first_row || ' of this file' as reason
        from (select row_no, sku, first_value(row_no) over (partition by sku order by row_no) as first_row
              from staging_products where run_id = ${runId}) d where row_no <> first_row`,
  ], options.skipInvalid);
  if (rejected.length && !options.skipInvalid) return { inserted: 0, updated: 0, unchanged: 0, rejected };

  const columns = options.fields.map((f) => FIELD_COLUMNS[f]).filter((c): c is string => !!c);
  const updated = await auditedUpsert(db, {
    entity: 'product', table: 'products', alias: 'p', columns, staged: (c) => `s.${c}`, actorId: options.actorId,
    from: sql`staging_products s`, match: sql`s.run_id = ${runId} and p.sku = s.sku`,
  });
  const inserted = await count(db, sql<{ n: number }>`with created as (
      insert into products (sku, name, category, list_price_cents)
      select s.sku, s.name, s.category, s.list_price_cents from staging_products s
      where s.run_id = ${runId} and not exists (select 1 from products p where p.sku = s.sku) order by s.row_no
      returning id
    ), audit as (
      insert into audit_log (user_id, action, entity, entity_id) select ${options.actorId}, 'import_create', 'product', id::text from created
    ) select count(*)::int as n from created`);
  const total = await count(db, sql<{ n: number }>`select count(*)::int as n from staging_products where run_id = ${runId}`);
  return { inserted, updated, unchanged: total - inserted - updated, rejected };
}
