import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { priceLines } from '../../src/domain/order-totals.js';
import type { OrderHeader } from '../../src/store/repositories/orders.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser, uniqueNumber } from '../support/store-records.js';

describe.each(ENGINES)('orders store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const header = (accountId: number, extra: Partial<OrderHeader> = {}): OrderHeader => ({
    accountId, number: uniqueNumber(), orderedAt: new Date('2024-06-01T10:00:00Z'), channel: 'web', status: 'confirmed', totalCents: 0, itemCount: 0, ...extra,
  });

  async function saveOrder(accountId: number, lines: Parameters<typeof priceLines>[0], extra: Partial<OrderHeader> = {}) {
    const priced = priceLines(lines);
    return store.transaction(async (tx) => {
      const id = await tx.orders.insert(header(accountId, { totalCents: priced.totalCents, itemCount: priced.itemCount, ...extra }));
      await tx.orders.replaceLines(id, priced.lines);
      return id;
    });
  }

  it('round-trips lines and totals to the cent, including ones binary floats get wrong', async () => {
    const account = await addAccount(store);
    const id = await saveOrder(account.id, [
      { quantity: 3, unitPrice: '0.10', description: 'Three dimes' },
      { quantity: 1, unitPrice: '19.99', discountPercent: 15 },
      { quantity: 7, unitPrice: '0.07', discountPercent: 12.5 },
      { quantity: -1, unitPrice: '5.05', description: 'Returned' },
    ]);
    const order = await store.orders.get(id);
    expect(order?.lines).toEqual([
      { lineNo: 1, productId: null, description: 'Three dimes', quantity: 3, unitPrice: '0.10', discountPercent: 0, total: '0.30' },
      { lineNo: 2, productId: null, description: null, quantity: 1, unitPrice: '19.99', discountPercent: 15, total: '16.99' },
      { lineNo: 3, productId: null, description: null, quantity: 7, unitPrice: '0.07', discountPercent: 12.5, total: '0.43' },
      { lineNo: 4, productId: null, description: 'Returned', quantity: -1, unitPrice: '5.05', discountPercent: 0, total: '-5.05' },
    ]);
    expect(order).toMatchObject({ total: '12.67', itemCount: 10, channel: 'web', status: 'confirmed', accountId: account.id });
  });

  it('stores each line\'s text and product exactly, whatever characters the text holds', async () => {
    const account = await addAccount(store);
    const product = await store.products.insert({ sku: `SKU-${uniqueNumber()}`, name: 'Widget', listPrice: '1.00' });
    const texts = ['He said "no", then {left}', 'C:\\path\\to, [a] \'b\'', 'Crème brûlée 🍮 — 50% off', '{"json": [1, null]}', 'null'];
    const id = await saveOrder(account.id, texts.map((description, k) => ({ quantity: k + 1, unitPrice: '1.00', description, ...(k === 0 && { productId: product.id }) })));
    const lines = (await store.orders.get(id))!.lines;
    expect(lines.map((l) => l.description)).toEqual(texts);
    expect(lines.map((l) => l.productId)).toEqual([product.id, null, null, null, null]);
    expect(lines.map((l) => l.quantity)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps amounts beyond 32 bits exact and returns cents as integers, never floats or strings', async () => {
    const account = await addAccount(store);
    const id = await saveOrder(account.id, [{ quantity: 1, unitPrice: '9999999999999.99' }, { quantity: 2, unitPrice: '0.01' }]);
    expect((await store.orders.get(id))?.total).toBe('10000000000000.01');
    const raw = await store.connection.db.selectFrom('orders').select(['total_cents', 'item_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(raw.total_cents).toBe(1_000_000_000_000_001);
    expect(Number.isSafeInteger(raw.total_cents)).toBe(true);
    const lines = await store.connection.db.selectFrom('order_lines').select(['unit_price_cents', 'total_cents']).where('order_id', '=', id).orderBy('line_no').execute();
    expect(lines).toEqual([{ unit_price_cents: 999_999_999_999_999, total_cents: 999_999_999_999_999 }, { unit_price_cents: 1, total_cents: 2 }]);
    // 566 × 2,786,608,743.28 less 4.4 % is 1,507,822,844,553.8312: the intermediate product is
    // beyond 2^53, where float arithmetic would round the last cent up.
    const discounted = await saveOrder(account.id, [{ quantity: 566, unitPrice: '2786608743.28', discountPercent: 4.4 }]);
    expect((await store.orders.get(discounted))?.total).toBe('1507822844553.83');
  });

  it('replaces every line and keeps an order without lines at its given total', async () => {
    const account = await addAccount(store);
    const id = await saveOrder(account.id, [{ quantity: 1, unitPrice: '1.00' }, { quantity: 1, unitPrice: '2.00' }]);
    const priced = priceLines([{ quantity: 4, unitPrice: '2.50' }]);
    await store.transaction(async (tx) => {
      await tx.orders.replaceLines(id, priced.lines);
      await tx.orders.update(id, { totalCents: priced.totalCents, itemCount: priced.itemCount, status: 'shipped' }, new Date('2024-07-01T00:00:00Z'));
    });
    expect(await store.orders.get(id)).toMatchObject({
      total: '10.00', itemCount: 4, status: 'shipped', updatedAt: '2024-07-01T00:00:00.000Z',
      lines: [{ lineNo: 1, quantity: 4, unitPrice: '2.50', total: '10.00' }],
    });
    expect(await store.orders.hasLines(id)).toBe(true);

    const headerOnly = await store.orders.insert(header(account.id, { totalCents: 123_456, itemCount: 3 }));
    expect(await store.orders.hasLines(headerOnly)).toBe(false);
    expect(await store.orders.get(headerOnly)).toMatchObject({ total: '1234.56', itemCount: 3, lines: [] });
  });

  it('finds an order by number and refuses a duplicate number', async () => {
    const account = await addAccount(store);
    const number = uniqueNumber('NUM');
    const id = await store.orders.insert(header(account.id, { number }));
    expect((await store.orders.getByNumber(number))?.id).toBe(id);
    expect(await store.orders.getByNumber('no-such-number')).toBeUndefined();
    await expect(store.orders.insert(header(account.id, { number }))).rejects.toMatchObject({ code: '23505' });
  });

  it('sorts by total and by date and pages with cursors through equal totals', async () => {
    const account = await addAccount(store);
    const totals = [500, 100, 500, 300, 500, 100];
    const ids = [];
    for (const [i, totalCents] of totals.entries()) {
      ids.push(await store.orders.insert(header(account.id, { totalCents, orderedAt: new Date(Date.UTC(2024, 0, 1 + i)) })));
    }
    const walk = async (sort: 'total' | '-total' | 'orderedAt' | '-orderedAt') => {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.orders.list({ accountId: account.id, sort, limit: 2, cursor });
        seen.push(...page.items.map((o) => o.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return seen;
    };
    const byTotal = ids.map((id, i) => ({ id, total: totals[i]! })).sort((a, b) => a.total - b.total || a.id - b.id).map((o) => o.id);
    expect(await walk('total')).toEqual(byTotal);
    expect(await walk('-total')).toEqual([...byTotal].reverse());
    expect(await walk('-orderedAt')).toEqual([...ids].reverse());
    expect(await walk('orderedAt')).toEqual(ids);
    const january3to5 = await store.orders.list({ accountId: account.id, orderedFrom: '2024-01-03', orderedTo: '2024-01-06T00:00:00Z', sort: 'orderedAt' });
    expect(january3to5.items.map((o) => o.id)).toEqual(ids.slice(2, 5));
  });

  it('hides orders of accounts outside the scope', async () => {
    const mine = await addUser(store, 'rep');
    const own = await addAccount(store, { ownerId: mine.id });
    const other = await addAccount(store);
    const visible = await store.orders.insert(header(own.id));
    const hidden = await store.orders.insert(header(other.id));
    const scope = { ownerId: mine.id };
    expect((await store.orders.get(visible, scope))?.id).toBe(visible);
    expect(await store.orders.get(hidden, scope)).toBeUndefined();
    expect((await store.orders.list({ limit: 500 }, scope)).items.map((o) => o.id)).toEqual([visible]);
  });

  it('deletes an order with its lines', async () => {
    const account = await addAccount(store);
    const id = await saveOrder(account.id, [{ quantity: 1, unitPrice: '1.00' }]);
    expect(await store.orders.delete(id)).toBe(true);
    expect(await store.orders.get(id)).toBeUndefined();
    const lines = await store.connection.db.selectFrom('order_lines').select('id').where('order_id', '=', id).execute();
    expect(lines).toEqual([]);
    expect(await store.orders.delete(id)).toBe(false);
  });
});
