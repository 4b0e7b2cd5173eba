// Every route of the API, called by each role and without credentials, under both settings of
// repVisibility. Each row says which status each caller must get; a rep limited to their own
// portfolio must not even learn that another rep's records exist (404, not 403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepVisibility } from '../../src/domain/access.js';
import { createApiToken } from '../../src/services/auth.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp, type TestUser } from '../support/test-app.js';

type Who = 'admin' | 'manager' | 'rep' | 'none';
const CALLERS: Who[] = ['admin', 'manager', 'rep', 'none'];
const MODES: RepVisibility[] = ['all', 'own'];

/** A status, or one per repVisibility setting when the setting decides. */
type Status = number | Record<RepVisibility, number>;
type Expected = Record<Who, Status>;

const everyone = (status: number): Expected => ({ admin: status, manager: status, rep: status, none: 401 });
const notReps = (status: number): Expected => ({ admin: status, manager: status, rep: 403, none: 401 });
const adminsOnly = (status: number): Expected => ({ admin: status, manager: 403, rep: 403, none: 401 });
/** Another rep's record: reps see it only while every rep sees every account. */
const hiddenFromReps = (status: number): Expected => ({ admin: status, manager: status, rep: { all: status, own: 404 }, none: 401 });

interface Fixtures {
  own: { account: number; contact: number; order: number; interaction: number; task: number };
  other: { account: number; contact: number; order: number; interaction: number; task: number };
  product: number;
}

interface Cell {
  f: Fixtures;
  mode: RepVisibility;
  /** The caller; the rep when nobody is signed in, so "self" routes still name someone. */
  self: TestUser;
}

interface Request {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
}

interface Row {
  route: string;
  expected: Expected;
  request(cell: Cell): Request | Promise<Request>;
}

