import { sql, type Selectable } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import type { OrderChannel, OrderStatus } from '../../domain/customer-file.js';
import { formatRate } from '../../domain/exchange-rate.js';
import { formatMoney } from '../../domain/money.js';
import type { PricedLine } from '../../domain/order-totals.js';
import type { Order, OrderListQuery, OrderLine } from '../../domain/schemas/order.js';
import { normalizeForSearch } from '../../domain/search-text.js';
import type { OrderLinesTable, OrdersTable } from '../schema.js';
import { type Executor, isoRequired } from '../executor.js';
import { afterCursor, containsPattern, type Page, parseSort, toPage } from '../keyset.js';
import { foldedSql } from '../search-sql.js';
import { inAccountScope } from './scoped.js';

const SORT_COLUMNS = { orderedAt: 'ordered_at', total: 'total_cents', number: 'number' };

export interface OrderHeader {
  accountId: number;
  number: string;
  orderedAt: Date;
  channel: OrderChannel | null;
  status: OrderStatus;
  totalCents: number;
  itemCount: number;
  /** The order's own currency and the rate converting it (null: the organisation's currency). */
  currency?: string | null;
  exchangeRate?: string | null;
  rateDate?: string | null;
}

const toLine = (row: Selectable<OrderLinesTable>): OrderLine => ({
  lineNo: row.line_no,
  productId: row.product_id,
  description: row.description,
  quantity: row.quantity,
  unitPrice: formatMoney(row.unit_price_cents),
  discountPercent: row.discount_bp / 100,
  total: formatMoney(row.total_cents),
});

const toOrder = (row: Selectable<OrdersTable>, lines: OrderLine[]): Order => ({
  id: row.id,
  accountId: row.account_id,
  number: row.number,
  orderedAt: isoRequired(row.ordered_at),
  channel: row.channel,
  status: row.status,
  kind: row.kind,
  cancelsOrderId: row.cancels_order_id === null ? null : Number(row.cancels_order_id),
  total: formatMoney(row.total_cents),
  itemCount: row.item_count,
  lines,
  currency: row.currency,
  baseTotal: formatMoney(Number(row.base_total_cents)),
  exchangeRate: row.exchange_rate === null ? null : formatRate(String(row.exchange_rate)),
  rateDate: row.rate_day === null ? null : String(row.rate_day),
  createdAt: isoRequired(row.created_at),
  updatedAt: isoRequired(row.updated_at),
});

