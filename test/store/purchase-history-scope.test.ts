// What the lifetime-value service reads from the purchase histories beyond the lead's suite:
// only the accounts in the actor's scope, and a version that moves with every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser, uniqueNumber } from '../support/store-records.js';

describe.each(ENGINES)('purchase histories for lifetime value on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const order = (accountId: number, orderedAt: string, totalCents: number) =>
    store.orders.insert({ accountId, number: uniqueNumber(), orderedAt: new Date(orderedAt), channel: 'web', status: 'invoiced', totalCents, itemCount: 1 });

  it('lists only the accounts a scope owns', async () => {
    const rep = await addUser(store, 'rep');
    const mine = await addAccount(store, { ownerId: rep.id });
    const theirs = await addAccount(store);
    await order(mine.id, '2025-01-02T10:00:00Z', 100);
    await order(theirs.id, '2025-01-03T10:00:00Z', 200);
    expect((await store.purchaseHistories.list(undefined, { ownerId: rep.id })).map((h) => h.accountId)).toEqual([mine.id]);
    expect((await store.purchaseHistories.list([mine.id, theirs.id], { ownerId: rep.id })).map((h) => h.accountId)).toEqual([mine.id]);
    expect((await store.purchaseHistories.list([mine.id, theirs.id])).map((h) => h.accountId)).toEqual([mine.id, theirs.id]);
  });

  it('changes its version with every new, changed or deleted purchase, and only then', async () => {
    const account = await addAccount(store);
    const versions = [await store.purchaseHistories.version()];
    const step = async (work: () => Promise<unknown>) => {
      await work();
      versions.push(await store.purchaseHistories.version());
    };
    const id = await order(account.id, '2025-02-01T10:00:00Z', 1000);
    versions.push(await store.purchaseHistories.version());
    await step(() => order(account.id, '2025-02-01T15:00:00Z', 500));
    await step(() => store.orders.update(id, { totalCents: 1200 }));
    await step(() => store.orders.update(id, { orderedAt: new Date('2025-02-03T10:00:00Z') }));
    await step(() => store.orders.delete(id));
    expect(new Set(versions).size).toBe(versions.length);
    // A draft is no purchase: nothing the models read has changed.
    const before = await store.purchaseHistories.version();
    await store.orders.insert({ accountId: account.id, number: uniqueNumber(), orderedAt: new Date('2025-02-05T10:00:00Z'), channel: 'web', status: 'draft', totalCents: 99, itemCount: 1 });
    expect(await store.purchaseHistories.version()).toBe(before);
  });
});
