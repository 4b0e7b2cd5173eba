import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPortfolioColumns } from '../../src/analytics/portfolio/portfolio-columns.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addOrder } from '../support/store-records.js';

describe.each(ENGINES)('the portfolio as columns on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('reads every account and its purchase days as the object readers give them', async () => {
    const buyer = await addAccount(store, { segment: 'retail', size: 'small', status: 'customer' });
    const gone = await addAccount(store, { segment: 'retail', sector: 'food', status: 'ex_customer', hasInterest: true });
    await addAccount(store, { status: 'prospect', hasInterest: true, hasFinancialCapacity: true });
    await addOrder(store, buyer.id, '1969-12-31T10:00:00Z', 1);
    await addOrder(store, buyer.id, '2025-03-01T09:00:00Z', 1000);
    await addOrder(store, buyer.id, '2025-03-01T18:00:00Z', 250);
    await addOrder(store, buyer.id, '2025-04-11T12:00:00Z', 123456789012);
    await addOrder(store, gone.id, '2024-12-31T12:00:00Z', 700);

    const read = await store.portfolioColumns.read(new Date('2100-01-01T00:00:00Z'));
    const expected = toPortfolioColumns(await store.analysisFacts.accounts(), await store.purchaseHistories.list());
    expect(read).toEqual(expected);
    expect(Array.from(read.days.subarray(read.offsets[0], read.offsets[1]))).toEqual([-1, 20148, 20189]);
  });

  it('leaves out accounts that began after the given moment, an account beginning with its first purchase', async () => {
    const all = await store.portfolioColumns.read(new Date('2100-01-01T00:00:00Z'));
    const buyer = all.ids[0]!;
    // Every account was created today; only the one with a 1969 order began before 2000.
    expect(Array.from((await store.portfolioColumns.read(new Date('2000-01-01T00:00:00Z'))).ids)).toEqual([buyer]);
    expect((await store.portfolioColumns.read(new Date('1969-12-31T00:00:00Z'))).ids.length).toBe(0);
    expect(all.ids.length).toBeGreaterThan(1);
  });

  it('begins an account on its customer-since day or its first interaction when older than its record', async () => {
    const since = await addAccount(store, { customerSince: '1980-05-01' });
    const called = await addAccount(store);
    await store.interactions.insert({ accountId: called.id, type: 'call', direction: 'outbound', subject: 'First call', occurredAt: '1985-02-03T10:00:00Z' });
    const in1990 = Array.from((await store.portfolioColumns.read(new Date('1990-01-01T00:00:00Z'))).ids);
    expect(in1990).toEqual(expect.arrayContaining([since.id, called.id]));
    const in1982 = Array.from((await store.portfolioColumns.read(new Date('1982-01-01T00:00:00Z'))).ids);
    expect(in1982).toContain(since.id);
    expect(in1982).not.toContain(called.id);
    const facts = await store.analysisFacts.accounts([since.id, called.id]);
    expect(facts.map((f) => f.since)).toEqual(['1980-05-01T00:00:00.000Z', '1985-02-03T10:00:00.000Z']);
  });
});
