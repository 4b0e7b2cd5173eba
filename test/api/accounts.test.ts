import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('accounts API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => { t = await openTestApp(engine); });
  afterAll(async () => { await t?.close(); });

  it('creates an account with defaults and reads it back', async () => {
    const created = await t.call('POST', '/api/v1/accounts', { body: { name: 'Acme Industries', country: 'FR', tags: ['key'] } });
    expect(created.statusCode).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({ name: 'Acme Industries', kind: 'company', status: 'prospect', country: 'FR', tags: ['key'], customFields: {} });
    const read = await t.call('GET', `/api/v1/accounts/${account.id}`);
    expect(read.json()).toEqual(account);
  });

  it('keeps the date of every status change and shows it on the timeline', async () => {
    const { id } = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Status Co', status: 'lead' } })).json();
    const changed = await t.call('PATCH', `/api/v1/accounts/${id}`, { body: { status: 'customer' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().status).toBe('customer');
    const timeline = (await t.call('GET', `/api/v1/accounts/${id}/timeline?kinds=status_change`)).json();
    expect(timeline.items.map((e: { title: string }) => e.title)).toEqual(['Status: Lead → Customer', 'Status set to Lead']);
  });

  it('rejects unknown fields, wrong types and bad country codes, naming the field', async () => {
    const unknown = await t.call('POST', '/api/v1/accounts', { body: { name: 'X', colour: 'red' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'bad_request', field: 'colour' });
    const wrongType = await t.call('POST', '/api/v1/accounts', { body: { name: 42 } });
    expect(wrongType.json().error.field).toBe('name');
    const country = await t.call('POST', '/api/v1/accounts', { body: { name: 'X', country: 'XX' } });
    expect(country.statusCode).toBe(400);
    expect(country.json().error.field).toBe('country');
    const missing = await t.call('POST', '/api/v1/accounts', { body: { kind: 'person' } });
    expect(missing.json().error).toMatchObject({ field: 'name' });
    expect(missing.json().error.message).toMatch(/required/);
  });

  it('stores SQL and HTML metacharacters verbatim', async () => {
    const name = `Robert'); DROP TABLE accounts;-- <script>alert("x")</script> 50%_`;
    const { id } = (await t.call('POST', '/api/v1/accounts', { body: { name } })).json();
    expect((await t.call('GET', `/api/v1/accounts/${id}`)).json().name).toBe(name);
    const found = (await t.call('GET', `/api/v1/accounts?q=${encodeURIComponent('50%_')}`)).json();
    expect(found.items.map((a: { id: number }) => a.id)).toEqual([id]);
  });

  it('pages through a filtered, sorted list with cursors', async () => {
    for (let i = 0; i < 7; i++) {
      await t.call('POST', '/api/v1/accounts', { body: { name: `Paged ${i}`, segment: 'paging', sector: 'retail' } });
    }
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/accounts?segment=paging&sort=-name&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.call('GET', url)).json();
      names.push(...page.items.map((a: { name: string }) => a.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['Paged 6', 'Paged 5', 'Paged 4', 'Paged 3', 'Paged 2', 'Paged 1', 'Paged 0']);
  });

  it('answers 404 for a missing account and 409 for a duplicate external id', async () => {
    expect((await t.call('GET', '/api/v1/accounts/999999')).statusCode).toBe(404);
    await t.call('POST', '/api/v1/accounts', { body: { name: 'A', externalId: 'EXT-1' } });
    const dup = await t.call('POST', '/api/v1/accounts', { body: { name: 'B', externalId: 'EXT-1' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('externalId');
  });

  it('asks for credentials without a token', async () => {
    const response = await t.call('GET', '/api/v1/accounts', { as: null });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthenticated');
  });
});
