// Bad input of every kind, on every resource's writes: each answer must be the one error shape,
// with the status the mistake deserves and the field it concerns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

type Body = Record<string, unknown>;
interface Ids {
  account: number;
  contact: number;
  product: number;
  order: number;
  interaction: number;
  task: number;
  user: number;
}

/** A valid body for each POST, which each case spoils in one way. */
const valid = (ids: Ids): Record<string, Body> => ({
  accounts: { name: 'Valid Co' },
  contacts: { accountId: ids.account, lastName: 'Valid' },
  products: { sku: `SKU-${Math.random()}`, name: 'Valid', listPrice: '1.00' },
  orders: { accountId: ids.account, number: `N-${Math.random()}`, orderedAt: '2026-01-31' },
  interactions: { accountId: ids.account, type: 'call', subject: 'Valid' },
  tasks: { accountId: ids.account, title: 'Valid', dueAt: '2026-01-31T09:00:00Z' },
  users: { email: `valid${Math.random()}@example.com`, name: 'Valid', role: 'rep', password: 'a long enough password' },
  tokens: { name: 'Valid' },
});

const line = (spoil: Body = {}) => ({ quantity: 1, unitPrice: '1.00', ...spoil });
const long = (n: number) => 'x'.repeat(n);

// [resource, what is wrong, change to the valid body (undefined removes a field), field named]
const CASES: [string, string, Body, string][] = [
  ['accounts', 'a number for a name', { name: 42 }, 'name'],
  ['accounts', 'no name', { name: undefined }, 'name'],
  ['accounts', 'an unknown field', { colour: 'red' }, 'colour'],
  ['accounts', 'a 201-character name', { name: long(201) }, 'name'],
  ['accounts', 'a blank name', { name: '   ' }, 'name'],
  ['accounts', 'an empty name', { name: '' }, 'name'],
  ['accounts', 'an email without a domain', { email: 'someone@' }, 'email'],
  ['accounts', 'an email with a space', { email: 'some one@example.com' }, 'email'],
  ['accounts', 'an email without an at sign', { email: 'example.com' }, 'email'],
  ['accounts', 'an unknown country code', { country: 'XX' }, 'country'],
  ['accounts', 'a lower-case country code', { country: 'fr' }, 'country'],
  ['accounts', 'a three-letter country code', { country: 'FRA' }, 'country'],
  ['accounts', 'a country name', { country: 'France' }, 'country'],
  ['accounts', 'an unknown status', { status: 'vip' }, 'status'],
  ['accounts', 'a string for tags', { tags: 'key' }, 'tags'],
  ['accounts', 'a number among tags', { tags: ['key', 7] }, 'tags.1'],
  ['accounts', 'a tag with a comma', { tags: ['a,b'] }, 'tags.0'],
  ['accounts', 'a 51-character tag', { tags: [long(51)] }, 'tags.0'],
  ['accounts', 'a tag given twice', { tags: ['key', 'key'] }, 'tags'],
  ['accounts', 'a phone with letters', { phone: 'call me' }, 'phone'],
  ['accounts', 'a string for a boolean', { hasInterest: 'yes' }, 'hasInterest'],
  ['accounts', 'a fractional owner id', { ownerId: 1.5 }, 'ownerId'],
  ['accounts', 'a list for custom fields', { customFields: [] }, 'customFields'],
  ['accounts', 'an empty external id', { externalId: '' }, 'externalId'],

  ['contacts', 'no account', { accountId: undefined }, 'accountId'],
  ['contacts', 'no last name', { lastName: undefined }, 'lastName'],
  ['contacts', 'a string for the account', { accountId: '1' }, 'accountId'],
  ['contacts', 'an unknown field', { nickname: 'Bob' }, 'nickname'],
  ['contacts', 'a 101-character last name', { lastName: long(101) }, 'lastName'],
  ['contacts', 'an invalid email', { email: 'not-an-email' }, 'email'],
  ['contacts', 'a birth year as a string', { birthYear: '1980' }, 'birthYear'],
  ['contacts', 'a birth year out of range', { birthYear: 1850 }, 'birthYear'],
  ['contacts', 'an unknown civility', { civility: 'sir' }, 'civility'],
  ['contacts', 'consent for an unknown channel', { consent: { fax: { granted: true, source: 'form', at: '2026-01-01T00:00:00Z' } } }, 'consent.fax'],
  ['contacts', 'consent without its source', { consent: { email: { granted: true, at: '2026-01-01T00:00:00Z' } } }, 'consent.email.source'],
  ['contacts', 'consent with a bad date', { consent: { sms: { granted: true, source: 'form', at: 'yesterday' } } }, 'consent.sms.at'],

  ['products', 'no price', { listPrice: undefined }, 'listPrice'],
  ['products', 'a price with three decimals', { listPrice: '12.345' }, 'listPrice'],
  ['products', 'a price with a decimal comma', { listPrice: '1,5' }, 'listPrice'],
  ['products', 'a price as a number', { listPrice: 12.5 }, 'listPrice'],
  ['products', 'a price in exponent notation', { listPrice: '1e3' }, 'listPrice'],
  ['products', 'a price with a currency sign', { listPrice: '€12' }, 'listPrice'],
  ['products', 'a price with a trailing dot', { listPrice: '12.' }, 'listPrice'],
  ['products', 'an empty price', { listPrice: '' }, 'listPrice'],
  ['products', 'a 65-character SKU', { sku: long(65) }, 'sku'],
  ['products', 'an unknown field', { price: '1.00' }, 'price'],
  ['products', 'a string for active', { active: 'true' }, 'active'],

  ['orders', 'no number', { number: undefined }, 'number'],
  ['orders', 'no order date', { orderedAt: undefined }, 'orderedAt'],
  ['orders', 'a day that does not exist', { orderedAt: '2026-02-30' }, 'orderedAt'],
  ['orders', 'a day-first date', { orderedAt: '31/01/2026' }, 'orderedAt'],
  ['orders', 'a total with three decimals', { total: '12.345' }, 'total'],
  ['orders', 'a total with a decimal comma', { total: '1,5' }, 'total'],
  ['orders', 'an unknown status', { status: 'paid' }, 'status'],
  ['orders', 'a negative item count', { itemCount: -1 }, 'itemCount'],
  ['orders', 'an object for lines', { lines: {} }, 'lines'],
  ['orders', 'a line without quantity', { lines: [{ unitPrice: '1.00' }] }, 'lines.0.quantity'],
  ['orders', 'a fractional quantity', { lines: [line({ quantity: 1.5 })] }, 'lines.0.quantity'],
  ['orders', 'a unit price with a decimal comma', { lines: [line(), line({ unitPrice: '1,5' })] }, 'lines.1.unitPrice'],
  ['orders', 'a discount over 100 %', { lines: [line({ discountPercent: 101 })] }, 'lines.0.discountPercent'],
  ['orders', 'a negative discount', { lines: [line({ discountPercent: -5 })] }, 'lines.0.discountPercent'],
  ['orders', 'a discount with three decimals', { lines: [line({ discountPercent: 12.345 })] }, 'lines.0.discountPercent'],
  ['orders', 'an unknown field on a line', { lines: [line({ colour: 'red' })] }, 'lines.0.colour'],
  ['orders', 'an unknown field', { paidBy: 'card' }, 'paidBy'],

  ['interactions', 'no type', { type: undefined }, 'type'],
  ['interactions', 'no subject', { subject: undefined }, 'subject'],
  ['interactions', 'an unknown type', { type: 'fax' }, 'type'],
  ['interactions', 'an empty subject', { subject: '' }, 'subject'],
  ['interactions', 'a 201-character subject', { subject: long(201) }, 'subject'],
  ['interactions', 'a 20001-character body', { body: long(20001) }, 'body'],
  ['interactions', 'a date in words', { occurredAt: 'now' }, 'occurredAt'],
  ['interactions', 'a string for the contact', { contactId: 'x' }, 'contactId'],
  ['interactions', 'an unknown field', { mood: 'happy' }, 'mood'],

  ['tasks', 'no due date', { dueAt: undefined }, 'dueAt'],
  ['tasks', 'a due date without a time', { dueAt: '2026-01-31' }, 'dueAt'],
  ['tasks', 'a 201-character title', { title: long(201) }, 'title'],
  ['tasks', 'a 5001-character note', { notes: long(5001) }, 'notes'],
  ['tasks', 'a string for done', { done: 'yes' }, 'done'],
  ['tasks', 'a reminder in words', { remindAt: 'soon' }, 'remindAt'],
  ['tasks', 'an unknown field', { priority: 'high' }, 'priority'],

  ['users', 'an invalid email', { email: 'nobody' }, 'email'],
  ['users', 'a short password', { password: 'short' }, 'password'],
  ['users', 'no password', { password: undefined }, 'password'],
  ['users', 'an unknown role', { role: 'boss' }, 'role'],
  ['users', 'an unknown field', { age: 40 }, 'age'],

  ['tokens', 'no name', { name: undefined }, 'name'],
  ['tokens', 'an empty name', { name: '' }, 'name'],
  ['tokens', 'an unknown field', { scope: 'all' }, 'scope'],
];

