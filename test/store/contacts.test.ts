import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser } from '../support/store-records.js';

describe.each(ENGINES)('contacts store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('inserts a contact with defaults and round-trips consent as JSON', async () => {
    const account = await addAccount(store);
    const consent = { email: { granted: true, source: 'web form', at: '2024-05-01T08:00:00.000Z' }, sms: { granted: false, source: 'call', at: '2024-05-02T08:00:00.000Z' } };
    const contact = await store.contacts.insert({ accountId: account.id, firstName: 'Ada', lastName: 'Lovelace', email: 'Ada@Example.com', consent, birthYear: 1815, civility: 'ms', preferredChannel: 'email' });
    expect(contact).toMatchObject({ accountId: account.id, firstName: 'Ada', lastName: 'Lovelace', consent, doNotContact: false, externalId: null, phone: null });
    expect(await store.contacts.get(contact.id)).toEqual(contact);
    const bare = await store.contacts.insert({ accountId: account.id, lastName: 'Bare' });
    expect(bare.consent).toEqual({});
  });

  it('updates only the given fields and stamps updatedAt with the given instant', async () => {
    const account = await addAccount(store);
    const contact = await store.contacts.insert({ accountId: account.id, firstName: 'Grace', lastName: 'Hopper', jobTitle: 'Rear Admiral' });
    const at = new Date('2030-01-02T03:04:05.678Z');
    const updated = await store.contacts.update(contact.id, { jobTitle: null, doNotContact: true }, at);
    expect(updated).toEqual({ ...contact, jobTitle: null, doNotContact: true, updatedAt: at.toISOString() });
    expect(await store.contacts.update(contact.id + 1_000_000, { lastName: 'Nobody' })).toBeUndefined();
  });

  it('lists by account and finds by email regardless of case, by name and by phone digits', async () => {
    const account = await addAccount(store);
    const other = await addAccount(store);
    const alan = await store.contacts.insert({ accountId: account.id, firstName: 'Alan', lastName: 'Turing', email: 'Alan.Turing@Example.org', phone: '+44 (0)20 7946 0018' });
    const joan = await store.contacts.insert({ accountId: account.id, firstName: 'Joan', lastName: 'Clarke' });
    await store.contacts.insert({ accountId: other.id, firstName: 'Alan', lastName: 'Kay' });
    const ids = async (query: Parameters<Store['contacts']['list']>[0]) => (await store.contacts.list(query)).items.map((c) => c.id);
    expect(await ids({ accountId: account.id })).toEqual([joan.id, alan.id]);
    expect(await ids({ accountId: account.id, sort: '-lastName' })).toEqual([alan.id, joan.id]);
    expect(await ids({ email: 'alan.turing@example.ORG' })).toEqual([alan.id]);
    expect(await ids({ accountId: account.id, q: 'alan tur' })).toEqual([alan.id]);
    expect(await ids({ accountId: account.id, q: '7946' })).toEqual([alan.id]);
    expect(await ids({ accountId: account.id, q: 'nobody' })).toEqual([]);
  });

  it('hides contacts of accounts outside the scope from reads and lists', async () => {
    const mine = await addUser(store, 'rep');
    const theirs = await addUser(store, 'rep');
    const own = await addAccount(store, { ownerId: mine.id });
    const other = await addAccount(store, { ownerId: theirs.id });
    const visible = await store.contacts.insert({ accountId: own.id, lastName: 'Visible' });
    const hidden = await store.contacts.insert({ accountId: other.id, lastName: 'Hidden' });
    const scope = { ownerId: mine.id };
    expect(await store.contacts.get(visible.id, scope)).toEqual(visible);
    expect(await store.contacts.get(hidden.id, scope)).toBeUndefined();
    const listed = (await store.contacts.list({ limit: 500 }, scope)).items.map((c) => c.id);
    expect(listed).toContain(visible.id);
    expect(listed).not.toContain(hidden.id);
    expect((await store.contacts.list({ accountId: other.id }, scope)).items).toEqual([]);
  });

  it('pages through contacts sharing a last name without repeating or skipping any', async () => {
    const account = await addAccount(store);
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await store.contacts.insert({ accountId: account.id, lastName: 'Martin' })).id);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.contacts.list({ accountId: account.id, limit: 2, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(made);
  });

  it('deletes a contact and refuses one for an account that does not exist', async () => {
    const account = await addAccount(store);
    const contact = await store.contacts.insert({ accountId: account.id, lastName: 'Temporary' });
    expect(await store.contacts.delete(contact.id)).toBe(true);
    expect(await store.contacts.get(contact.id)).toBeUndefined();
    expect(await store.contacts.delete(contact.id)).toBe(false);
    await expect(store.contacts.insert({ accountId: 987_654_321, lastName: 'Orphan' })).rejects.toMatchObject({ code: '23503' });
  });
});
