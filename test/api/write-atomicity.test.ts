// A request succeeds or changes nothing. For every write the API offers, the request is sent
// once to count the statements it writes, then again failing at each of those statements in
// turn: each failure must answer in the error shape and leave every table as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/api/app.js';
import { tableDigests } from '../../src/store/table-digests.js';
import { expectError } from '../support/expect-error.js';
import { FaultPlan, faultyStore } from '../support/fault-injection.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Request { method: 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; body?: unknown; cookie?: string; csrfToken?: string }

let serial = 0;
const unique = (prefix: string) => `${prefix}-${++serial}`;
/**
 * A day of its own for each rate a case writes, so every write adds one. The rates are of
 * currencies the settings case never makes the organisation's (it switches USD and EUR).
 */
const uniqueDay = () => new Date(Date.UTC(2020, 0, 1) + ++serial * 86_400_000).toISOString().slice(0, 10);

/** POST routes that compute without writing. */
const READ_ONLY = new Set(['POST /api/v1/settings/portfolio/preview']);

/** Each write route, and how to build a request that succeeds (setting up what it needs first). */
const WRITES: Record<string, (t: TestApp, ids: { account: number }) => Promise<Request>> = {
  'POST /api/v1/accounts': async () => ({ method: 'POST', url: '/api/v1/accounts', body: { name: unique('Account'), tags: ['a'] } }),
  'PATCH /api/v1/accounts/{id}': async (t) => ({ method: 'PATCH', url: `/api/v1/accounts/${await created(t, 'accounts', { name: unique('Changed') })}`, body: { status: 'customer', city: 'Nantes' } }),
  'DELETE /api/v1/accounts/{id}': async (t) => ({ method: 'DELETE', url: `/api/v1/accounts/${await created(t, 'accounts', { name: unique('Gone') })}` }),
  'POST /api/v1/accounts/{id}/merge': async (t) => {
    const into = await created(t, 'accounts', { name: unique('Kept') });
    const from = await created(t, 'accounts', { name: unique('Merged'), city: 'Lyon' });
    await created(t, 'orders', { accountId: from, number: unique('M'), orderedAt: '2026-01-02' });
    return { method: 'POST', url: `/api/v1/accounts/${into}/merge`, body: { from } };
  },
  'POST /api/v1/contacts': async (_t, ids) => ({ method: 'POST', url: '/api/v1/contacts', body: { accountId: ids.account, lastName: unique('Doe') } }),
  'PATCH /api/v1/contacts/{id}': async (t, ids) => ({ method: 'PATCH', url: `/api/v1/contacts/${await created(t, 'contacts', { accountId: ids.account, lastName: unique('Doe') })}`, body: { firstName: 'Ann' } }),
  'DELETE /api/v1/contacts/{id}': async (t, ids) => ({ method: 'DELETE', url: `/api/v1/contacts/${await created(t, 'contacts', { accountId: ids.account, lastName: unique('Doe') })}` }),
  'POST /api/v1/contacts/{id}/merge': async (t, ids) => {
    const into = await created(t, 'contacts', { accountId: ids.account, lastName: unique('Kept') });
    const from = await created(t, 'contacts', { accountId: ids.account, lastName: unique('Merged'), email: 'merged@example.com' });
    return { method: 'POST', url: `/api/v1/contacts/${into}/merge`, body: { from } };
  },
  'POST /api/v1/products': async () => ({ method: 'POST', url: '/api/v1/products', body: { sku: unique('SKU'), name: 'Widget', listPrice: '2.50' } }),
  'PATCH /api/v1/products/{id}': async (t) => ({ method: 'PATCH', url: `/api/v1/products/${await created(t, 'products', { sku: unique('SKU'), name: 'W', listPrice: '1.00' })}`, body: { listPrice: '3.00' } }),
  'DELETE /api/v1/products/{id}': async (t) => ({ method: 'DELETE', url: `/api/v1/products/${await created(t, 'products', { sku: unique('SKU'), name: 'W', listPrice: '1.00' })}` }),
  'POST /api/v1/orders': async (_t, ids) => ({ method: 'POST', url: '/api/v1/orders', body: { accountId: ids.account, number: unique('SO'), orderedAt: '2026-03-01', lines: [{ quantity: 2, unitPrice: '10.00' }] } }),
  'PATCH /api/v1/orders/{id}': async (t, ids) => ({ method: 'PATCH', url: `/api/v1/orders/${await created(t, 'orders', { accountId: ids.account, number: unique('SO'), orderedAt: '2026-03-02' })}`, body: { orderedAt: '2026-04-01', total: '99.00' } }),
  'DELETE /api/v1/orders/{id}': async (t, ids) => ({ method: 'DELETE', url: `/api/v1/orders/${await created(t, 'orders', { accountId: ids.account, number: unique('SO'), orderedAt: '2026-03-03' })}` }),
  'POST /api/v1/interactions': async (_t, ids) => ({ method: 'POST', url: '/api/v1/interactions', body: { accountId: ids.account, type: 'call', subject: unique('Call') } }),
  'PATCH /api/v1/interactions/{id}': async (t, ids) => ({ method: 'PATCH', url: `/api/v1/interactions/${await created(t, 'interactions', { accountId: ids.account, type: 'note', subject: 'x' })}`, body: { subject: 'y' } }),
  'DELETE /api/v1/interactions/{id}': async (t, ids) => ({ method: 'DELETE', url: `/api/v1/interactions/${await created(t, 'interactions', { accountId: ids.account, type: 'note', subject: 'x' })}` }),
  'POST /api/v1/tasks': async (_t, ids) => ({ method: 'POST', url: '/api/v1/tasks', body: { accountId: ids.account, title: unique('Task'), dueAt: '2026-05-01T09:00:00Z' } }),
  'PATCH /api/v1/tasks/{id}': async (t, ids) => ({ method: 'PATCH', url: `/api/v1/tasks/${await created(t, 'tasks', { accountId: ids.account, title: 'x', dueAt: '2026-05-01T09:00:00Z' })}`, body: { done: true } }),
  'DELETE /api/v1/tasks/{id}': async (t, ids) => ({ method: 'DELETE', url: `/api/v1/tasks/${await created(t, 'tasks', { accountId: ids.account, title: 'x', dueAt: '2026-05-01T09:00:00Z' })}` }),
  'POST /api/v1/users': async () => ({ method: 'POST', url: '/api/v1/users', body: { email: `${unique('user')}@example.com`, name: 'New', role: 'rep', password: 'a long enough password' } }),
  'PATCH /api/v1/users/{id}': async (t) => ({ method: 'PATCH', url: `/api/v1/users/${t.otherRep.id}`, body: { name: unique('Renamed') } }),
  'POST /api/v1/tokens': async () => ({ method: 'POST', url: '/api/v1/tokens', body: { name: unique('token') } }),
  'DELETE /api/v1/tokens/{id}': async (t) => ({ method: 'DELETE', url: `/api/v1/tokens/${(await t.call('POST', '/api/v1/tokens', { body: { name: 'x' } })).json().record.id}` }),
  'POST /api/v1/auth/sign-in': async () => ({ method: 'POST', url: '/api/v1/auth/sign-in', body: { email: 'manager@example.com', password: 'a long enough password' } }),
  'POST /api/v1/auth/sign-out': async (t) => {
    const response = await t.call('POST', '/api/v1/auth/sign-in', { as: null, body: { email: 'manager@example.com', password: 'a long enough password' } });
    const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { method: 'POST', url: '/api/v1/auth/sign-out', cookie, csrfToken: response.json().csrfToken };
  },
  'PUT /api/v1/settings/access': async () => ({ method: 'PUT', url: '/api/v1/settings/access', body: { repVisibility: serial++ % 2 ? 'own' : 'all' } }),
  'PUT /api/v1/settings/analysis-schedule': async () => ({ method: 'PUT', url: '/api/v1/settings/analysis-schedule', body: { snapshots: 'monthly', dailyRefresh: serial++ % 2 === 0 } }),
  'PUT /api/v1/settings/currency': async () => ({ method: 'PUT', url: '/api/v1/settings/currency', body: { currency: serial++ % 2 ? 'USD' : 'EUR' } }),
  'PUT /api/v1/exchange-rates': async () => ({ method: 'PUT', url: '/api/v1/exchange-rates', body: { rates: [{ currency: 'JPY', date: uniqueDay(), rate: '0.0061' }] } }),
  'DELETE /api/v1/exchange-rates/{currency}/{date}': async (t) => {
    const date = uniqueDay();
    const saved = await t.call('PUT', '/api/v1/exchange-rates', { body: { rates: [{ currency: 'CHF', date, rate: '1.0650' }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    return { method: 'DELETE', url: `/api/v1/exchange-rates/CHF/${date}` };
  },
  'POST /api/v1/duplicates/dismissed': async (t) => ({
    method: 'POST', url: '/api/v1/duplicates/dismissed',
    body: { kind: 'account', a: await created(t, 'accounts', { name: unique('Twin') }), b: await created(t, 'accounts', { name: unique('Twin') }) },
  }),
  'DELETE /api/v1/duplicates/dismissed/{kind}/{a}/{b}': async (t) => {
    const [a, b] = [await created(t, 'accounts', { name: unique('Twin') }), await created(t, 'accounts', { name: unique('Twin') })];
    const dismissed = await t.call('POST', '/api/v1/duplicates/dismissed', { body: { kind: 'account', a, b } });
    expect(dismissed.statusCode, dismissed.body).toBe(201);
    return { method: 'DELETE', url: `/api/v1/duplicates/dismissed/account/${a}/${b}` };
  },
  'PUT /api/v1/settings/goals': async () => ({ method: 'PUT', url: '/api/v1/settings/goals', body: { goals: [{ metric: 'revenue', target: `${++serial}.00`, comparator: 'atLeast', period: { start: '2026-01-01', end: '2026-12-31' } }] } }),
  'PUT /api/v1/settings/portfolio': async () => ({ method: 'PUT', url: '/api/v1/settings/portfolio', body: { abc: { aMaxShare: 0.7 + (++serial % 10) / 100 } } }),
  'POST /api/v1/settings/portfolio/preview': async () => ({ method: 'POST', url: '/api/v1/settings/portfolio/preview', body: { abc: { aMaxShare: 0.75 } } }),
  'POST /api/v1/analysis/runs': async () => ({ method: 'POST', url: '/api/v1/analysis/runs', body: { asOf: '2026-06-30', snapshot: serial++ % 2 === 0 } }),
};

/** Written through the ordinary app, with no fault. */
async function created(t: TestApp, resource: string, body: object): Promise<number> {
  const response = await t.call('POST', `/api/v1/${resource}`, { body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}

describe.each(ENGINES)('a failing write changes nothing on %s', (engine) => {
  let t: TestApp;
  let faulty: App;
  const plan = new FaultPlan();
  const ids = { account: 0 };
  beforeAll(async () => {
    t = await openTestApp(engine);
    faulty = await buildApp({ store: faultyStore(t.store, plan), logger: false, webRoot: false });
    ids.account = await created(t, 'accounts', { name: 'Target' });
    await created(t, 'orders', { accountId: ids.account, number: 'FIRST', orderedAt: '2026-01-05' });
    // A latest run, so that orders re-place their account in it within their transaction.
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: {} })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await faulty?.close();
    await t?.close();
  });

  const send = (request: Request) => faulty.inject({
    method: request.method, url: request.url,
    headers: request.cookie ? { cookie: request.cookie, 'x-csrf-token': request.csrfToken ?? '' }
      : request.url.includes('/auth/') ? {} : { authorization: `Bearer ${t.admin.token}` },
    ...(request.body !== undefined && { payload: request.body as object }),
  });

  it('covers every write operation of the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m !== 'get').map((m) => `${m.toUpperCase()} ${path}`));
    // Imports are written by a job in COPY batches of their own; test/import/interrupted-runs covers them.
    // A rates file is one multipart upload saved in one transaction, as PUT /exchange-rates is (tested here).
    const fileUploads = ['POST /api/v1/imports', 'POST /api/v1/exchange-rates/import'];
    expect(operations.filter((op) => !fileUploads.includes(op)).sort()).toEqual(Object.keys(WRITES).sort());
  });

  it.each(Object.keys(WRITES))('%s: failing at any of its writes leaves every table as it was', async (operation) => {
    const build = WRITES[operation]!;
    plan.reset();
    const ok = await send(await build(t, ids));
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    const writes = plan.count;
    // A preview works the proposed rules out without storing anything.
    if (READ_ONLY.has(operation)) return expect(writes).toBe(0);
    expect(writes).toBeGreaterThan(0);
    for (let k = 1; k <= writes; k++) {
      const request = await build(t, ids);
      const before = await tableDigests(t.store);
      plan.reset(k);
      const response = await send(request);
      plan.reset();
      expectError(response, { status: 500, code: 'internal' });
      expect(await tableDigests(t.store), `${operation} failing at write ${k} of ${writes}`).toEqual(before);
    }
  });
});
