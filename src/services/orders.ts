import { changedFields } from '../domain/changes.js';
import { ClienteleError, notFound } from '../domain/errors.js';
import { parseMoney } from '../domain/money.js';
import { priceLines } from '../domain/order-totals.js';
import type { Order, OrderCreate, OrderLineInput, OrderListQuery, OrderPatch } from '../domain/schemas/order.js';
import type { Store } from '../store/store.js';
import { type Context, requireVisibleAccount, scopeOf } from './context.js';
import { uniqueViolation } from './store-errors.js';
import { reclassifyAccounts } from './analysis/reclassify.js';
import { conversionOf } from './exchange-rates.js';

const IGNORED = ['id', 'createdAt', 'updatedAt'];
const UNIQUE = { number: ['number', 'Another order already has this number.'] as [string, string] };

async function checkProducts(store: Store, lines: readonly OrderLineInput[]): Promise<void> {
  for (const [index, line] of lines.entries()) {
    if (line.productId && !(await store.products.get(line.productId))) {
      throw new ClienteleError('invalid', `Product ${line.productId} does not exist.`, `lines.${index}.productId`);
    }
  }
}

/** Lines decide the total; without lines a total may be given (order-level history from an ERP). */
function totals(input: { lines?: OrderLineInput[]; total?: string; itemCount?: number }) {
  if (input.lines && input.lines.length > 0) {
    if (input.total !== undefined) throw new ClienteleError('bad_request', 'An order with lines gets its total from them; leave "total" out.', 'total');
    try {
      return priceLines(input.lines);
    } catch (error) {
      // Amounts past 2^53 cents cannot be kept to the cent; such an order is a typing mistake.
      if (error instanceof RangeError) throw new ClienteleError('invalid', 'The lines add up to more than can be kept to the cent; check the quantities and prices.', 'lines', { cause: error });
      throw error;
    }
  }
  return { lines: [], totalCents: input.total !== undefined ? parseMoney(input.total) : 0, itemCount: input.itemCount ?? 0 };
}

export const orders = {
  async get(ctx: Context, id: number): Promise<Order> {
    const order = await ctx.store.orders.get(id, await scopeOf(ctx));
    if (!order) throw notFound('Order', id);
    return order;
  },

  list: async (ctx: Context, query: OrderListQuery) => ctx.store.orders.list(query, await scopeOf(ctx)),

  async create(ctx: Context, input: OrderCreate): Promise<Order> {
    await requireVisibleAccount(ctx, input.accountId);
    await checkProducts(ctx.store, input.lines ?? []);
    const priced = totals(input);
    const conversion = await conversionOf(ctx.store, input.currency, input.orderedAt);
    const order = await uniqueViolation(() => ctx.store.transaction(async (tx) => {
      const id = await tx.orders.insert({
        ...conversion,
        accountId: input.accountId,
        number: input.number,
        orderedAt: new Date(input.orderedAt),
        channel: input.channel ?? null,
        status: input.status ?? 'confirmed',
        totalCents: priced.totalCents,
        itemCount: priced.itemCount,
      });
      await tx.orders.replaceLines(id, priced.lines);
      const order = (await tx.orders.get(id))!;
      await tx.audit.record({ userId: ctx.actor.userId, action: 'create', entity: 'order', entityId: id, changes: changedFields(undefined, order, IGNORED) });
      return order;
    }), UNIQUE);
    await reclassifyAccounts(ctx.store, [order.accountId]);
    return order;
  },

  async update(ctx: Context, id: number, patch: OrderPatch): Promise<Order> {
    const scope = await scopeOf(ctx);
    if (patch.accountId !== undefined) await requireVisibleAccount(ctx, patch.accountId);
    await checkProducts(ctx.store, patch.lines ?? []);
    let previousAccount = 0;
    const order = await uniqueViolation(() => ctx.store.transaction(async (tx) => {
      const before = await tx.orders.get(id, scope);
      if (!before) throw notFound('Order', id);
      previousAccount = before.accountId;
      let money = {};
      if (patch.lines !== undefined || patch.total !== undefined || patch.itemCount !== undefined) {
        if (patch.lines === undefined && before.lines.length > 0) {
          throw new ClienteleError('bad_request', 'This order has lines; change the lines and the total follows.', patch.total !== undefined ? 'total' : 'itemCount');
        }
        // Without lines, the total and the item count are kept apart: changing one leaves the other.
        const priced = totals(patch.lines === undefined ? { total: before.total, itemCount: before.itemCount, ...patch } : patch);
        await tx.orders.replaceLines(id, priced.lines);
        money = { totalCents: priced.totalCents, itemCount: priced.itemCount };
      }
      // A new currency or day takes the rate of that currency on that day.
      const conversion = patch.currency !== undefined || (patch.orderedAt !== undefined && before.currency !== null)
        ? await conversionOf(tx, patch.currency === undefined ? before.currency : patch.currency, patch.orderedAt ?? before.orderedAt)
        : {};
      await tx.orders.update(id, {
        ...money,
        ...conversion,
        ...(patch.accountId !== undefined && { accountId: patch.accountId }),
        ...(patch.number !== undefined && { number: patch.number }),
        ...(patch.orderedAt !== undefined && { orderedAt: new Date(patch.orderedAt) }),
        ...(patch.channel !== undefined && { channel: patch.channel }),
        ...(patch.status !== undefined && { status: patch.status }),
      });
      const after = (await tx.orders.get(id))!;
      await tx.audit.record({ userId: ctx.actor.userId, action: 'update', entity: 'order', entityId: id, changes: changedFields(before, after, IGNORED) });
      return after;
    }), UNIQUE);
    await reclassifyAccounts(ctx.store, [previousAccount, order.accountId]);
    return order;
  },

  async remove(ctx: Context, id: number): Promise<void> {
    if (ctx.actor.role === 'rep') throw new ClienteleError('forbidden', 'Your role (rep) may not delete orders; cancel it instead.');
    const accountId = await ctx.store.transaction(async (tx) => {
      const before = await tx.orders.get(id);
      if (!before) throw notFound('Order', id);
      await tx.orders.delete(id);
      await tx.audit.record({ userId: ctx.actor.userId, action: 'delete', entity: 'order', entityId: id, changes: changedFields(before, undefined, IGNORED) });
      return before.accountId;
    });
    await reclassifyAccounts(ctx.store, [accountId]);
  },
};