const RESOURCES = ['accounts', 'contacts', 'products', 'orders', 'interactions', 'tasks', 'users'] as const;
const WRONG_TYPE: Record<(typeof RESOURCES)[number], [string, unknown]> = {
  accounts: ['name', 1], contacts: ['lastName', ['Doe']], products: ['active', 'no'], orders: ['accountId', 'one'],
  interactions: ['subject', 2], tasks: ['done', 'no'], users: ['active', 'no'],
};

describe.each(ENGINES)('bad input on %s', (engine) => {
  let t: TestApp;
  let ids: Ids;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const post = async (path: string, body: Body) => {
      const response = await t.call('POST', `/api/v1/${path}`, { body });
      expect(response.statusCode).toBe(201);
      return response.json().id as number;
    };
    const account = await post('accounts', { name: 'Target' });
    ids = {
      account,
      contact: await post('contacts', { accountId: account, lastName: 'Target' }),
      product: await post('products', { sku: 'TARGET', name: 'Target', listPrice: '1.00' }),
      order: await post('orders', { accountId: account, number: 'TARGET', orderedAt: '2026-01-01' }),
      interaction: await post('interactions', { accountId: account, type: 'note', subject: 'Target' }),
      task: await post('tasks', { accountId: account, title: 'Target', dueAt: '2026-01-01T00:00:00Z' }),
      user: t.otherRep.id,
    };
  });
  afterAll(async () => { await t?.close(); });

  const spoiled = (resource: string, change: Body) => {
    const body: Body = { ...valid(ids)[resource], ...change };
    for (const key of Object.keys(change)) if (change[key] === undefined) delete body[key];
    return body;
  };

  it.each(Object.keys(valid({} as Ids)))('accepts the valid %s body the cases start from', async (resource) => {
    expect((await t.call('POST', `/api/v1/${resource}`, { body: spoiled(resource, {}) })).statusCode).toBe(201);
  });

  it.each(CASES)('POST /%s with %s answers 400 naming the field', async (resource, _what, change, field) => {
    const error = expectError(await t.call('POST', `/api/v1/${resource}`, { body: spoiled(resource, change) }), { status: 400, code: 'bad_request', field });
    expect(error.message).toContain(`"${field}"`);
  });

  it('says in words what was wrong', async () => {
    const message = async (resource: string, change: Body) => (await t.call('POST', `/api/v1/${resource}`, { body: spoiled(resource, change) })).json().error.message;
    expect(await message('accounts', { colour: 'red' })).toBe('Unknown field "colour".');
    expect(await message('accounts', { name: undefined })).toBe('Field "name" is required.');
    expect(await message('accounts', { name: long(201) })).toBe('Field "name" must be at most 200 characters.');
    expect(await message('accounts', { name: 42 })).toBe('Field "name" must be a string.');
    expect(await message('accounts', { name: ' ' })).toBe('Field "name" must not be blank.');
    expect(await message('accounts', { email: 'x@' })).toBe('Field "email" must be a valid email address.');
    expect(await message('accounts', { country: 'XX' })).toMatch(/"country" must be an ISO 3166-1 alpha-2 country code/);
    expect(await message('accounts', { tags: ['a,b'] })).toBe('Field "tags.0" must not contain a comma.');
    expect(await message('products', { listPrice: '1,5' })).toMatch(/"listPrice" must be an amount .* at most two decimals/);
    expect(await message('interactions', { body: long(20001) })).toBe('Field "body" must be at most 20000 characters.');
    expect(await message('tasks', { dueAt: '2026-01-31' })).toMatch(/"dueAt" must be an ISO 8601 timestamp/);
  });

  it('accepts strings at their maximum length', async () => {
    expect((await t.call('POST', '/api/v1/accounts', { body: { name: long(200) } })).statusCode).toBe(201);
    expect((await t.call('POST', '/api/v1/interactions', { body: spoiled('interactions', { body: long(20000) }) })).statusCode).toBe(201);
  });

  it('answers 422 naming lines when the amounts pass what can be kept to the cent', async () => {
    expectError(await t.call('POST', '/api/v1/orders', { body: spoiled('orders', { lines: [line({ quantity: 1_000_000, unitPrice: '9999999999999.99' })] }) }),
      { status: 422, code: 'invalid', field: 'lines' });
  });

  it.each(RESOURCES)('PATCH /%s with an empty body answers 400', async (resource) => {
    const id = ids[resource.replace(/s$/, '') as keyof Ids];
    expectError(await t.call('PATCH', `/api/v1/${resource}/${id}`, { body: {} }), { status: 400, code: 'bad_request', field: null, message: /at least one field/ });
  });

  it.each(RESOURCES)('PATCH /%s with an unknown field or a wrong type answers 400 naming the field', async (resource) => {
    const id = ids[resource.replace(/s$/, '') as keyof Ids];
    expectError(await t.call('PATCH', `/api/v1/${resource}/${id}`, { body: { bogus: 1 } }), { status: 400, code: 'bad_request', field: 'bogus' });
    const [field, value] = WRONG_TYPE[resource];
    expectError(await t.call('PATCH', `/api/v1/${resource}/${id}`, { body: { [field]: value } }), { status: 400, code: 'bad_request', field });
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    const raw = (payload: string) => t.app.inject({
      method: 'POST', url: '/api/v1/accounts', payload,
      headers: { authorization: `Bearer ${t.admin.token}`, 'content-type': 'application/json' },
    });
    expectError(await raw('{"name": "unfinished'), { status: 400, code: 'bad_request', field: null });
    expectError(await raw('[{"name": "in a list"}]'), { status: 400, code: 'bad_request', field: null, message: /object/ });
    expectError(await raw('null'), { status: 400, code: 'bad_request', field: null });
    expectError(await t.call('PATCH', `/api/v1/accounts/${ids.account}`), { status: 400, code: 'bad_request', field: null });
  });

  it.each([
    ['/api/v1/accounts/abc', 'id'],
    ['/api/v1/accounts/0', 'id'],
    ['/api/v1/contacts/1.5', 'id'],
  ])('answers 400 to GET %s naming the path parameter', async (url, field) => {
    expectError(await t.call('GET', url), { status: 400, code: 'bad_request', field, message: /params/ });
  });

  it.each([
    ['/api/v1/accounts?limit=0', 'limit'],
    ['/api/v1/accounts?limit=501', 'limit'],
    ['/api/v1/accounts?limit=ten', 'limit'],
    ['/api/v1/accounts?limit=1.5', 'limit'],
    ['/api/v1/contacts?accountId=1.5', 'accountId'],
    ['/api/v1/accounts?colour=red', 'colour'],
    ['/api/v1/accounts?sort=size', 'sort'],
    ['/api/v1/accounts?status=vip', 'status'],
    ['/api/v1/accounts?country=fr', 'country'],
    ['/api/v1/accounts?createdFrom=yesterday', 'createdFrom'],
    ['/api/v1/accounts?q=' + long(201), 'q'],
    ['/api/v1/accounts?cursor=not-a-cursor', 'cursor'],
    ['/api/v1/contacts?accountId=first', 'accountId'],
    ['/api/v1/products?active=maybe', 'active'],
    ['/api/v1/orders?orderedFrom=31/01/2026', 'orderedFrom'],
    ['/api/v1/orders?sort=-createdAt', 'sort'],
    ['/api/v1/interactions?type=fax', 'type'],
    ['/api/v1/tasks?done=perhaps', 'done'],
    ['/api/v1/tasks?cursor=' + Buffer.from('["due_at","2026-13-45T00:00:00Z",1]').toString('base64url'), 'cursor'],
  ])('answers 400 to GET %s naming the query parameter', async (url, field) => {
    expectError(await t.call('GET', url), { status: 400, code: 'bad_request', field });
  });

  it('answers 401, 403 and 404 in the same shape', async () => {
    expectError(await t.call('POST', '/api/v1/accounts', { as: null, body: { name: 'Anonymous' } }), { status: 401, code: 'unauthenticated', field: null });
    // Who is asking is settled before what they sent is judged.
    expectError(await t.call('POST', '/api/v1/accounts', { as: null, body: { colour: 'red' } }), { status: 401, code: 'unauthenticated', field: null });
    expectError(await t.call('GET', '/api/v1/accounts?limit=0', { as: null }), { status: 401, code: 'unauthenticated', field: null });
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/accounts', headers: { authorization: 'Bearer clt_forged' } }), { status: 401, code: 'unauthenticated' });
    expectError(await t.call('POST', '/api/v1/users', { as: t.rep, body: spoiled('users', {}) }), { status: 403, code: 'forbidden' });
    expectError(await t.call('GET', '/api/v1/nowhere'), { status: 404, code: 'not_found' });
    for (const resource of RESOURCES) {
      expectError(await t.call('GET', `/api/v1/${resource}/987654`), { status: 404, code: 'not_found' });
    }
  });
});
