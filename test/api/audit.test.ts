import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/store/repositories/audit.js';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp, type TestUser } from '../support/test-app.js';


describe.each(ENGINES)('audit trail API on %s', (engine) => {
  let t: TestApp;
  let seq = 0;
  beforeAll(async () => { t = await openTestApp(engine); });
  afterAll(async () => { await t?.close(); });

  const trail = async (query: string): Promise<AuditEntry[]> => {
    const response = await t.call('GET', `/api/v1/audit?${query}&limit=500`);
    expect(response.statusCode).toBe(200);
    return response.json().items;
  };
  const writes = async (entity: string, id: number) => (await trail(`entity=${entity}&entityId=${id}`)).filter((e) => e.action !== 'view');

  /** Runs a write as a user and returns its answer with the instants just before and after. */
  async function timed(method: string, url: string, as: TestUser, body?: unknown) {
    const before = Date.now();
    const response = await t.call(method, url, { as, body });
    return { response, before, after: Date.now() };
  }
  const expectWhen = (entry: AuditEntry, window: { before: number; after: number }) => {
    // The database clock stamps the entry; a second of slack covers its rounding to milliseconds.
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(window.before - 1000);
    expect(Date.parse(entry.at)).toBeLessThanOrEqual(window.after + 1000);
    expect(entry.at).toMatch(/Z$/);
  };

  it('records who created an account, when, and the fields it was given', async () => {
    const created = await timed('POST', '/api/v1/accounts', t.manager, { name: 'Audited Co', city: 'Lyon', tags: ['key'] });
    expect(created.response.statusCode).toBe(201);
    const account = created.response.json();
    const [entry, ...rest] = await writes('account', account.id);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ userId: t.manager.id, action: 'create', entity: 'account', entityId: String(account.id) });
    expectWhen(entry!, created);
    expect(entry!.changes).toMatchObject({ name: [null, 'Audited Co'], city: [null, 'Lyon'], tags: [null, ['key']], status: [null, 'prospect'], kind: [null, 'company'] });
    for (const key of ['id', 'createdAt', 'updatedAt', 'statusChangedAt', 'country', 'ownerId']) expect(entry!.changes).not.toHaveProperty(key);
  });

  it('records only the fields an account update changed, before and after, and nothing for an update that changes nothing', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Before Ltd', status: 'lead', city: 'Paris' } })).json();
    const updated = await timed('PATCH', `/api/v1/accounts/${account.id}`, t.rep, { name: 'After Ltd', status: 'lead', city: 'Paris', segment: 'gold' });
    expect(updated.response.statusCode).toBe(200);
    await t.call('PATCH', `/api/v1/accounts/${account.id}`, { as: t.rep, body: { name: 'After Ltd' } });
    const [update, create, ...rest] = await writes('account', account.id);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({ action: 'create', userId: t.admin.id });
    expect(update).toMatchObject({ action: 'update', userId: t.rep.id, changes: { name: ['Before Ltd', 'After Ltd'], segment: [null, 'gold'] } });
    expect(Object.keys(update!.changes!).sort()).toEqual(['name', 'segment']);
    expectWhen(update!, updated);
  });

  it('records the last values of a deleted account', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Short Lived', country: 'BE' } })).json();
    const deleted = await timed('DELETE', `/api/v1/accounts/${account.id}`, t.manager);
    expect(deleted.response.statusCode).toBe(204);
    const [entry] = await writes('account', account.id);
    expect(entry).toMatchObject({ action: 'delete', userId: t.manager.id, changes: { name: ['Short Lived', null], country: ['BE', null] } });
    expectWhen(entry!, deleted);
  });

  it('records the creation, the changed fields and the deletion of a contact', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Contact Holder' } })).json();
    const contact = (await t.call('POST', '/api/v1/contacts', { as: t.rep, body: { accountId: account.id, firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst' } })).json();
    expect((await t.call('PATCH', `/api/v1/contacts/${contact.id}`, { as: t.manager, body: { jobTitle: 'Countess', lastName: 'Lovelace' } })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/contacts/${contact.id}`, { as: t.admin })).statusCode).toBe(204);
    const [removed, update, create, ...rest] = await writes('contact', contact.id);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({ action: 'create', userId: t.rep.id, changes: { accountId: [null, account.id], firstName: [null, 'Ada'], lastName: [null, 'Lovelace'], jobTitle: [null, 'Analyst'] } });
    expect(update).toMatchObject({ action: 'update', userId: t.manager.id, changes: { jobTitle: ['Analyst', 'Countess'] } });
    expect(Object.keys(update!.changes!)).toEqual(['jobTitle']);
    expect(removed).toMatchObject({ action: 'delete', userId: t.admin.id, changes: { lastName: ['Lovelace', null], jobTitle: ['Countess', null] } });
  });

  it('records the creation, the changed fields and the deletion of an order, money included', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Order Holder' } })).json();
    const number = `AUD-${++seq}`;
    const order = (await t.call('POST', '/api/v1/orders', { as: t.rep, body: { accountId: account.id, number, orderedAt: '2024-05-01', lines: [{ quantity: 2, unitPrice: '10.05' }] } })).json();
    expect((await t.call('PATCH', `/api/v1/orders/${order.id}`, { as: t.rep, body: { status: 'shipped' } })).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/orders/${order.id}`, { as: t.manager, body: { lines: [{ quantity: 3, unitPrice: '10.05' }] } })).statusCode).toBe(200);
    expect((await t.call('DELETE', `/api/v1/orders/${order.id}`, { as: t.manager })).statusCode).toBe(204);
    const [removed, linesChanged, statusChanged, create, ...rest] = await writes('order', order.id);
    expect(rest).toEqual([]);
    expect(create).toMatchObject({ action: 'create', userId: t.rep.id, changes: { number: [null, number], total: [null, '20.10'], itemCount: [null, 2], status: [null, 'confirmed'] } });
    expect(statusChanged).toMatchObject({ action: 'update', userId: t.rep.id, changes: { status: ['confirmed', 'shipped'] } });
    expect(Object.keys(statusChanged!.changes!)).toEqual(['status']);
    expect(linesChanged).toMatchObject({ action: 'update', userId: t.manager.id, changes: { total: ['20.10', '30.15'], itemCount: [2, 3] } });
    expect(Object.keys(linesChanged!.changes!).sort()).toEqual(['baseTotal', 'itemCount', 'lines', 'total']);
    expect(removed).toMatchObject({ action: 'delete', userId: t.manager.id, changes: { number: [number, null], total: ['30.15', null] } });
  });

  it('records writes to every other kind of record as well', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Everything' } })).json();
    const ids = {
      product: (await t.call('POST', '/api/v1/products', { as: t.manager, body: { sku: `AUD-P-${++seq}`, name: 'Audited product', listPrice: '5.00' } })).json().id,
      interaction: (await t.call('POST', '/api/v1/interactions', { as: t.rep, body: { accountId: account.id, type: 'call', subject: 'Hello' } })).json().id,
      task: (await t.call('POST', '/api/v1/tasks', { as: t.rep, body: { accountId: account.id, title: 'Call back', dueAt: '2024-06-01T09:00:00Z' } })).json().id,
      user: (await t.call('POST', '/api/v1/users', { body: { email: `audited${++seq}@example.com`, name: 'Audited', role: 'rep', password: 'a long enough password' } })).json().id,
      api_token: (await t.call('POST', '/api/v1/tokens', { as: t.otherRep, body: { name: 'audited token' } })).json().record.id,
    };
    for (const [entity, id] of Object.entries(ids)) {
      expect(id, entity).toBeTypeOf('number');
      expect((await writes(entity, id)).map((e) => e.action), entity).toEqual(['create']);
    }
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } })).statusCode).toBe(200);
    const settings = await trail('entity=setting&entityId=access.repVisibility');
    expect(settings.map((e) => e.changes)).toEqual([{ repVisibility: ['own', 'all'] }, { repVisibility: ['all', 'own'] }]);
  });

  it('lists the trail per record and per user, newest first, across pages', async () => {
    const account = (await t.call('POST', '/api/v1/accounts', { as: t.otherRep, body: { name: 'Paged 0' } })).json();
    for (let i = 1; i <= 4; i++) await t.call('PATCH', `/api/v1/accounts/${account.id}`, { as: t.otherRep, body: { name: `Paged ${i}` } });

    const perRecord = await allPages<AuditEntry>(t, `/api/v1/audit?entity=account&entityId=${account.id}&limit=2`);
    expect(perRecord.map((page) => page.length)).toEqual([2, 2, 1]);
    const entries = perRecord.flat();
    expect(entries.map((e) => e.changes?.name)).toEqual([['Paged 3', 'Paged 4'], ['Paged 2', 'Paged 3'], ['Paged 1', 'Paged 2'], ['Paged 0', 'Paged 1'], [null, 'Paged 0']]);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));

    const perUser = (await allPages<AuditEntry>(t, `/api/v1/audit?userId=${t.otherRep.id}&limit=3`)).flat();
    expect(perUser.every((e) => e.userId === t.otherRep.id)).toBe(true);
    expect(perUser.filter((e) => e.entity === 'account' && e.entityId === String(account.id))).toEqual(entries);
    expect(perUser.map((e) => e.id)).toEqual([...perUser.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('shows the trail to admins only', async () => {
    expectError(await t.call('GET', '/api/v1/audit', { as: t.manager }), { status: 403, code: 'forbidden' });
    expectError(await t.call('GET', '/api/v1/audit?entity=account', { as: t.rep }), { status: 403, code: 'forbidden' });
    expectError(await t.call('GET', `/api/v1/audit?userId=${t.rep.id}`, { as: t.rep }), { status: 403, code: 'forbidden' });
    expectError(await t.call('GET', '/api/v1/audit', { as: null }), { status: 401, code: 'unauthenticated' });
    expect((await t.call('GET', '/api/v1/audit', { as: t.admin })).statusCode).toBe(200);
  });
});
