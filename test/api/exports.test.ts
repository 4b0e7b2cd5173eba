import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { REP_VISIBILITY_KEY } from '../../src/services/context.js';
import { expectError } from '../support/expect-error.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

/** The CSV body as records keyed by header. */
const records = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];

describe.each(ENGINES)('exports API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const account = async (body: object) => (await t.call('POST', '/api/v1/accounts', { body })).json() as { id: number };
    const mine = await account({ name: 'Rep Own FR', externalId: 'R-1', country: 'FR', segment: 'retail', ownerId: t.rep.id, tags: ['vip', 'export'] });
    const theirs = await account({ name: 'Other Rep DE', externalId: 'O-1', country: 'DE', segment: 'retail', ownerId: t.otherRep.id });
    await account({ name: 'Nobody FR', externalId: 'N-1', country: 'FR', segment: 'industry' });
    for (const [accountId, lastName, number] of [[mine.id, 'Martin', 'SO-R1'], [theirs.id, 'Schmidt', 'SO-O1']] as const) {
      expect((await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName, email: `${lastName.toLowerCase()}@example.com` } })).statusCode).toBe(201);
      expect((await t.call('POST', '/api/v1/orders', { body: { accountId, number, orderedAt: '2025-03-01T10:00:00.000Z', lines: [{ description: 'Thing', quantity: 2, unitPrice: '10.00' }] } })).statusCode).toBe(201);
    }
  });
  afterAll(async () => { await t?.close(); });

  it('streams a CSV of accounts with the import\'s column names and a download file name', async () => {
    const response = await t.call('GET', '/api/v1/exports/accounts');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.split('\n')[0]).toBe('externalId,name,kind,status,sector,segment,size,relationshipType,country,region,city,'
      + 'postalCode,website,email,phone,ownerEmail,tags,hasInterest,hasFinancialCapacity,customerSince,customFields');
    const rows = records(response.body);
    expect(rows.map((r) => r.externalId).sort()).toEqual(['N-1', 'O-1', 'R-1']);
    expect(rows.find((r) => r.externalId === 'R-1')).toMatchObject({ ownerEmail: 'rep@example.com', tags: 'vip;export', hasInterest: 'false', customFields: '{}' });
  });

  it('filters accounts, and the records of account-owned targets, like the account list', async () => {
    const accounts = records((await t.call('GET', '/api/v1/exports/accounts?country=FR&segment=retail')).body);
    expect(accounts.map((r) => r.externalId)).toEqual(['R-1']);
    const orders = records((await t.call('GET', '/api/v1/exports/orders?country=DE')).body);
    expect(orders.map((r) => [r.number, r.accountExternalId, r.accountName, r.total])).toEqual([['SO-O1', 'O-1', 'Other Rep DE', '20.00']]);
    const lines = records((await t.call('GET', '/api/v1/exports/order-lines?q=martin')).body);
    expect(lines.map((r) => [r.orderNumber, r.description, r.quantity, r.unitPrice, r.discountPercent])).toEqual([['SO-R1', 'Thing', '2', '10.00', '0.00']]);
  });

  it('gives a rep limited to their portfolio only their accounts\' records', async () => {
    await t.store.settings.set(REP_VISIBILITY_KEY, 'own');
    try {
      const accounts = records((await t.call('GET', '/api/v1/exports/accounts', { as: t.rep })).body);
      expect(accounts.map((r) => r.externalId)).toEqual(['R-1']);
      const contacts = records((await t.call('GET', '/api/v1/exports/contacts', { as: t.rep })).body);
      expect(contacts.map((r) => r.lastName)).toEqual(['Martin']);
      const orders = records((await t.call('GET', '/api/v1/exports/orders', { as: t.rep })).body);
      expect(orders.map((r) => r.number)).toEqual(['SO-R1']);
      // A filter cannot reach past the portfolio.
      expect(records((await t.call('GET', '/api/v1/exports/accounts?country=DE', { as: t.rep })).body)).toEqual([]);
      // Reps see the whole catalogue, as they do in the product list.
      expect((await t.call('GET', '/api/v1/exports/products', { as: t.rep })).statusCode).toBe(200);
    } finally {
      await t.store.settings.set(REP_VISIBILITY_KEY, 'all');
    }
  });

  it('streams a workbook for format=xlsx', async () => {
    const response = await t.call('GET', '/api/v1/exports/contacts?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/filename="contacts-[\d-]+\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('contacts');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['externalId', 'accountExternalId', 'accountName', 'civility', 'firstName',
      'lastName', 'jobTitle', 'email', 'phone', 'birthYear', 'preferredChannel', 'doNotContact']);
    expect(sheet.rowCount).toBe(3);
  });

  it('records who exported what in the audit trail', async () => {
    await t.call('GET', '/api/v1/exports/interactions?status=customer', { as: t.manager });
    const audit = (await t.call('GET', '/api/v1/audit?entity=export&entityId=interactions')).json();
    expect(audit.items[0]).toMatchObject({ userId: t.manager.id, action: 'export', changes: { format: [null, 'csv'], rows: [null, 0], filters: [null, { status: 'customer' }] } });
  });

  it('answers bad requests with the one error shape, naming the field', async () => {
    expectError(await t.call('GET', '/api/v1/exports/invoices'), { status: 400, code: 'bad_request', field: 'target' });
    expectError(await t.call('GET', '/api/v1/exports/accounts?format=pdf'), { status: 400, code: 'bad_request', field: 'format' });
    expectError(await t.call('GET', '/api/v1/exports/accounts?country=XX'), { status: 400, code: 'bad_request', field: 'country' });
    expectError(await t.call('GET', '/api/v1/exports/accounts?limit=5'), { status: 400, code: 'bad_request', field: 'limit' });
    expectError(await t.call('GET', '/api/v1/exports/products?country=FR'), { status: 400, code: 'bad_request', field: 'country', message: /Products belong to no account/ });
    expectError(await t.call('GET', '/api/v1/exports/accounts', { as: null }), { status: 401, code: 'unauthenticated' });
  });
});
