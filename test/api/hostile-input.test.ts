// The findings of issue 17, each one request a careless or hostile client could send: none may
// answer 500, leave the error shape, or change what is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { tableDigests } from '../../src/store/table-digests.js';

describe.each(ENGINES)('hostile input on %s', (engine) => {
  let t: TestApp;
  let account: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Target' } })).json().id;
    await t.call('POST', '/api/v1/orders', { body: { accountId: account, number: 'FIRST', orderedAt: '2026-01-05' } });
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2026-06-30' } })).statusCode).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  /** Sends the request and asserts it was refused with `status` naming `field`, nothing stored. */
  async function refused(send: () => ReturnType<TestApp['call']>, status: number, field?: string | null) {
    const before = await tableDigests(t.store);
    const response = await send();
    expectError(response, { status, code: expect.any(String) as unknown as string, ...(field !== undefined && { field }) });
    expect(await tableDigests(t.store)).toEqual(before);
    return response;
  }

  it.each([
    ['0000-01-01', 'year 0'],
    ['0001-01-01', 'year 1'],
    ['1899-12-31', 'the day before the range'],
    ['3000-01-01', 'the day after the range'],
    ['2026-01-31T23:59:60Z', 'a leap second'],
  ])('refuses an order dated %s (%s) naming orderedAt, and analysis still runs', async (orderedAt) => {
    await refused(() => t.call('POST', '/api/v1/orders', { as: t.rep, body: { accountId: account, number: `N-${orderedAt}`, orderedAt } }), 400, 'orderedAt');
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2026-06-30' } })).statusCode).toBe(201);
  });

  it('accepts the first and the last day of the range', async () => {
    for (const orderedAt of ['1900-01-01', '2999-12-31T23:59:59Z']) {
      expect((await t.call('POST', '/api/v1/orders', { body: { accountId: account, number: `EDGE-${orderedAt}`, orderedAt } })).statusCode).toBe(201);
    }
  });

  it.each([
    ['POST', '/api/v1/tasks', { accountId: 0, title: 'x', dueAt: '0000-01-01T00:00:00Z' }, 'dueAt'],
    ['POST', '/api/v1/accounts', { name: 'Old', customerSince: '1899-12-31' }, 'customerSince'],
    ['POST', '/api/v1/interactions', { accountId: 0, type: 'call', subject: 'x', occurredAt: '3000-01-01T00:00:00Z' }, 'occurredAt'],
  ])('%s %s refuses a date out of range naming it', async (method, url, body, field) => {
    const given = { ...body, ...('accountId' in body && { accountId: account }) };
    await refused(() => t.call(method, url, { body: given }), 400, field);
  });

  it.each([
    ['/api/v1/analysis/upsell?asOf=9999-12-31', 'asOf'],
    ['/api/v1/analysis/upsell?asOf=2026-02-30', 'asOf'],
    ['/api/v1/analysis/clv?asOf=0000-01-01', 'asOf'],
    ['/api/v1/accounts/1/clv?asOf=3000-01-01', 'asOf'],
    ['/api/v1/orders?orderedFrom=0000-01-01', 'orderedFrom'],
    ['/api/v1/tasks?dueFrom=9999-01-01T00:00:00Z', 'dueFrom'],
  ])('GET %s answers 400 naming %s', async (url, field) => {
    await refused(() => t.call('GET', url), 400, field);
  });

  it.each([
    ['/api/v1/accounts?q=a%00b', 'q'],
    ['/api/v1/accounts?segment=%00', 'segment'],
    ['/api/v1/tasks?dueFrom=2026-01-01T00:00:00Z%00', 'dueFrom'],
  ])('GET %s answers 400 naming the parameter holding NUL', async (url, field) => {
    await refused(() => t.call('GET', url), 400, field);
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', 'a\udc00'],
  ])('refuses a name holding %s, naming the field', async (_what, name) => {
    await refused(() => t.call('POST', '/api/v1/accounts', { body: { name } }), 400, 'name');
    await refused(() => t.call('PATCH', `/api/v1/accounts/${account}`, { body: { customFields: { note: name } } }), 400, 'customFields.note');
    await refused(() => t.call('POST', '/api/v1/accounts', { body: { name: 'Key', customFields: { [name]: 1 } } }), 400, 'customFields');
    await refused(() => t.call('POST', '/api/v1/auth/sign-in', { as: null, body: { email: `x${name}@example.com`, password: 'a long enough password' } }), 400, 'email');
  });

  it('keeps a well-formed surrogate pair (an emoji)', async () => {
    const response = await t.call('POST', '/api/v1/accounts', { body: { name: 'Rocket 🚀' } });
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('Rocket 🚀');
  });

  it.each([
    [`/api/v1/accounts/${2 ** 63}`],
    ['/api/v1/accounts/9223372036854775807'],
    ['/api/v1/accounts/9007199254740992'],
    ['/api/v1/accounts/%20%201'],
    ['/api/v1/accounts/+1'],
    ['/api/v1/accounts/1%0A'],
    ['/api/v1/accounts/01'],
    ['/api/v1/accounts/1e0'],
  ])('refuses the id in %s: read and delete both answer 400 naming it', async (url) => {
    await refused(() => t.call('GET', url), 400, 'id');
    await refused(() => t.call('DELETE', url), 400, 'id');
  });

  it.each([
    ['/api/v1/accounts?ownerId=%201', 'ownerId'],
    ['/api/v1/accounts?limit=+5', 'limit'],
    [`/api/v1/analysis/upsell?offset=${2 ** 63}`, 'offset'],
  ])('refuses the number in %s naming it', async (url, field) => {
    await refused(() => t.call('GET', url), 400, field);
  });

  it('refuses an item count past what the column holds', async () => {
    await refused(() => t.call('POST', '/api/v1/orders', { body: { accountId: account, number: 'BIG', orderedAt: '2026-01-01', itemCount: 2 ** 31 } }), 400, 'itemCount');
    expect((await t.call('POST', '/api/v1/orders', { body: { accountId: account, number: 'MAX', orderedAt: '2026-01-01', itemCount: 2 ** 31 - 1 } })).statusCode).toBe(201);
  });

  it('refuses custom fields larger than 16 KiB as JSON, naming them, and keeps those at the limit', async () => {
    const sized = (bytes: number) => ({ note: 'x'.repeat(bytes - '{"note":""}'.length) });
    await refused(() => t.call('PATCH', `/api/v1/accounts/${account}`, { body: { customFields: sized(16 * 1024 + 1) } }), 400, 'customFields');
    await refused(() => t.call('POST', '/api/v1/accounts', { body: { name: 'Big', customFields: { a: 'é'.repeat(8 * 1024) } } }), 400, 'customFields');
    const response = await t.call('PATCH', `/api/v1/accounts/${account}`, { body: { customFields: sized(16 * 1024) } });
    expect(response.statusCode).toBe(200);
    expect(response.json().customFields.note).toHaveLength(16 * 1024 - 11);
  });

  it('refuses values nested deeper than 16 levels', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 17; i++) deep = [deep];
    await refused(() => t.call('POST', '/api/v1/accounts', { body: { name: 'Deep', customFields: { deep } } }), 400, 'customFields');
    const deeper = '['.repeat(100_000) + ']'.repeat(100_000);
    await refused(raw(`{"name":"Deeper","customFields":{"x":${deeper}}}`, 'application/json'), 400);
  });

  it('refuses numbers JSON reads as infinite', async () => {
    await refused(raw(`{"accountId":${'1'},"number":"INF","orderedAt":"2026-01-01","lines":[{"quantity":1,"unitPrice":"1.00","discountPercent":1e400}]}`, 'application/json', 'POST', '/api/v1/orders'), 400, 'lines.0.discountPercent');
  });

  const raw = (payload: string | Buffer, contentType: string, method: 'POST' | 'PATCH' = 'POST', url = '/api/v1/accounts') => () => t.app.inject({
    method, url, payload, headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': contentType },
  }) as ReturnType<TestApp['call']>;

  it('refuses a body that is not valid UTF-8', async () => {
    const invalid = Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    await refused(raw(invalid, 'application/json'), 400, null);
  });

  it('refuses a body labelled with another charset than UTF-8 with 415', async () => {
    const utf16 = Buffer.from('{"name":"Sixteen"}', 'utf16le');
    await refused(raw(utf16, 'application/json; charset=utf-16'), 415, null);
    await refused(raw('{"name":"Latin"}', 'application/json; charset=iso-8859-1'), 415, null);
    expect((await raw('{"name":"Labelled"}', 'application/json; charset=UTF-8')()).statusCode).toBe(201);
  });

  it('refuses a body of another media type with 415 in the error shape', async () => {
    await refused(raw('name=Form', 'application/x-www-form-urlencoded'), 415, null);
    await refused(raw('name', 'text/plain'), 415, null);
  });

  it('answers every error of the framework itself in the error shape', async () => {
    await refused(() => t.call('GET', '/api/v1/accounts/%FF%FE'), 400);
    await refused(() => t.call('GET', '/api/v1/%E0%A4%A'), 400);
    await refused(() => t.call('GET', '/api/v1/nowhere'), 404);
    await refused(() => t.call('DELETE', '/api/v1/accounts'), 404);
    await refused(raw('{"name": "unfinished', 'application/json'), 400, null);
    await refused(raw('', 'application/json'), 400, null);
    await refused(raw(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'), 413, null);
  });
});
