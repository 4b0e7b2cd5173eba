// The fit cache behind the lifetime-value API: one fit per day, unit and scope, reused until
// the purchases change, refitted at most once a minute while they keep changing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClvFits } from '../../src/services/clv/clv-fits.js';
import type { PredictionSettings } from '../../src/analytics/clv/predict-portfolio.js';
import type { Store } from '../../src/store/store.js';
import { seedPurchases } from '../support/clv-portfolio.js';
import { addUser, uniqueNumber } from '../support/store-records.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

const settings: PredictionSettings = { asOf: '2024-09-30', unit: 'weeks', horizonMonths: 12, discountRatePerYear: 0.1 };

describe.each(ENGINES)('ClvFits on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let ids: number[];
  let clock = 0;
  let repId: number;
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    repId = (await addUser(store, 'rep')).id;
    ids = await seedPurchases(store, { accounts: 40, owners: [repId, (await addUser(store, 'manager')).id] });
  });
  afterAll(async () => { await dispose?.(); });

  const order = (accountId: number, day: string) => store.orders.insert({
    accountId, number: uniqueNumber(), orderedAt: new Date(`${day}T12:00:00Z`), channel: 'web', status: 'invoiced', totalCents: 4200, itemCount: 1,
  });

  it('reuses a fit while the purchases are unchanged, and within a minute of it when they change', async () => {
    const fits = new ClvFits(store, { now: () => clock });
    const first = await fits.fit(settings, {});
    expect(await fits.fit({ ...settings, horizonMonths: 36 }, {})).toBe(first);
    await order(ids[1]!, '2024-09-20');
    clock += 59_000;
    expect(await fits.fit(settings, {})).toBe(first);
    clock += 2_000;
    const second = await fits.fit(settings, {});
    expect(second).not.toBe(first);
    expect(second.model.bgnbd.params.r).not.toBe(first.model.bgnbd.params.r);
    // Unchanged purchases: no refit however long it has been.
    clock += 3_600_000;
    expect(await fits.fit(settings, {})).toBe(second);
  });

  it('keeps fits apart by day, unit and scope, and forgets the least recently used', async () => {
    const fits = new ClvFits(store, { now: () => clock, maxEntries: 2 });
    const all = await fits.fit(settings, {});
    const rep = await fits.fit(settings, { ownerId: repId });
    expect(rep.model.customers).toBeLessThan(all.model.customers);
    expect(await fits.fit(settings, {})).toBe(all);
    const days = await fits.fit({ ...settings, unit: 'days' }, {});
    expect(days.model.unit).toBe('days');
    // The rep's entry was the least recently used of three: fitted anew.
    expect(await fits.fit(settings, { ownerId: repId })).not.toBe(rep);
  });

  it('shares one fit between concurrent requests and does not keep a failed one', async () => {
    const fits = new ClvFits(store, { now: () => clock });
    const [a, b] = await Promise.all([fits.fit(settings, {}), fits.fit(settings, {})]);
    expect(a).toBe(b);
    const early = { ...settings, asOf: '2024-01-10' };
    await expect(fits.fit(early, {})).rejects.toThrow(RangeError);
    // Two accounts buy twice before 10 January: now it can be fitted, within the same minute.
    await order(ids[2]!, '2024-01-02');
    await order(ids[2]!, '2024-01-05');
    await order(ids[3]!, '2024-01-03');
    await order(ids[3]!, '2024-01-08');
    expect((await fits.fit(early, {})).model.repeatCustomers).toBeGreaterThanOrEqual(2);
  });

  it('computes the totals of another horizon with the cached model, once', async () => {
    const fits = new ClvFits(store, { now: () => clock });
    const twelve = await fits.totals(settings, {});
    const long = await fits.totals({ ...settings, horizonMonths: 60 }, {});
    expect(long.fit).toBe(twelve.fit);
    expect(long.totals.expectedPurchases).toBeGreaterThan(twelve.totals.expectedPurchases);
    expect(await fits.totals({ ...settings, horizonMonths: 60 }, {})).toEqual(long);
  });
});
