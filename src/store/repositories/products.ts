import { sql, type Selectable } from 'kysely';
import { formatMoney, parseMoney } from '../../domain/money.js';
import type { Product, ProductCreate, ProductListQuery, ProductPatch } from '../../domain/schemas/product.js';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { ProductsTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';
import { foldedSql } from '../search-sql.js';
import { type ColumnMap, insertRow, toColumns } from './scoped.js';

const COLUMNS: ColumnMap<'products', ProductPatch> = { sku: 'sku', name: 'name', category: 'category', active: 'active' };
const SORT_COLUMNS = { name: 'name', sku: 'sku', createdAt: 'created_at', updatedAt: 'updated_at' };

export const toProduct = (row: Selectable<ProductsTable>): Product => ({
  id: row.id,
  sku: row.sku,
  name: row.name,
  category: row.category,
  listPrice: formatMoney(row.list_price_cents),
  active: row.active,
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

function values(input: ProductPatch) {
  const out = toColumns('products', input, COLUMNS);
  if (input.listPrice !== undefined) out.list_price_cents = parseMoney(input.listPrice);
  return out;
}

export function productsRepository(db: Executor) {
  return {
    async get(id: number): Promise<Product | undefined> {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProduct(row);
    },

    async list(query: ProductListQuery): Promise<Page<Product>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, 'name');
      let q = db.selectFrom('products').selectAll();
      if (query.category) q = q.where('category', '=', query.category);
      if (query.active !== undefined) q = q.where('active', '=', query.active);
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      if (term) {
        const pattern = containsPattern(term);
        q = q.where((eb) => eb.or([sql<boolean>`${foldedSql(sql`name`)} like ${pattern}`, sql<boolean>`${foldedSql(sql`sku`)} like ${pattern}`]));
      }
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'products', sort, cursor));
      }
      const rows = await q.orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
      return toPage(rows, limit, sort, toProduct);
    },

    async insert(input: ProductCreate): Promise<Product> {
      const row = await db.insertInto('products').values(insertRow('products', values(input))).returningAll().executeTakeFirstOrThrow();
      return toProduct(row);
    },

    async update(id: number, patch: ProductPatch, at: Date = new Date()): Promise<Product | undefined> {
      const row = await db.updateTable('products').set({ ...values(patch), updated_at: at })
        .where('id', '=', id).returningAll().executeTakeFirst();
      return row && toProduct(row);
    },

    async isReferenced(id: number): Promise<boolean> {
      const row = await db.selectFrom('order_lines').select('id').where('product_id', '=', id).limit(1).executeTakeFirst();
      return !!row;
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('products').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
