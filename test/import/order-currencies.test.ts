// Orders in three currencies, imported from files with a rates file, analysed as of their last
// day: every account's revenue is its orders converted to the organisation's currency at the
// latest rate on or before each order's day, as worked out from the files' text alone.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { importRatesFile, removeRate, saveRates } from '../../src/services/exchange-rates.js';
import { orders } from '../../src/services/orders.js';
import { runImport } from '../../src/services/import/run-import.js';
import { expectedRevenue, orderLinesCsv, ordersCsv, RATES_CSV } from '../support/currency-files.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

async function expectClienteleError(promise: Promise<unknown>, expected: { code: string; field?: string; message: RegExp }) {
  await expect(promise).rejects.toMatchObject({ name: 'ClienteleError', ...expected, message: expect.stringMatching(expected.message) });
}

describe.each(ENGINES)('orders in several currencies on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  const ctx = () => ({ store: t.store, actor: SYSTEM_ACTOR });
  const createAccounts = { name: 'Customer {accountExternalId}' };

  beforeAll(async () => {
    t = await openTestStore(engine);
    files = await tempFolder('order-currencies');
  });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  /** Each customer's revenue in the latest run, by external id, in cents. */
  async function analysedRevenue(asOf: string): Promise<Map<string, bigint>> {
    const run = await runAnalysis(ctx(), { asOf });
    const { rows } = await sql<{ external_id: string; revenue_cents: string }>`select a.external_id, c.revenue_cents::text as revenue_cents
      from account_classes c join accounts a on a.id = c.account_id where c.run_id = ${run.id}`.execute(t.store.connection.db);
    return new Map(rows.map((r) => [r.external_id, BigInt(r.revenue_cents)]));
  }

  it('refuses an order whose currency has no rate yet, naming the row, and stores nothing', async () => {
    const path = await files.write('early.csv', 'number,customer id,date,amount,currency\nE-1,C0,2024-01-05,10.00,EUR\nE-2,C0,2024-01-06,20.00,USD\n');
    const report = await runImport(t.store, { target: 'orders', path, actor: SYSTEM_ACTOR, mapping: { createAccounts } });
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, column: 'currency', value: 'USD', reason: expect.stringMatching(/no USD rate on or before 2024-01-06/) })]);
    expect(await t.store.orders.getByNumber('E-1')).toBeUndefined();
  });

  it('refuses a rates file with a bad row, naming it, and keeps none of its rates', async () => {
    const path = await files.write('bad-rates.csv', `${RATES_CSV}\n2024-07-01,USD,-0.5\n`);
    await expectClienteleError(importRatesFile(ctx(), path), { code: 'invalid', field: 'rate', message: /row 8, rate "-0.5"/ });
    expect(await t.store.exchangeRates.count()).toBe(0);
  });

  it('converts each order at its day\'s rate, so the analysis counts every account\'s revenue in the organisation\'s currency', async () => {
    const saved = await importRatesFile(ctx(), await files.write('rates.csv', RATES_CSV));
    expect(saved).toMatchObject({ rows: 6, added: 6, changed: 0 });
    const ordersReport = await runImport(t.store, { target: 'orders', path: await files.write('orders.csv', ordersCsv()), actor: SYSTEM_ACTOR, mapping: { createAccounts } });
    expect(ordersReport).toMatchObject({ status: 'committed', inserted: 60 });
    const linesReport = await runImport(t.store, { target: 'order-lines', path: await files.write('lines.csv', orderLinesCsv()), actor: SYSTEM_ACTOR, mapping: { createAccounts } });
    expect(linesReport).toMatchObject({ status: 'committed', inserted: 12 });

    const expected = expectedRevenue();
    expect(await analysedRevenue('2024-06-30')).toEqual(expected);
    // Not a sum of the amounts as written: the conversion changed it.
    const { rows: [raw] } = await sql<{ cents: string }>`select sum(total_cents)::text as cents from orders`.execute(t.store.connection.db);
    expect(BigInt(raw!.cents)).not.toBe([...expected.values()].reduce((a, b) => a + b, 0n));
  });

  it('keeps on each order its currency, the rate used and the day of that rate', async () => {
    // FX-21 is in USD on 2024-03-08: the rate of 2024-02-15 is the latest before it.
    const usd = await t.store.orders.getByNumber('FX-21');
    expect(usd).toMatchObject({ currency: 'USD', exchangeRate: '0.9233', rateDate: '2024-02-15' });
    expect(usd!.baseTotal).not.toBe(usd!.total);
    expect(await t.store.orders.getByNumber('FX-56')).toMatchObject({ currency: 'USD', exchangeRate: '0.9402', rateDate: '2024-06-01' });
    expect(await t.store.orders.getByNumber('FX-3')).toMatchObject({ currency: 'GBP', exchangeRate: '1.1500000001', rateDate: '2024-01-01' });
    // Named EUR, or no currency at all: the organisation's.
    for (const number of ['FX-0', 'FX-1']) {
      const euro = await t.store.orders.getByNumber(number);
      expect(euro).toMatchObject({ currency: null, exchangeRate: null, rateDate: null, baseTotal: euro!.total });
    }
    const lines = await t.store.orders.getByNumber('INV-1');
    expect(lines).toMatchObject({ currency: 'GBP', exchangeRate: '1.1688', rateDate: '2024-03-10' });
  });

  it('converts the orders again when an admin enters a rate they take, and the analysis follows', async () => {
    const added = await saveRates(ctx(), [{ currency: 'USD', date: '2024-03-01', rate: '0.95' }]);
    expect(added.ordersConverted).toBeGreaterThan(0);
    expect(await t.store.orders.getByNumber('FX-21')).toMatchObject({ exchangeRate: '0.95', rateDate: '2024-03-01' });
    const rates = `${RATES_CSV}\n2024-03-01,USD,0.95`;
    expect(await analysedRevenue('2024-06-30')).toEqual(expectedRevenue(rates));

    await removeRate(ctx(), 'USD', '2024-03-01');
    expect(await t.store.orders.getByNumber('FX-21')).toMatchObject({ exchangeRate: '0.9233', rateDate: '2024-02-15' });
    expect(await analysedRevenue('2024-06-30')).toEqual(expectedRevenue());
  });

  it('refuses to remove the only rate an order takes', async () => {
    await expectClienteleError(removeRate(ctx(), 'USD', '2024-01-01'), { code: 'conflict', message: /would have no rate left/ });
  });

  it('gives an order created or re-dated through the API the rate of its day, and refuses a day before any rate', async () => {
    const account = (await t.store.orders.getByNumber('FX-0'))!.accountId;
    const created = await orders.create(ctx(), { accountId: account, number: 'API-1', orderedAt: '2024-06-02', total: '100.00', currency: 'USD' });
    expect(created).toMatchObject({ currency: 'USD', exchangeRate: '0.9402', rateDate: '2024-06-01', baseTotal: '94.02' });
    const moved = await orders.update(ctx(), created.id, { orderedAt: '2024-04-02' });
    expect(moved).toMatchObject({ exchangeRate: '0.9301', rateDate: '2024-04-01', baseTotal: '93.01' });
    const inEuros = await orders.update(ctx(), created.id, { currency: 'EUR' });
    expect(inEuros).toMatchObject({ currency: null, exchangeRate: null, baseTotal: '100.00' });
    await expectClienteleError(orders.create(ctx(), { accountId: account, number: 'API-2', orderedAt: '2023-12-31', total: '5.00', currency: 'GBP' }),
      { code: 'invalid', field: 'currency', message: /no GBP rate on or before 2023-12-31/ });
  });
});