export function ordersRepository(db: Executor) {
  const scoped = (scope: AccountScope) => {
    const condition = inAccountScope('orders', scope);
    const q = db.selectFrom('orders').selectAll();
    return condition ? q.where(condition) : q;
  };

  async function withLines(rows: Selectable<OrdersTable>[]): Promise<Map<number, OrderLine[]>> {
    const byOrder = new Map<number, OrderLine[]>();
    if (rows.length === 0) return byOrder;
    const lines = await db.selectFrom('order_lines').selectAll()
      .where('order_id', 'in', rows.map((r) => r.id)).orderBy('order_id').orderBy('line_no').execute();
    for (const line of lines) {
      const list = byOrder.get(line.order_id) ?? [];
      list.push(toLine(line));
      byOrder.set(line.order_id, list);
    }
    return byOrder;
  }

  return {
    async get(id: number, scope: AccountScope = {}): Promise<Order | undefined> {
      const row = await scoped(scope).where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const lines = await withLines([row]);
      return toOrder(row, lines.get(row.id) ?? []);
    },

    async getByNumber(number: string): Promise<Order | undefined> {
      const row = await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
      if (!row) return undefined;
      const lines = await withLines([row]);
      return toOrder(row, lines.get(row.id) ?? []);
    },

    async list(query: OrderListQuery, scope: AccountScope = {}): Promise<Page<Order>> {
      const limit = query.limit ?? 50;
      const sort = parseSort(query.sort, SORT_COLUMNS, '-orderedAt');
      let q = scoped(scope);
      if (query.accountId) q = q.where('account_id', '=', query.accountId);
      if (query.status) q = q.where('status', '=', query.status);
      if (query.orderedFrom) q = q.where('ordered_at', '>=', new Date(query.orderedFrom));
      if (query.orderedTo) q = q.where('ordered_at', '<', new Date(query.orderedTo));
      if (query.createdFrom) q = q.where('created_at', '>=', new Date(query.createdFrom));
      if (query.createdTo) q = q.where('created_at', '<', new Date(query.createdTo));
      if (query.updatedFrom) q = q.where('updated_at', '>=', new Date(query.updatedFrom));
      if (query.updatedTo) q = q.where('updated_at', '<', new Date(query.updatedTo));
      const term = query.q ? normalizeForSearch(query.q) : '';
      if (term) q = q.where(sql<boolean>`${foldedSql(sql`number`)} like ${containsPattern(term)}`);
      if (query.cursor) {
        const cursor = query.cursor;
        q = q.where((eb) => afterCursor(eb, 'orders', sort, cursor));
      }
      const rows = await q.orderBy(sql.ref(sort.column), sort.direction).orderBy('id', sort.direction).limit(limit + 1).execute();
      const lines = await withLines(rows.slice(0, limit));
      return toPage(rows, limit, sort, (row) => toOrder(row, lines.get(row.id) ?? []));
    },

    async insert(header: OrderHeader): Promise<number> {
      const row = await db.insertInto('orders').values({
        account_id: header.accountId,
        number: header.number,
        ordered_at: header.orderedAt,
        channel: header.channel,
        status: header.status,
        total_cents: header.totalCents,
        item_count: header.itemCount,
        currency: header.currency ?? null,
        exchange_rate: header.exchangeRate ?? null,
        rate_day: header.rateDate ?? null,
      }).returning('id').executeTakeFirstOrThrow();
      return row.id;
    },

    async update(id: number, header: Partial<OrderHeader>, at: Date = new Date()): Promise<boolean> {
      const result = await db.updateTable('orders').set({
        ...(header.accountId !== undefined && { account_id: header.accountId }),
        ...(header.number !== undefined && { number: header.number }),
        ...(header.orderedAt !== undefined && { ordered_at: header.orderedAt }),
        ...(header.channel !== undefined && { channel: header.channel }),
        ...(header.status !== undefined && { status: header.status }),
        ...(header.totalCents !== undefined && { total_cents: header.totalCents }),
        ...(header.itemCount !== undefined && { item_count: header.itemCount }),
        ...(header.currency !== undefined && { currency: header.currency }),
        ...(header.exchangeRate !== undefined && { exchange_rate: header.exchangeRate }),
        ...(header.rateDate !== undefined && { rate_day: header.rateDate }),
        updated_at: at,
      }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Replaces every line of the order; the caller updates the header's total in the same transaction. */
    async replaceLines(orderId: number, lines: readonly PricedLine[]): Promise<void> {
      await db.deleteFrom('order_lines').where('order_id', '=', orderId).execute();
      if (lines.length === 0) return;
      // The lines as one JSON parameter rather than eight parameters a line: 1,000 lines bound
      // 8,000, and on PGlite, which runs on the server's thread, that insert took a third longer
      // while every other request waited (bench/large-write-stall.ts).
      const rows = lines.map((line) => [line.lineNo, line.productId, line.description, line.quantity, line.unitPriceCents, line.discountBasisPoints, line.totalCents]);
      await sql`insert into order_lines (order_id, line_no, product_id, description, quantity, unit_price_cents, discount_bp, total_cents)
        select ${orderId}, (l->>0)::integer, (l->>1)::bigint, l->>2, (l->>3)::integer, (l->>4)::bigint, (l->>5)::integer, (l->>6)::bigint
        from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) l`.execute(db);
    },

    async hasLines(orderId: number): Promise<boolean> {
      const row = await db.selectFrom('order_lines').select('id').where('order_id', '=', orderId).limit(1).executeTakeFirst();
      return !!row;
    },

    async delete(id: number): Promise<boolean> {
      const result = await db.deleteFrom('orders').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
