// An order-lines import writes thousands of orders a batch, and the purchase-days trigger merges
// each batch into the accounts' days already kept: the days must come out as a rebuild from the
// orders gives them, whether the role may skip the row checks (a superuser) or not.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { runImport } from '../../src/services/import/run-import.js';
import { type Connection, openPostgres } from '../../src/store/connection.js';
import { createStore, type Store } from '../../src/store/store.js';
import { addAccount, addOrder } from '../support/store-records.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

/** 90 invoices of 1 to 3 lines for 4 customers over 20 days, several on the same day. */
function invoiceLines(prefix: string): string {
  const lines = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
  for (let invoice = 0; invoice < 90; invoice++) {
    const day = String(1 + ((invoice * 7) % 20)).padStart(2, '0');
    for (let line = 0; line <= invoice % 3; line++) {
      lines.push(`${prefix}${invoice},SKU${line},Item ${line},${1 + line},2025-03-${day} 09:${String(invoice % 60).padStart(2, '0')},${2 + line}.50,C${invoice % 4},France`);
    }
  }
  return `${lines.join('\n')}\n`;
}

async function importAndCompare(store: Store, path: string) {
  // An order before the import, through the trigger, so the import merges into days already kept.
  const first = await addAccount(store, { externalId: 'C0' });
  await addOrder(store, first.id, '2025-03-02T10:00:00Z', 900);
  const report = await runImport(store, {
    target: 'order-lines', path, batchSize: 40, actor: SYSTEM_ACTOR, mapping: { createAccounts: { name: 'Customer {accountExternalId}' } },
  });
  expect(report).toMatchObject({ status: 'committed', inserted: 90 });
  const { rows } = await sql<{ id: number }>`select id from accounts where external_id like 'C%' order by id`.execute(store.connection.db);
  const ids = rows.map((r) => Number(r.id));
  expect(ids).toHaveLength(4);
  const imported = await store.purchaseHistories.list(ids);
  const { rows: [sums] } = await sql<{ orders: number; cents: string }>`select count(*)::int as orders, sum(total_cents)::text as cents from orders where account_id in (${sql.join(ids)})`.execute(store.connection.db);
  const days = imported.flatMap((h) => h.days);
  expect(days.reduce((n, d) => n + d.orders, 0)).toBe(sums!.orders);
  expect(String(days.reduce((n, d) => n + Number(d.revenue), 0))).toBe(sums!.cents);
  const summaries = await Promise.all(ids.map((id) => store.purchaseHistories.summary(id)));
  await store.purchaseHistories.rebuild();
  expect(await store.purchaseHistories.list(ids)).toEqual(imported);
  expect(await Promise.all(ids.map((id) => store.purchaseHistories.summary(id)))).toEqual(summaries);
  return imported;
}

describe.each(ENGINES)('purchase days after an order-lines import on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  beforeAll(async () => { t = await openTestStore(engine); files = await tempFolder('order-lines-purchases'); });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('gives every account the purchase days a rebuild from its orders gives, batch after batch', async () => {
    await importAndCompare(t.store, await files.write('lines.csv', invoiceLines('INV-')));
  });
});

describe.runIf(ENGINES.includes('postgres'))('purchase days after an order-lines import by a role that is not a superuser', () => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  let limited: Connection | undefined;
  beforeAll(async () => {
    t = await openTestStore('postgres');
    files = await tempFolder('order-lines-purchases-role');
    const db = t.store.connection.db;
    const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(db);
    // Roles belong to the whole server: created once, kept, and given rights in this database only.
    await sql`do $$ begin create role clientele_test_importer login nosuperuser; exception when duplicate_object then null; end $$`.execute(db);
    await sql`grant all on all tables in schema public to clientele_test_importer`.execute(db);
    await sql`grant all on all sequences in schema public to clientele_test_importer`.execute(db);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = 'clientele_test_importer';
    url.pathname = `/${rows[0]!.name}`;
    limited = await openPostgres(url.toString(), 2);
  });
  afterAll(async () => { await limited?.close(); await t?.dispose(); await files?.remove(); });

  it('keeps the row checks, and the days come out the same', async () => {
    const { rows } = await sql<{ superuser: boolean }>`select rolsuper as superuser from pg_roles where rolname = current_user`.execute(limited!.db);
    expect(rows[0]!.superuser).toBe(false);
    const days = await importAndCompare(createStore(limited!), await files.write('lines.csv', invoiceLines('ROLE-')));
    expect(days.flatMap((h) => h.days).reduce((n, d) => n + d.orders, 0)).toBe(91);
  });
});
