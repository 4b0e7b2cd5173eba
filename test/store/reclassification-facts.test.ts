// What placing accounts again after an order reads, in one query: it must give what the three
// separate readers give, and nothing before the first run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addOrder } from '../support/store-records.js';

describe.each(ENGINES)('the facts of a reclassification on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const insertRun = (asOf: string) => store.analysisRuns.insertRun({
    kind: 'run', asOf, settings: {}, portfolio: {}, model: null, accountCount: 0, durationMs: 0, createdBy: null, newestPurchase: null,
  });

  it('gives the latest run, the accounts and their purchase days as the separate readers do', async () => {
    const buyer = await addAccount(store, { segment: 'retail', size: 'small', status: 'customer', country: 'FR' });
    const prospect = await addAccount(store, { status: 'prospect', hasInterest: true });
    await addOrder(store, buyer.id, '2025-03-01T09:00:00Z', 1000);
    await addOrder(store, buyer.id, '2025-03-01T18:00:00Z', 250);
    await addOrder(store, buyer.id, '2025-04-11T12:00:00Z', 9999);

    expect(await store.analysisFacts.reclassification([buyer.id, prospect.id])).toEqual({ run: undefined, accounts: [], histories: [] });

    await insertRun('2025-05-01');
    const newest = await insertRun('2025-06-01');
    const ids = [prospect.id, buyer.id, 987_654_321];
    const read = await store.analysisFacts.reclassification(ids);
    const latest = (await store.analysisRuns.latest())!;
    expect(latest.id).toBe(newest);
    expect(read.run).toEqual({ id: latest.id, asOf: latest.asOf, createdAt: latest.createdAt });
    expect(read.accounts).toEqual(await store.analysisFacts.accounts(ids));
    expect(read.histories).toEqual(await store.purchaseHistories.list(ids));
    expect(read.histories.map((h) => h.days.length)).toEqual([2]);
  });

  it('gives the latest run even when none of the accounts exists', async () => {
    const read = await store.analysisFacts.reclassification([987_654_321]);
    expect(read.run?.id).toBe((await store.analysisRuns.latest())!.id);
    expect(read.accounts).toEqual([]);
  });
});