describe.each(ENGINES)('access matrix on %s', (engine) => {
  let t: TestApp;
  let f: Fixtures;
  let seq = 0;
  const caller = (who: Who): TestUser | null => (who === 'none' ? null : t[who]);

  async function created(path: string, body: object): Promise<number> {
    const response = await t.call('POST', `/api/v1/${path}`, { body });
    expect(response.statusCode, `fixture ${path}: ${response.body}`).toBe(201);
    return path === 'tokens' ? response.json().record.id : response.json().id;
  }
  const fresh = {
    account: (ownerId: number) => created('accounts', { name: `Fresh account ${++seq}`, ownerId }),
    contact: (accountId: number) => created('contacts', { accountId, lastName: `Fresh ${++seq}` }),
    order: (accountId: number) => created('orders', { accountId, number: `MX-${++seq}`, orderedAt: '2024-01-01' }),
    interaction: (accountId: number) => created('interactions', { accountId, type: 'note', subject: `Fresh ${++seq}` }),
    task: (accountId: number) => created('tasks', { accountId, title: `Fresh ${++seq}`, dueAt: '2024-01-01T00:00:00Z' }),
    product: () => created('products', { sku: `MX-P-${++seq}`, name: 'Fresh product', listPrice: '1.00' }),
  };

  async function portfolio(ownerId: number, name: string) {
    const account = await created('accounts', { name, ownerId });
    return {
      account,
      contact: await created('contacts', { accountId: account, firstName: name, lastName: 'Contact' }),
      order: await created('orders', { accountId: account, number: `${name}-order`, orderedAt: '2024-01-01' }),
      interaction: await created('interactions', { accountId: account, type: 'call', subject: `${name} call` }),
      task: await created('tasks', { accountId: account, title: `${name} task`, dueAt: '2024-01-01T00:00:00Z' }),
    };
  }

  beforeAll(async () => {
    t = await openTestApp(engine);
    f = {
      own: await portfolio(t.rep.id, 'Zephyrine'),
      other: await portfolio(t.otherRep.id, 'Quillaby'),
      product: await created('products', { sku: 'MX-PRODUCT', name: 'Matrix product', listPrice: '9.99' }),
    };
  });
  afterAll(async () => { await t?.close(); });

  /** The rows for a resource owned by an account: contacts, orders, interactions, tasks. */
  function accountRecordRows(path: 'contacts' | 'orders' | 'interactions' | 'tasks', body: (accountId: number) => object, patch: object, deleteBy: (status: number) => Expected): Row[] {
    const kind = ({ contacts: 'contact', orders: 'order', interactions: 'interaction', tasks: 'task' } as const)[path];
    return [
      { route: `GET /${path}`, expected: everyone(200), request: () => ({ method: 'GET', url: `/api/v1/${path}` }) },
      { route: `GET /${path}?q= (search)`, expected: everyone(200), request: () => ({ method: 'GET', url: `/api/v1/${path}?q=a` }) },
      { route: `POST /${path} on the rep's own account`, expected: everyone(201), request: ({ f }) => ({ method: 'POST', url: `/api/v1/${path}`, body: body(f.own.account) }) },
      { route: `POST /${path} on another rep's account`, expected: hiddenFromReps(201), request: ({ f }) => ({ method: 'POST', url: `/api/v1/${path}`, body: body(f.other.account) }) },
      { route: `GET /${path}/:id of the rep's own account`, expected: everyone(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/${path}/${f.own[kind]}` }) },
      { route: `GET /${path}/:id of another rep's account`, expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/${path}/${f.other[kind]}` }) },
      { route: `PATCH /${path}/:id of the rep's own account`, expected: everyone(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/${path}/${f.own[kind]}`, body: patch }) },
      { route: `PATCH /${path}/:id of another rep's account`, expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/${path}/${f.other[kind]}`, body: patch }) },
      { route: `PATCH /${path}/:id moving it to another rep's account`, expected: hiddenFromReps(200), request: async ({ f }) => ({ method: 'PATCH', url: `/api/v1/${path}/${await fresh[kind](f.own.account)}`, body: { accountId: f.other.account } }) },
      { route: `DELETE /${path}/:id of the rep's own account`, expected: deleteBy(204), request: async ({ f }) => ({ method: 'DELETE', url: `/api/v1/${path}/${await fresh[kind](f.own.account)}` }) },
      { route: `DELETE /${path}/:id of another rep's account`, expected: path === 'orders' ? deleteBy(204) : hiddenFromReps(204), request: async ({ f }) => ({ method: 'DELETE', url: `/api/v1/${path}/${await fresh[kind](f.other.account)}` }) },
    ];
  }

  const ROWS: Row[] = [
    { route: 'GET /auth/me', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/auth/me' }) },

    { route: 'GET /accounts', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/accounts' }) },
    { route: 'GET /accounts?q= (search)', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/accounts?q=quillaby' }) },
    { route: 'POST /accounts', expected: everyone(201), request: () => ({ method: 'POST', url: '/api/v1/accounts', body: { name: `Created ${++seq}` } }) },
    { route: 'POST /accounts owned by another rep', expected: notReps(201), request: () => ({ method: 'POST', url: '/api/v1/accounts', body: { name: `Assigned ${++seq}`, ownerId: t.otherRep.id } }) },
    { route: 'GET /accounts/:id of the rep\'s own account', expected: everyone(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/accounts/${f.own.account}` }) },
    { route: 'GET /accounts/:id of another rep\'s account', expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/accounts/${f.other.account}` }) },
    { route: 'PATCH /accounts/:id of the rep\'s own account', expected: everyone(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/accounts/${f.own.account}`, body: { city: `City ${++seq}` } }) },
    { route: 'PATCH /accounts/:id of another rep\'s account', expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/accounts/${f.other.account}`, body: { city: `City ${++seq}` } }) },
    { route: 'PATCH /accounts/:id of another rep\'s account, sending its owner back unchanged', expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/accounts/${f.other.account}`, body: { ownerId: t.otherRep.id, city: `City ${++seq}` } }) },
    { route: 'PATCH /accounts/:id assigning it to another rep', expected: notReps(200), request: async () => ({ method: 'PATCH', url: `/api/v1/accounts/${await fresh.account(t.rep.id)}`, body: { ownerId: t.otherRep.id } }) },
    { route: 'DELETE /accounts/:id of the rep\'s own account', expected: notReps(204), request: async () => ({ method: 'DELETE', url: `/api/v1/accounts/${await fresh.account(t.rep.id)}` }) },
    { route: 'DELETE /accounts/:id of another rep\'s account', expected: notReps(204), request: async () => ({ method: 'DELETE', url: `/api/v1/accounts/${await fresh.account(t.otherRep.id)}` }) },
    { route: 'GET /accounts/:id/timeline of the rep\'s own account', expected: everyone(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/accounts/${f.own.account}/timeline` }) },
    { route: 'GET /accounts/:id/timeline of another rep\'s account', expected: hiddenFromReps(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/accounts/${f.other.account}/timeline` }) },

    ...accountRecordRows('contacts', (accountId) => ({ accountId, lastName: `Matrix ${++seq}` }), { jobTitle: 'Buyer' }, everyone),
    ...accountRecordRows('interactions', (accountId) => ({ accountId, type: 'call', subject: `Matrix ${++seq}` }), { outcome: 'interested' }, everyone),
    ...accountRecordRows('tasks', (accountId) => ({ accountId, title: `Matrix ${++seq}`, dueAt: '2024-02-01T00:00:00Z' }), { notes: 'Bring samples' }, everyone),
    ...accountRecordRows('orders', (accountId) => ({ accountId, number: `MX-${++seq}`, orderedAt: '2024-02-01' }), { status: 'shipped' }, notReps),

    { route: 'GET /products', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/products' }) },
    { route: 'GET /products/:id', expected: everyone(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/products/${f.product}` }) },
    { route: 'POST /products', expected: notReps(201), request: () => ({ method: 'POST', url: '/api/v1/products', body: { sku: `MX-NEW-${++seq}`, name: 'New', listPrice: '2.00' } }) },
    { route: 'PATCH /products/:id', expected: notReps(200), request: ({ f }) => ({ method: 'PATCH', url: `/api/v1/products/${f.product}`, body: { listPrice: '10.50' } }) },
    { route: 'DELETE /products/:id', expected: notReps(204), request: async () => ({ method: 'DELETE', url: `/api/v1/products/${await fresh.product()}` }) },

    { route: 'GET /users', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/users' }) },
    { route: 'GET /users/:id', expected: everyone(200), request: () => ({ method: 'GET', url: `/api/v1/users/${t.otherRep.id}` }) },
    { route: 'POST /users', expected: adminsOnly(201), request: () => ({ method: 'POST', url: '/api/v1/users', body: { email: `matrix${++seq}@example.com`, name: 'New user', role: 'rep', password: 'a long enough password' } }) },
    { route: 'PATCH /users/:id of someone else', expected: adminsOnly(200), request: () => ({ method: 'PATCH', url: `/api/v1/users/${t.otherRep.id}`, body: { name: `Renamed ${++seq}` } }) },
    { route: 'PATCH /users/:id renaming oneself', expected: everyone(200), request: ({ self }) => ({ method: 'PATCH', url: `/api/v1/users/${self.id}`, body: { name: `Self ${++seq}` } }) },
    { route: 'PATCH /users/:id making oneself an admin', expected: adminsOnly(200), request: ({ self }) => ({ method: 'PATCH', url: `/api/v1/users/${self.id}`, body: { role: 'admin' } }) },

    { route: 'GET /tokens', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/tokens' }) },
    { route: 'POST /tokens', expected: everyone(201), request: () => ({ method: 'POST', url: '/api/v1/tokens', body: { name: `Matrix ${++seq}` } }) },
    { route: 'DELETE /tokens/:id of one\'s own token', expected: everyone(204), request: async ({ self }) => ({ method: 'DELETE', url: `/api/v1/tokens/${(await createApiToken(t.store, self.id, 'to revoke')).record.id}` }) },
    { route: 'DELETE /tokens/:id of someone else\'s token', expected: everyone(404), request: async () => ({ method: 'DELETE', url: `/api/v1/tokens/${(await createApiToken(t.store, t.otherRep.id, 'not yours')).record.id}` }) },

    { route: 'GET /audit', expected: adminsOnly(200), request: () => ({ method: 'GET', url: '/api/v1/audit' }) },
    { route: 'GET /audit per record', expected: adminsOnly(200), request: ({ f }) => ({ method: 'GET', url: `/api/v1/audit?entity=account&entityId=${f.other.account}` }) },
    { route: 'GET /audit per user', expected: adminsOnly(200), request: () => ({ method: 'GET', url: `/api/v1/audit?userId=${t.otherRep.id}` }) },

    { route: 'GET /settings/access', expected: everyone(200), request: () => ({ method: 'GET', url: '/api/v1/settings/access' }) },
    // Puts back the setting in force, so the row changes nothing for the rows after it.
    { route: 'PUT /settings/access', expected: adminsOnly(200), request: ({ mode }) => ({ method: 'PUT', url: '/api/v1/settings/access', body: { repVisibility: mode } }) },
  ];

  for (const mode of MODES) {
    describe(`with repVisibility '${mode}'`, () => {
      beforeAll(async () => {
        const response = await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: mode } });
        expect(response.statusCode).toBe(200);
      });

      for (const row of ROWS) {
        it(`${row.route} answers each caller as the access rules say`, async () => {
          const actual: Partial<Record<Who, number>> = {};
          const expected: Partial<Record<Who, number>> = {};
          for (const who of CALLERS) {
            const as = caller(who);
            const request = await row.request({ f, mode, self: as ?? t.rep });
            const response = await t.call(request.method, request.url, { as, body: request.body });
            actual[who] = response.statusCode;
            const status = row.expected[who];
            expected[who] = typeof status === 'number' ? status : status[mode];
          }
          expect(actual).toEqual(expected);
        });
      }

      const otherAccount = () => f.other.account;

      it(`lists and searches ${mode === 'own' ? 'hide' : 'show'} another rep's accounts and records from a rep, and always show them to managers`, async () => {
        const repSees = mode === 'all';
        const accounts = async (query: string, as: TestUser) => (await allPages<{ id: number }>(t, `/api/v1/accounts?limit=100${query}`, as)).flat().map((a) => a.id);
        expect((await accounts('', t.rep)).includes(otherAccount())).toBe(repSees);
        expect((await accounts('', t.rep)).includes(f.own.account)).toBe(true);
        expect((await accounts('&q=quillaby', t.rep)).includes(otherAccount())).toBe(repSees);
        expect((await accounts(`&ownerId=${t.otherRep.id}`, t.rep)).includes(otherAccount())).toBe(repSees);
        expect((await accounts('&q=quillaby', t.manager)).includes(otherAccount())).toBe(true);

        for (const path of ['contacts', 'orders', 'interactions', 'tasks'] as const) {
          const kind = ({ contacts: 'contact', orders: 'order', interactions: 'interaction', tasks: 'task' } as const)[path];
          const records = async (query: string, as: TestUser) =>
            (await allPages<{ id: number; accountId: number }>(t, `/api/v1/${path}?limit=100${query}`, as)).flat();
          const byRep = await records('', t.rep);
          expect(byRep.some((r) => r.accountId === otherAccount()), path).toBe(repSees);
          expect(byRep.some((r) => r.id === f.own[kind]), path).toBe(true);
          expect((await records(`&accountId=${otherAccount()}`, t.rep)).length > 0, path).toBe(repSees);
          expect((await records(`&accountId=${otherAccount()}`, t.manager)).map((r) => r.id), path).toContain(f.other[kind]);
        }
        const contactSearch = (await allPages<{ id: number }>(t, '/api/v1/contacts?q=quillaby', t.rep)).flat().map((c) => c.id);
        expect(contactSearch.includes(f.other.contact)).toBe(repSees);
      });

      it(`answers a rep ${mode === 'own' ? 'with 404' : 'normally'} about another rep's account, exactly as for one that does not exist`, async () => {
        const read = await t.call('GET', `/api/v1/accounts/${otherAccount()}`, { as: t.rep });
        const missing = await t.call('GET', '/api/v1/accounts/987654321', { as: t.rep });
        expect(missing.statusCode).toBe(404);
        if (mode === 'own') {
          expect(read.statusCode).toBe(404);
          expect(read.json().error.message).toBe(missing.json().error.message.replace('987654321', String(otherAccount())));
        } else {
          expect(read.json().id).toBe(otherAccount());
        }
      });
    });
  }
});
