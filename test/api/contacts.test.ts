import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('contacts API on %s', (engine) => {
  let t: TestApp;
  let accountId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    accountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Contact Holder' } })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  const newAccount = async (name: string, ownerId?: number) =>
    (await t.call('POST', '/api/v1/accounts', { body: { name, ...(ownerId && { ownerId }) } })).json().id as number;

  it('creates a contact with defaults, reads, changes and deletes it', async () => {
    const created = await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Durand', firstName: 'Anne', email: 'anne@durand.fr' } });
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({
      accountId, lastName: 'Durand', firstName: 'Anne', email: 'anne@durand.fr',
      civility: null, phone: null, preferredChannel: null, consent: {}, doNotContact: false, externalId: null,
    });
    expect((await t.call('GET', `/api/v1/contacts/${contact.id}`)).json()).toEqual(contact);

    const changed = await t.call('PATCH', `/api/v1/contacts/${contact.id}`, { body: { jobTitle: 'Buyer', phone: null, doNotContact: true } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id: contact.id, jobTitle: 'Buyer', doNotContact: true, lastName: 'Durand' });
    expect(Date.parse(changed.json().updatedAt)).toBeGreaterThanOrEqual(Date.parse(contact.updatedAt));

    const deleted = await t.call('DELETE', `/api/v1/contacts/${contact.id}`);
    expect(deleted.statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/contacts/${contact.id}`), { status: 404, code: 'not_found' });
    expectError(await t.call('DELETE', `/api/v1/contacts/${contact.id}`), { status: 404, code: 'not_found' });
  });

  it('keeps consent per channel with its source and date', async () => {
    const consent = {
      email: { granted: true, source: 'web form', at: '2026-01-15T10:00:00.000Z' },
      phone: { granted: false, source: 'call', at: '2026-02-01T09:30:00.000Z' },
    };
    const { id } = (await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Consent', email: 'c@example.com', consent } })).json();
    expect((await t.call('GET', `/api/v1/contacts/${id}`)).json().consent).toEqual(consent);
    const withdrawn = { email: { granted: false, source: 'unsubscribe link', at: '2026-03-01T00:00:00.000Z' } };
    expect((await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { consent: withdrawn } })).json().consent).toEqual(withdrawn);
  });

  it('refuses a contact for an account that does not exist, naming accountId', async () => {
    expectError(await t.call('POST', '/api/v1/contacts', { body: { accountId: 987654, lastName: 'Ghost' } }),
      { status: 404, code: 'not_found', field: 'accountId' });
  });

  it('refuses a preference for email without an email address, on create and on change', async () => {
    expectError(await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'NoMail', preferredChannel: 'email' } }),
      { status: 422, code: 'invalid', field: 'email' });
    expectError(await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'NoMail', preferredChannel: 'email', email: null } }),
      { status: 422, code: 'invalid', field: 'email' });
    const { id } = (await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Mailer', email: 'm@example.com', preferredChannel: 'email' } })).json();
    expectError(await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { email: null } }), { status: 422, code: 'invalid', field: 'email' });
    const phoneOnly = (await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Phoner', phone: '01 23 45 67 89' } })).json();
    expectError(await t.call('PATCH', `/api/v1/contacts/${phoneOnly.id}`, { body: { preferredChannel: 'email' } }), { status: 422, code: 'invalid', field: 'email' });
    const switched = await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { email: null, preferredChannel: 'phone' } });
    expect(switched.statusCode).toBe(200);
    expect(switched.json()).toMatchObject({ email: null, preferredChannel: 'phone' });
  });

  it('answers 409 naming externalId when two contacts share one', async () => {
    await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'First', externalId: 'C-1' } });
    expectError(await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Second', externalId: 'C-1' } }),
      { status: 409, code: 'conflict', field: 'externalId' });
  });

  it('stores SQL and HTML metacharacters verbatim', async () => {
    const lastName = `O'Brien"; DELETE FROM contacts; -- <img src=x onerror=alert(1)> \\ %_`;
    const { id } = (await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName, jobTitle: '<b>&amp;</b>' } })).json();
    const read = (await t.call('GET', `/api/v1/contacts/${id}`)).json();
    expect(read).toMatchObject({ lastName, jobTitle: '<b>&amp;</b>' });
    const found = (await t.call('GET', `/api/v1/contacts?q=${encodeURIComponent(`O'Brien"; DELETE`)}`)).json();
    expect(found.items.map((c: { id: number }) => c.id)).toEqual([id]);
  });

  it('lists the contacts of one account, by email regardless of case, sorted and paged', async () => {
    const holder = await newAccount('Many Contacts');
    for (const name of ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert']) {
      await t.call('POST', '/api/v1/contacts', { body: { accountId: holder, lastName: name, email: `${name.toLowerCase()}@many.example` } });
    }
    const pages = await allPages<{ lastName: string }>(t, `/api/v1/contacts?accountId=${holder}&sort=-lastName&limit=2`);
    expect(pages.map((p) => p.map((c) => c.lastName))).toEqual([['Thomas', 'Robert'], ['Petit', 'Martin'], ['Bernard']]);

    const byEmail = (await t.call('GET', '/api/v1/contacts?email=PETIT@Many.Example')).json();
    expect(byEmail.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Petit']);
  });

  it('makes a new contact findable through its account, and forgets it once deleted', async () => {
    const holder = await newAccount('Searchable Holder');
    const { id } = (await t.call('POST', '/api/v1/contacts', { body: { accountId: holder, lastName: 'Zyxwv', email: 'zyxwv@holder.example' } })).json();
    const search = async (q: string) => (await t.call('GET', `/api/v1/accounts?q=${encodeURIComponent(q)}`)).json().items.map((a: { id: number }) => a.id);
    expect(await search('zyxwv@holder')).toEqual([holder]);
    await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { lastName: 'Qwerty' } });
    expect(await search('zyxwv@holder')).toEqual([holder]);
    expect(await search('Zyxwv')).toEqual([holder]); // still in the email
    expect(await search('qwerty')).toEqual([holder]);
    await t.call('DELETE', `/api/v1/contacts/${id}`);
    expect(await search('qwerty')).toEqual([]);
  });

  it('moves a contact to another account and refreshes both accounts\' search', async () => {
    const from = await newAccount('Mover From');
    const to = await newAccount('Mover To');
    const { id } = (await t.call('POST', '/api/v1/contacts', { body: { accountId: from, lastName: 'Travelling' } })).json();
    const moved = await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { accountId: to } });
    expect(moved.json().accountId).toBe(to);
    const found = (await t.call('GET', '/api/v1/accounts?q=travelling')).json();
    expect(found.items.map((a: { id: number }) => a.id)).toEqual([to]);
    expectError(await t.call('PATCH', `/api/v1/contacts/${id}`, { body: { accountId: 987654 } }), { status: 404, code: 'not_found', field: 'accountId' });
  });

  it('hides the contacts of other reps\' accounts when reps see only their own', async () => {
    const mine = await newAccount('Rep Own Account', t.rep.id);
    const theirs = await newAccount('Other Rep Account', t.otherRep.id);
    const own = (await t.call('POST', '/api/v1/contacts', { body: { accountId: mine, lastName: 'Visible' } })).json();
    const other = (await t.call('POST', '/api/v1/contacts', { body: { accountId: theirs, lastName: 'Hidden' } })).json();
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      expect((await t.call('GET', `/api/v1/contacts/${own.id}`, { as: t.rep })).statusCode).toBe(200);
      expectError(await t.call('GET', `/api/v1/contacts/${other.id}`, { as: t.rep }), { status: 404, code: 'not_found' });
      expectError(await t.call('PATCH', `/api/v1/contacts/${other.id}`, { as: t.rep, body: { lastName: 'Stolen' } }), { status: 404, code: 'not_found' });
      expectError(await t.call('POST', '/api/v1/contacts', { as: t.rep, body: { accountId: theirs, lastName: 'Sneaky' } }),
        { status: 404, code: 'not_found', field: 'accountId' });
      const listed = (await t.call('GET', '/api/v1/contacts?limit=500', { as: t.rep })).json();
      expect(listed.items.map((c: { id: number }) => c.id)).toEqual([own.id]);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
    expect((await t.call('GET', `/api/v1/contacts/${other.id}`, { as: t.rep })).statusCode).toBe(200);
  });
});
