import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistories } from '../../src/analytics/portfolio/summarize.js';
import { cents } from '../../src/domain/money.js';
import type { OrderStatus } from '../../src/domain/customer-file.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, uniqueNumber } from '../support/store-records.js';

const PURCHASES: ReadonlySet<OrderStatus> = new Set(['confirmed', 'shipped', 'invoiced']);

describe.each(ENGINES)('purchase histories on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const order = (accountId: number, orderedAt: string, totalCents: number, status: OrderStatus = 'confirmed') =>
    store.orders.insert({ accountId, number: uniqueNumber(), orderedAt: new Date(orderedAt), channel: 'web', status, totalCents, itemCount: 1 });

  it('merges same-day orders into one purchase day and leaves out drafts and cancelled orders', async () => {
    const account = await addAccount(store);
    await order(account.id, '2025-03-01T09:00:00Z', 1000);
    await order(account.id, '2025-03-01T23:59:00Z', 250);
    await order(account.id, '2025-03-11T12:00:00Z', 500, 'invoiced');
    await order(account.id, '2025-03-12T12:00:00Z', 9999, 'draft');
    await order(account.id, '2025-03-13T12:00:00Z', 9999, 'cancelled');
    expect((await store.purchaseHistories.get(account.id)).days).toEqual([
      { day: '2025-03-01', orders: 2, revenue: 1250 },
      { day: '2025-03-11', orders: 1, revenue: 500 },
    ]);
    expect(await store.purchaseHistories.summary(account.id)).toEqual({
      accountId: account.id, orderCount: 3, revenueCents: 1750, firstPurchase: '2025-03-01', lastPurchase: '2025-03-11',
      meanGapDays: 10, medianGapDays: 10,
    });
  });

  it('follows an order that is cancelled, re-dated, moved to another account or deleted', async () => {
    const [a, b] = [await addAccount(store), await addAccount(store)];
    const first = await order(a.id, '2025-01-01T10:00:00Z', 100);
    const second = await order(a.id, '2025-02-01T10:00:00Z', 200);
    await store.orders.update(first, { status: 'cancelled' });
    expect((await store.purchaseHistories.get(a.id)).days).toEqual([{ day: '2025-02-01', orders: 1, revenue: 200 }]);
    await store.orders.update(second, { orderedAt: new Date('2025-02-05T10:00:00Z') });
    expect((await store.purchaseHistories.get(a.id)).days.map((d) => d.day)).toEqual(['2025-02-05']);
    await store.orders.update(second, { accountId: b.id });
    expect((await store.purchaseHistories.get(a.id)).days).toEqual([]);
    expect(await store.purchaseHistories.summary(a.id)).toBeUndefined();
    expect((await store.purchaseHistories.get(b.id)).days).toEqual([{ day: '2025-02-05', orders: 1, revenue: 200 }]);
    await store.orders.delete(second);
    expect(await store.purchaseHistories.summary(b.id)).toBeUndefined();
  });

  it('keeps the same rows incrementally as a from-scratch rebuild and as the pure summariser, whatever the writes', async () => {
    const accounts = [await addAccount(store), await addAccount(store), await addAccount(store)];
    const ids = accounts.map((a) => a.id);
    const write = fc.oneof(
      fc.record({ kind: fc.constant('insert' as const), account: fc.nat(2), day: fc.integer({ min: 0, max: 60 }), total: fc.integer({ min: -500, max: 5000 }), status: fc.constantFrom<OrderStatus>('confirmed', 'invoiced', 'draft', 'cancelled') }),
      fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), account: fc.nat(2), day: fc.integer({ min: 0, max: 60 }), status: fc.constantFrom<OrderStatus>('shipped', 'cancelled', 'returned') }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
      // One statement with several orders, as imports and merges write them.
      fc.record({ kind: fc.constant('batch' as const), orders: fc.array(fc.record({ account: fc.nat(2), day: fc.integer({ min: 0, max: 60 }), total: fc.integer({ min: -500, max: 5000 }), status: fc.constantFrom<OrderStatus>('confirmed', 'shipped', 'draft') }), { minLength: 1, maxLength: 6 }) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (writes) => {
      await store.connection.db.deleteFrom('orders').where('account_id', 'in', ids).execute();
      const live: number[] = [];
      const dayOf = (n: number) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000 + 3_600_000).toISOString();
      for (const w of writes) {
        if (w.kind === 'insert') live.push(await order(ids[w.account]!, dayOf(w.day), w.total, w.status));
        else if (w.kind === 'batch') {
          const rows = await store.connection.db.insertInto('orders').values(w.orders.map((o) => ({
            account_id: ids[o.account]!, number: uniqueNumber(), ordered_at: new Date(dayOf(o.day)), channel: 'web', status: o.status, total_cents: o.total, item_count: 1,
          }))).returning('id').execute();
          live.push(...rows.map((r) => Number(r.id)));
        }
        else if (live.length && w.kind === 'update') await store.orders.update(live[w.pick % live.length]!, { accountId: ids[w.account]!, orderedAt: new Date(dayOf(w.day)), status: w.status });
        else if (live.length) await store.orders.delete(live.splice(w.pick % live.length, 1)[0]!);
      }
      const incremental = await store.purchaseHistories.list(ids);
      const orders = await store.connection.db.selectFrom('orders').select(['account_id', 'ordered_at', 'total_cents', 'status'])
        .where('account_id', 'in', ids).execute();
      const expected = [...buildHistories(orders.filter((o) => PURCHASES.has(o.status)).map((o) => ({
        accountId: Number(o.account_id), orderedAt: o.ordered_at.toISOString(), total: cents(Number(o.total_cents)),
      }))).values()].sort((x, y) => x.accountId - y.accountId);
      expect(incremental).toEqual(expected);
      await store.purchaseHistories.rebuild();
      expect(await store.purchaseHistories.list(ids)).toEqual(incremental);
    }), { numRuns: 15 });
  });
});
