import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { createUser } from '../../src/services/auth.js';
import { runImport } from '../../src/services/import/run-import.js';
import { ENGINES, openTestStore, type TestStore } from '../support/test-store.js';
import { tempFolder } from '../support/temp-files.js';

const ACCOUNTS = 'id,name,website,email\nA1,Acme SARL,https://www.acme.fr/contact,\nA2,Globex,,sales@globex.io\nA3,Initech,,\nA4,Initech,,\n';

describe.each(ENGINES)('importing records that point at accounts, on %s', (engine) => {
  let t: TestStore;
  let files: Awaited<ReturnType<typeof tempFolder>>;
  const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.store.connection.db)).rows[0]!;
  beforeAll(async () => {
    t = await openTestStore(engine);
    files = await tempFolder('linked-import');
    await createUser(t.store, { email: 'rep@example.com', name: 'Rep', role: 'rep', password: 'a long enough password' });
    await runImport(t.store, { target: 'accounts', path: await files.write('accounts.csv', ACCOUNTS), actor: SYSTEM_ACTOR });
  });
  afterAll(async () => { await t?.dispose(); await files?.remove(); });

  it('links contacts by account id, by name, or by the email domain, and finds them in search', async () => {
    const csv = 'Prénom,Nom,Courriel,Code client,Société\nAnne,Martin,anne@x.com,A1,\nBob,Stone,bob@y.com,,Globex\nCléa,Durand,clea@acme.fr,,\nDan,Free,dan@gmail.com,,\n';
    const report = await runImport(t.store, { target: 'contacts', path: await files.write('contacts.csv', csv), skipInvalid: true, actor: SYSTEM_ACTOR });
    expect(report.problems).toEqual([{ row: 5, column: 'email', value: 'gmail.com', reason: "names no account: give accountExternalId or accountName (or an email at the account's web domain)" }]);
    expect(report.inserted).toBe(3);
    const acme = (await t.store.accounts.getByExternalId('A1'))!;
    const contacts = await t.store.contacts.list({ accountId: acme.id });
    expect(contacts.items.map((c) => c.lastName).sort()).toEqual(['Durand', 'Martin']);
    expect((await t.store.accounts.list({ q: 'clea durand' })).items.map((a) => a.externalId)).toEqual(['A1']);
  });

  it('updates a contact found by email instead of adding it twice', async () => {
    const csv = 'first name,last name,email,job title,account\nAnne,Martin,ANNE@x.com,CFO,Acme SARL\n';
    const report = await runImport(t.store, { target: 'contacts', path: await files.write('anne.csv', csv), actor: SYSTEM_ACTOR });
    expect(report).toMatchObject({ status: 'committed', inserted: 0, updated: 1 });
    const found = await t.store.contacts.list({ email: 'anne@x.com' });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.jobTitle).toBe('CFO');
  });

  it('refuses a name that matches two accounts, asking for the external id', async () => {
    const csv = 'last name,account\nNobody,Initech\n';
    const report = await runImport(t.store, { target: 'contacts', path: await files.write('ambiguous.csv', csv), actor: SYSTEM_ACTOR });
    expect(report.status).toBe('rejected');
    expect(report.problems[0]).toMatchObject({ row: 2, column: 'accountName', reason: 'matches 2 accounts; use accountExternalId' });
  });

  it('groups invoice lines into orders whose totals come from their lines, creating missing products', async () => {
    const csv = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n'
      + '536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,United Kingdom\n'
      + '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n'
      + '536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850,United Kingdom\n'
      + 'C536379,D,Discount,-1,12/1/2010 9:41,27.50,14527,United Kingdom\n';
    const path = await files.write('retail.csv', csv);
    const mapping = { createAccounts: { name: 'Retail customer {accountExternalId}' }, dateFormat: 'mdy' as const };
    const report = await runImport(t.store, { target: 'order-lines', path, mapping, actor: SYSTEM_ACTOR });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ status: 'committed', inserted: 3 });
    const order = (await t.store.orders.getByNumber('536365'))!;
    expect(order).toMatchObject({ total: '35.64', itemCount: 12, orderedAt: '2010-12-01T08:26:00.000Z' });
    expect(order.lines.map((l) => [l.lineNo, l.quantity, l.unitPrice, l.total])).toEqual([[1, 6, '2.55', '15.30'], [2, 6, '3.39', '20.34']]);
    expect((await t.store.orders.getByNumber('C536379'))!.total).toBe('-27.50');
    const customer = (await t.store.accounts.getByExternalId('17850'))!;
    expect(customer).toMatchObject({ name: 'Retail customer 17850', country: 'GB' });
    expect(await one(sql<{ n: number }>`select count(*)::int as n from products`)).toEqual({ n: 4 });

    const again = await runImport(t.store, { target: 'order-lines', path, mapping, actor: SYSTEM_ACTOR });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const changed = await runImport(t.store, { target: 'order-lines', path: await files.write('retail2.csv', csv.replace('6,12/1/2010 8:26,3.39', '7,12/1/2010 8:26,3.39')), mapping, actor: SYSTEM_ACTOR });
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect((await t.store.orders.getByNumber('536365'))!.total).toBe('39.03');
  });

  it('records interactions once, with their contact and author, however often the log is imported', async () => {
    const csv = 'customer id,type,subject,date,contact,user,notes\nA1,Appel,Relance devis,2024-05-02T09:30:00Z,anne@x.com,rep@example.com,Rappeler lundi\n'
      + 'A2,meeting,Kick-off,2024-05-03T14:00:00Z,,,\n';
    const path = await files.write('interactions.csv', csv);
    expect(await runImport(t.store, { target: 'interactions', path, actor: SYSTEM_ACTOR })).toMatchObject({ status: 'committed', inserted: 2 });
    expect(await runImport(t.store, { target: 'interactions', path, actor: SYSTEM_ACTOR })).toMatchObject({ status: 'committed', inserted: 0, unchanged: 2 });
    const acme = (await t.store.accounts.getByExternalId('A1'))!;
    const logged = (await t.store.interactions.list({ accountId: acme.id })).items;
    const rep = (await t.store.users.getByEmail('rep@example.com'))!;
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ type: 'call', subject: 'Relance devis', body: 'Rappeler lundi', userId: rep.id });
    expect(logged[0]!.contactId).not.toBeNull();
  });

  it('stops on dates that read both day-first and month-first until the format is stated', async () => {
    const csv = 'number,customer id,date,amount\nO-1,A1,01/02/2024,10.00\nO-2,A1,03/04/2024,12.00\n';
    const path = await files.write('ambiguous-dates.csv', csv);
    const report = await runImport(t.store, { target: 'orders', path, actor: SYSTEM_ACTOR });
    expect(report.fatal[0]).toMatch(/Column "date": Dates such as "01\/02\/2024" read as day-first and as month-first; state the format with --date-format dmy or mdy/);
    const stated = await runImport(t.store, { target: 'orders', path, flags: { dateFormat: 'dmy' }, actor: SYSTEM_ACTOR });
    expect(stated.status).toBe('committed');
    expect((await t.store.orders.getByNumber('O-1'))!.orderedAt).toBe('2024-02-01T00:00:00.000Z');
  });
});
