// A shop's own invoice-line export, imported as a user imports it — no mapping file — and every
// total checked against a computation straight from the generated file: orders, lines, the
// accounts created, the guests' revenue, the credit notes and the net revenue of each account
// and of the whole file, in the stored purchase days and in an analysis run.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { runImport } from '../../src/services/import/run-import.js';
import { shopExportCsv, shopExportLines } from '../support/shop-export.js';
import { expectedFrom, ISO_COUNTRY, money, NOT_A_COUNTRY } from '../support/shop-export-figures.js';
import { tempFolder } from '../support/temp-files.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';

describe.each(ENGINES)('a shop\'s own invoice-line export imported on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let csv: string;
  let path: string;
  let expected: ReturnType<typeof expectedFrom>;
  beforeAll(async () => {
    t = await openTestStore(engine);
    files = await tempFolder('shop-export');
    csv = shopExportCsv(shopExportLines({ seed: 15, invoices: 1500, customers: 220 }));
    path = await files.write('online-retail.csv', csv);
    expected = expectedFrom(csv);
  });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('is a file with the traits of such exports', () => {
    expect(expected.lines).toBeGreaterThan(5000);
    expect(expected.guestLines / expected.lines).toBeGreaterThan(0.15);
    expect(expected.credits).toBeGreaterThan(50);
    expect(expected.linked).toBeGreaterThan(20);
    expect(expected.namedNotFound).toBe(1);
    expect(csv).toMatch(/\n\d+,[^,]+,damaged,-\d+,[^,]+,0,,/);
    expect(csv).toMatch(/,0\.001,/);
    expect(csv).toMatch(/,0\.4150,/);
    expect(expected.unknownPlaces.size).toBe(2);
    expect(expected.notStated).toBeGreaterThan(0);
  });

  it('says in a dry run, before any row, what the import will do, and writes nothing', async () => {
    const report = await runImport(t.store, { target: 'order-lines', path, dryRun: true, actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'dry_run', fatal: [], rejectedRows: 0, rowsRead: expected.lines });
    expect(report.summary).toMatchObject({
      currency: 'EUR',
      createAccounts: true,
      accountsCreated: expected.customers + 1,
      guests: { handling: 'walk-in', lines: expected.guestLines, amount: money(expected.guestCents), account: 'Walk-in customers' },
      orders: { count: expected.orders, amount: money(expected.orderCents) },
      creditNotes: { count: expected.credits, amount: money(expected.creditCents), namedNotFound: expected.namedNotFound },
      netRevenue: money(expected.orderCents + expected.creditCents),
    });
    expect(report.summary!.countries!.unknown).toEqual([...expected.unknownPlaces].map(([text, lines]) => ({ text, lines })).sort((a, b) => b.lines - a.lines));
    expect(report.summary!.countries!.notStated).toBe(expected.notStated);
    expect(report.summary!.countries!.recognised.map((c) => c.code)).toEqual(expect.arrayContaining(['GB', 'CZ', 'HK', 'IE', 'US', 'ZA', 'DE', 'ES']));
    const { rows } = await sql<{ n: number }>`select (select count(*) from accounts) + (select count(*) from orders) as n`.execute(t.store.connection.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('imports every line, creating the accounts it names and one walk-in account for the guests', async () => {
    const report = await runImport(t.store, { target: 'order-lines', path, actor: SYSTEM_ACTOR, batchSize: 2000 });
    expect(report).toMatchObject({ status: 'committed', rejectedRows: 0, problems: [], inserted: expected.orders + expected.credits });
    expect(report.summary).toMatchObject({
      accountsCreated: expected.customers + 1,
      orders: { count: expected.orders, amount: money(expected.orderCents) },
      creditNotes: { count: expected.credits, amount: money(expected.creditCents), linked: expected.linked, namedNotFound: expected.namedNotFound },
      walkIn: { orders: expected.guestOrders, amount: money(expected.guestCents) },
    });
    const db = t.store.connection.db;
    const { rows: [totals] } = await sql<Record<string, string>>`select
        (select count(*) from accounts)::text as accounts,
        (select count(*) from accounts where name like 'Customer %' and status = 'customer')::text as named,
        (select count(*) from order_lines)::text as lines, (select sum(total_cents) from order_lines)::text as line_cents,
        (select count(*) from orders where kind = 'order')::text as orders, (select sum(total_cents) from orders where kind = 'order')::text as order_cents,
        (select count(*) from orders where kind = 'credit_note')::text as credits, (select sum(total_cents) from orders where kind = 'credit_note')::text as credit_cents,
        (select count(*) from orders where cancels_order_id is not null)::text as linked,
        (select count(*) from orders o where o.total_cents <> (select sum(l.total_cents) from order_lines l where l.order_id = o.id))::text as off
      `.execute(db);
    expect(totals).toEqual({
      accounts: String(expected.customers + 1), named: String(expected.customers), lines: String(expected.lines), line_cents: String(expected.lineCents),
      orders: String(expected.orders), order_cents: String(expected.orderCents), credits: String(expected.credits), credit_cents: String(expected.creditCents),
      linked: String(expected.linked), off: '0',
    });
  });

  it('keeps each customer\'s country, or the place that is no country as its region', async () => {
    const accounts = await t.store.connection.db.selectFrom('accounts').select(['external_id', 'country', 'region']).where('external_id', '<>', 'walk-in').execute();
    expect(accounts).toHaveLength(expected.customers);
    for (const account of accounts) {
      const written = expected.firstCountry.get(account.external_id!)!;
      expect({ written, country: account.country, region: account.region }).toEqual({
        written, country: ISO_COUNTRY[written] ?? null, region: NOT_A_COUNTRY.has(written) ? written : null,
      });
    }
  });

  it('takes credit notes off each account\'s revenue without counting them as purchases', async () => {
    const rows = await t.store.connection.db.selectFrom('account_purchases as p').innerJoin('accounts as a', 'a.id', 'p.account_id')
      .select(['a.external_id', 'p.revenue_cents', 'p.order_count', sql<string[]>`p.days::text[]`.as('days')]).execute();
    const stored = Object.fromEntries(rows.map((r) => [r.external_id, { net: String(r.revenue_cents), orders: r.order_count, days: r.days }]));
    const wanted = Object.fromEntries([...expected.perAccount].map(([id, a]) => [id, { net: String(a.net), orders: a.orders, days: [...a.days].sort() }]));
    expect(stored).toEqual(wanted);
  });

  it('gives the analysis, as of the file\'s last day, the net revenue of every account and of the whole file', async () => {
    const run = await runAnalysis({ store: t.store, actor: SYSTEM_ACTOR }, { asOf: expected.lastDay });
    const rows = await t.store.connection.db.selectFrom('account_classes as c').innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['a.external_id', 'c.revenue_cents', 'c.order_count']).where('c.run_id', '=', run.id).execute();
    expect(Object.fromEntries(rows.map((r) => [r.external_id, [String(r.revenue_cents), r.order_count]])))
      .toEqual(Object.fromEntries([...expected.perAccount].map(([id, a]) => [id, [String(a.net), a.orders]])));
    expect(String(rows.reduce((sum, r) => sum + BigInt(r.revenue_cents), 0n))).toBe(String(expected.orderCents + expected.creditCents));
  });

  it('changes nothing when the same file is imported again', async () => {
    const report = await runImport(t.store, { target: 'order-lines', path, actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 0, unchanged: expected.orders + expected.credits });
    expect(report.summary!.accountsCreated).toBe(0);
  });
});

describe.each(ENGINES)('small shop exports and other choices on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => { t = await openTestStore(engine); files = await tempFolder('shop-export-strict'); });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('leaves guest lines out with a count when asked, and keeps the customers\' revenue exact', async () => {
    const csv = shopExportCsv(shopExportLines({ seed: 4, invoices: 300, customers: 40 }));
    const expected = expectedFrom(csv);
    const path = await files.write('leave-out.csv', csv);
    const report = await runImport(t.store, { target: 'order-lines', path, actor: SYSTEM_ACTOR, orders: { guests: 'leave-out' } });
    expect(report).toMatchObject({ status: 'committed', rejectedRows: 0, rowsRead: expected.lines });
    expect(report.summary).toMatchObject({
      accountsCreated: expected.customers, guests: { handling: 'leave-out', lines: expected.guestLines, amount: money(expected.guestCents), account: null },
      orders: { count: expected.orders - expected.guestOrders, amount: money(expected.orderCents - (expected.guestCents - expected.guestCreditCents)) },
      creditNotes: { count: expected.credits - expected.guestCredits, amount: money(expected.creditCents - expected.guestCreditCents) },
      netRevenue: money(expected.orderCents + expected.creditCents - expected.guestCents), walkIn: null,
    });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from accounts where external_id = 'walk-in'`.execute(t.store.connection.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('refuses, with the row and the id, lines of accounts that do not exist when only existing accounts are taken', async () => {
    const path = await files.write('strict.csv', 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
      + '900001,A1,Thing,2,2011-01-05 10:00:00,1.25,77777,France\n');
    const report = await runImport(t.store, { target: 'order-lines', path, actor: SYSTEM_ACTOR, mapping: { createAccounts: false } });
    expect(report.status).toBe('rejected');
    expect(report.problems).toEqual([{ row: 2, column: 'accountExternalId', value: '77777', reason: 'no account has the external id 77777' }]);
  });

  it('points a shop export sent to the orders target at order-lines, before reading a row', async () => {
    const path = await files.write('as-orders.csv', shopExportCsv(shopExportLines({ seed: 5, invoices: 20, customers: 5 })));
    const report = await runImport(t.store, { target: 'orders', path, actor: SYSTEM_ACTOR });
    expect(report.fatal).toContain('This file has one row per invoice line (a quantity and a unit price, no total): import it as order-lines, which groups the lines into orders.');
    expect(report.rowsRead).toBe(0);
  });

  it('takes a linked credit note off its invoice\'s day, and an unlinked one off the last purchase day before it', async () => {
    const path = await files.write('credits.csv', [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country,OriginalInvoiceNo',
      '700001,A1,Lamp,4,2011-01-05 10:00:00,12.50,88001,France,',
      '700002,A2,Vase,10,2011-02-10 11:00:00,0.0050,88001,France,',
      '700002,A1,Lamp,1,2011-02-10 11:00:00,12.50,88001,France,',
      'C700003,A1,Lamp,-2,2011-03-01 09:00:00,12.50,88001,France,700001',
      'C700004,A1,Lamp,-1,2011-02-20 09:00:00,12.50,88001,France,',
      '',
    ].join('\n'));
    const report = await runImport(t.store, { target: 'order-lines', path, actor: SYSTEM_ACTOR });
    expect(report.summary).toMatchObject({ orders: { count: 2, amount: '62.55' }, creditNotes: { count: 2, amount: '-37.50', linked: 1 }, netRevenue: '25.05' });
    const [account] = await t.store.connection.db.selectFrom('accounts').select('id').where('external_id', '=', '88001').execute();
    // 4 × 12.50 − 2 × 12.50 on 5 January; 10 × 0.0050 (0.05) + 12.50 − 12.50 on 10 February.
    expect(await t.store.purchaseHistories.get(Number(account!.id))).toEqual({
      accountId: Number(account!.id),
      days: [{ day: '2011-01-05', orders: 1, revenue: 2500 }, { day: '2011-02-10', orders: 1, revenue: 5 }],
    });
    const orders = await t.store.connection.db.selectFrom('orders').select(['number', 'kind', 'cancels_order_id', 'total_cents'])
      .where('account_id', '=', account!.id).orderBy('number').execute();
    const idOf = async (n: string) => (await t.store.connection.db.selectFrom('orders').select('id').where('number', '=', n).executeTakeFirstOrThrow()).id;
    expect(orders.map((o) => ({ ...o, cancels_order_id: o.cancels_order_id === null ? null : Number(o.cancels_order_id), total_cents: Number(o.total_cents) }))).toEqual([
      { number: '700001', kind: 'order', cancels_order_id: null, total_cents: 5000 },
      { number: '700002', kind: 'order', cancels_order_id: null, total_cents: 1255 },
      { number: 'C700003', kind: 'credit_note', cancels_order_id: Number(await idOf('700001')), total_cents: -2500 },
      { number: 'C700004', kind: 'credit_note', cancels_order_id: null, total_cents: -1250 },
    ]);
    const lines = await t.store.connection.db.selectFrom('order_lines').select(['unit_price_cents', 'unit_price_exact', 'total_cents'])
      .where('order_id', '=', await idOf('700002')).orderBy('line_no').execute();
    expect(lines.map((l) => [Number(l.unit_price_cents), l.unit_price_exact === null ? null : Number(l.unit_price_exact), Number(l.total_cents)]))
      .toEqual([[1, 0.005, 5], [1250, null, 1250]]);
  });
});
