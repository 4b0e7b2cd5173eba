import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('interactions API on %s', (engine) => {
  let t: TestApp;
  let accountId: number;
  let contactId: number;
  let otherAccountId: number;
  let otherContactId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    accountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Talkative' } })).json().id;
    otherAccountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Elsewhere' } })).json().id;
    contactId = (await t.call('POST', '/api/v1/contacts', { body: { accountId, lastName: 'Speaker' } })).json().id;
    otherContactId = (await t.call('POST', '/api/v1/contacts', { body: { accountId: otherAccountId, lastName: 'Stranger' } })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  it('dates an interaction now and credits the caller when neither is given', async () => {
    const before = Date.now();
    const created = await t.call('POST', '/api/v1/interactions', { as: t.rep, body: { accountId, type: 'call', subject: 'Intro call' } });
    const after = Date.now();
    expect(created.statusCode).toBe(201);
    const interaction = created.json();
    expect(interaction).toMatchObject({ accountId, type: 'call', subject: 'Intro call', userId: t.rep.id, contactId: null, direction: null, body: null, outcome: null });
    const occurred = Date.parse(interaction.occurredAt);
    expect(occurred).toBeGreaterThanOrEqual(before - 1);
    expect(occurred).toBeLessThanOrEqual(after + 1);
    expect((await t.call('GET', `/api/v1/interactions/${interaction.id}`)).json()).toEqual(interaction);
  });

  it('keeps a given date, author or no author at all', async () => {
    const dated = (await t.call('POST', '/api/v1/interactions', {
      body: { accountId, contactId, type: 'meeting', direction: 'outbound', subject: 'Review', occurredAt: '2025-06-30T08:15:00+02:00', userId: t.manager.id, outcome: 'Agreed' },
    })).json();
    expect(dated).toMatchObject({ occurredAt: '2025-06-30T06:15:00.000Z', userId: t.manager.id, contactId, direction: 'outbound', outcome: 'Agreed' });
    const anonymous = (await t.call('POST', '/api/v1/interactions', { body: { accountId, type: 'note', subject: 'Imported', userId: null } })).json();
    expect(anonymous.userId).toBeNull();
  });

  it('refuses a contact of another account, naming contactId, on create and on change', async () => {
    expectError(await t.call('POST', '/api/v1/interactions', { body: { accountId, contactId: otherContactId, type: 'email', subject: 'Wrong person' } }),
      { status: 422, code: 'invalid', field: 'contactId' });
    expectError(await t.call('POST', '/api/v1/interactions', { body: { accountId, contactId: 987654, type: 'email', subject: 'Nobody' } }),
      { status: 422, code: 'invalid', field: 'contactId' });
    const { id } = (await t.call('POST', '/api/v1/interactions', { body: { accountId, contactId, type: 'email', subject: 'Right person' } })).json();
    expectError(await t.call('PATCH', `/api/v1/interactions/${id}`, { body: { contactId: otherContactId } }), { status: 422, code: 'invalid', field: 'contactId' });
  });

  it('refuses moving an interaction to another account while it names a contact of the first one', async () => {
    const { id } = (await t.call('POST', '/api/v1/interactions', { body: { accountId, contactId, type: 'visit', subject: 'On site' } })).json();
    expectError(await t.call('PATCH', `/api/v1/interactions/${id}`, { body: { accountId: otherAccountId } }), { status: 422, code: 'invalid', field: 'contactId' });
    const moved = await t.call('PATCH', `/api/v1/interactions/${id}`, { body: { accountId: otherAccountId, contactId: otherContactId } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ accountId: otherAccountId, contactId: otherContactId });
  });

  it('refuses an unknown or inactive author, naming userId', async () => {
    expectError(await t.call('POST', '/api/v1/interactions', { body: { accountId, type: 'call', subject: 'Ghost', userId: 987654 } }),
      { status: 422, code: 'invalid', field: 'userId' });
    const leaver = (await t.call('POST', '/api/v1/users', { body: { email: 'leaver@example.com', name: 'Leaver', role: 'rep', password: 'a long enough password' } })).json();
    await t.call('PATCH', `/api/v1/users/${leaver.id}`, { body: { active: false } });
    expectError(await t.call('POST', '/api/v1/interactions', { body: { accountId, type: 'call', subject: 'By leaver', userId: leaver.id } }),
      { status: 422, code: 'invalid', field: 'userId' });
  });

  it('changes and deletes an interaction', async () => {
    const { id } = (await t.call('POST', '/api/v1/interactions', { body: { accountId, type: 'chat', subject: 'Draft' } })).json();
    const changed = await t.call('PATCH', `/api/v1/interactions/${id}`, { body: { subject: 'Final', body: 'Long text', direction: 'inbound' } });
    expect(changed.json()).toMatchObject({ id, subject: 'Final', body: 'Long text', direction: 'inbound', type: 'chat' });
    expect((await t.call('DELETE', `/api/v1/interactions/${id}`)).statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/interactions/${id}`), { status: 404, code: 'not_found' });
  });

  it('keeps a body of 20000 characters and metacharacters verbatim', async () => {
    const body = `<p onclick="x()">'; DROP TABLE interactions; --</p> ${'é'.repeat(19950)}`.slice(0, 20000);
    const subject = `Re: "50% off" <b>\\n</b> _x_`;
    const { id } = (await t.call('POST', '/api/v1/interactions', { body: { accountId, type: 'email', subject, body } })).json();
    const read = (await t.call('GET', `/api/v1/interactions/${id}`)).json();
    expect(read.body).toBe(body);
    expect(read.subject).toBe(subject);
    const found = (await t.call('GET', `/api/v1/interactions?q=${encodeURIComponent('"50% off"')}`)).json();
    expect(found.items.map((i: { id: number }) => i.id)).toEqual([id]);
  });

  it('lists an account\'s interactions by type, author and date range, newest first or oldest first, paged', async () => {
    const holder = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Listed Interactions' } })).json().id;
    const add = (subject: string, occurredAt: string, type: string, as = t.admin) =>
      t.call('POST', '/api/v1/interactions', { as, body: { accountId: holder, type, subject, occurredAt } });
    await add('one', '2026-01-01T10:00:00Z', 'call');
    await add('two', '2026-01-02T10:00:00Z', 'email', t.rep);
    await add('three', '2026-01-03T10:00:00Z', 'call', t.rep);
    await add('four', '2026-01-03T10:00:00Z', 'meeting');
    await add('five', '2026-01-05T10:00:00Z', 'call');
    const subjects = async (query: string) =>
      (await t.call('GET', `/api/v1/interactions?accountId=${holder}&${query}`)).json().items.map((i: { subject: string }) => i.subject);
    expect(await subjects('')).toEqual(['five', 'four', 'three', 'two', 'one']);
    expect(await subjects('sort=occurredAt')).toEqual(['one', 'two', 'three', 'four', 'five']);
    expect(await subjects('type=call')).toEqual(['five', 'three', 'one']);
    expect(await subjects(`userId=${t.rep.id}`)).toEqual(['three', 'two']);
    expect(await subjects('occurredFrom=2026-01-02T10:00:00Z&occurredTo=2026-01-05T10:00:00Z')).toEqual(['four', 'three', 'two']);
    await t.call('PATCH', `/api/v1/interactions/${(await t.call('GET', `/api/v1/interactions?accountId=${holder}&type=meeting`)).json().items[0].id}`, { body: { body: 'Réunion à Genève' } });
    expect(await subjects('q=reunion%20a%20geneve')).toEqual(['four']);
    expect(await subjects(`q=${encodeURIComponent('RÉUNION')}`)).toEqual(['four']);

    const pages = await allPages<{ subject: string }>(t, `/api/v1/interactions?accountId=${holder}&limit=2`);
    expect(pages.map((p) => p.map((i) => i.subject))).toEqual([['five', 'four'], ['three', 'two'], ['one']]);
  });
});
