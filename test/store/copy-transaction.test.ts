import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

describe.each(ENGINES)('bulk-load transactions on %s', (engine) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(engine); });
  afterAll(async () => { await t?.dispose(); });

  it('keep queries of other callers out of the transaction while it runs', async () => {
    let release!: () => void;
    const holding = new Promise<void>((resolve) => { release = resolve; });
    let started!: () => void;
    const inside = new Promise<void>((resolve) => { started = resolve; });
    const load = t.store.connection.copyTransaction(async (session) => {
      await session.copyCsv('products', ['sku', 'name', 'list_price_cents'], ['"TX-1","Inside",100\n']);
      started();
      await holding;
      throw new Error('roll back');
    });
    await inside;
    // Another caller writes while the load is open; its row must survive the load's rollback.
    const outside = t.store.products.insert({ sku: 'OUT-1', name: 'Outside', listPrice: '1.00' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(load).rejects.toThrow('roll back');
    await outside;
    const { rows } = await sql<{ sku: string }>`select sku from products order by sku`.execute(t.store.connection.db);
    expect(rows.map((r) => r.sku)).toEqual(['OUT-1']);
  });
});
