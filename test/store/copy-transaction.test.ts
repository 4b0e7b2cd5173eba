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

  it('loads every row of a load larger than PGlite takes at once, chunks larger than that included', async () => {
    const line = (i: number) => `"BIG-${i}","Product ${i} ${'é'.repeat(40)}",${i}\n`;
    const rows = 60_000;
    // 6.5 MB in chunks of a thousand lines, then one chunk of 5.5 MB, more than PGlite takes at once.
    function* chunks() {
      for (let i = 0; i < rows; i += 1000) yield Array.from({ length: 1000 }, (_, k) => line(i + k)).join('');
      yield Array.from({ length: 50_000 }, (_, k) => line(rows + k)).join('');
    }
    await t.store.connection.copyTransaction((session) => session.copyCsv('products', ['sku', 'name', 'list_price_cents'], chunks()));
    const { rows: found } = await sql<{ n: number; sum: string; names: number }>`select count(*)::int as n, sum(list_price_cents)::text as sum,
        count(*) filter (where name = 'Product ' || substr(sku, 5) || ' ' || repeat('é', 40))::int as names
      from products where sku like 'BIG-%'`.execute(t.store.connection.db);
    const total = rows + 50_000;
    expect(found[0]).toEqual({ n: total, sum: String((total * (total - 1)) / 2), names: total });
  });
});
