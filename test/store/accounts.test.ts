import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser } from '../support/store-records.js';

describe.each(ENGINES)('accounts store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('inserts an account with the schema defaults and reads it back by id and by external id', async () => {
    const account = await store.accounts.insert({ name: 'Defaults Ltd', externalId: 'ACC-DEFAULTS' });
    expect(account).toMatchObject({
      name: 'Defaults Ltd', kind: 'company', status: 'prospect', tags: [], customFields: {},
      hasInterest: false, hasFinancialCapacity: false, ownerId: null, country: null,
    });
    expect(await store.accounts.get(account.id)).toEqual(account);
    expect(await store.accounts.getByExternalId('ACC-DEFAULTS')).toEqual(account);
    expect(await store.accounts.get(account.id + 1_000_000)).toBeUndefined();
  });

  it('round-trips tags, custom fields and every optional column', async () => {
    const owner = await addUser(store, 'rep');
    const input = {
      name: 'Full Columns SA', kind: 'person' as const, status: 'customer' as const, sector: 'retail', segment: 'gold',
      size: 'small' as const, relationshipType: 'reseller' as const, country: 'FR' as const, region: 'IDF', city: 'Paris',
      postalCode: '75001', website: 'https://example.com', email: 'hello@example.com', phone: '+33 1 23 45 67 89',
      ownerId: owner.id, tags: ['key', 'north'], hasInterest: true, hasFinancialCapacity: true,
      customFields: { erpCode: 'X-1', score: 12.5, nested: { ok: true } },
    };
    const account = await store.accounts.insert(input);
    expect(await store.accounts.get(account.id)).toMatchObject(input);
  });

  it('moves the status change date only when the status really changes', async () => {
    const t0 = new Date('2024-01-10T09:00:00.000Z');
    const account = await store.accounts.insert({ name: 'Status Dates', status: 'lead' }, t0);
    expect(account.statusChangedAt).toBe(t0.toISOString());
    const renamed = await store.accounts.update(account.id, { name: 'Status Dates 2' }, new Date('2024-02-01T00:00:00Z'));
    expect(renamed?.statusChangedAt).toBe(t0.toISOString());
    const same = await store.accounts.update(account.id, { status: 'lead' }, new Date('2024-03-01T00:00:00Z'));
    expect(same?.statusChangedAt).toBe(t0.toISOString());
    const changed = await store.accounts.update(account.id, { status: 'customer' }, new Date('2024-04-01T12:30:00Z'));
    expect(changed).toMatchObject({ status: 'customer', statusChangedAt: '2024-04-01T12:30:00.000Z', updatedAt: '2024-04-01T12:30:00.000Z' });
    expect(await store.accounts.update(account.id + 1_000_000, { name: 'nobody' })).toBeUndefined();
  });

  it('filters by status, segment, sector, country, size, relationship, owner and all of the given tags', async () => {
    const owner = await addUser(store, 'rep');
    const a = await addAccount(store, { segment: 'filters', status: 'customer', country: 'DE', size: 'small', tags: ['a', 'b'], ownerId: owner.id, sector: 'food', relationshipType: 'direct' });
    const b = await addAccount(store, { segment: 'filters', status: 'customer', country: 'FR', size: 'small', tags: ['a'] });
    const c = await addAccount(store, { segment: 'filters', status: 'lead', country: 'DE', tags: ['b'] });
    const ids = async (query: Parameters<Store['accounts']['list']>[0]) =>
      (await store.accounts.list({ segment: 'filters', ...query })).items.map((x) => x.id).sort((x, y) => x - y);
    expect(await ids({})).toEqual([a.id, b.id, c.id]);
    expect(await ids({ status: 'customer' })).toEqual([a.id, b.id]);
    expect(await ids({ country: 'DE' })).toEqual([a.id, c.id]);
    expect(await ids({ size: 'small', country: 'FR' })).toEqual([b.id]);
    expect(await ids({ tags: 'a' })).toEqual([a.id, b.id]);
    expect(await ids({ tags: 'a, b' })).toEqual([a.id]);
    expect(await ids({ ownerId: owner.id })).toEqual([a.id]);
    expect(await ids({ sector: 'food', relationshipType: 'direct' })).toEqual([a.id]);
  });

  it('finds accounts by name, contact name and phone digits, ignoring case and accents', async () => {
    const account = await addAccount(store, { name: 'Société Générale Électrique', segment: 'search' });
    await store.contacts.insert({ accountId: account.id, firstName: 'Zoë', lastName: 'Durand', phone: '+33 1 23 45 67 89' });
    await store.accounts.refreshSearchText(account.id);
    await addAccount(store, { name: 'Unrelated Works', segment: 'search' });
    const found = async (q: string) => (await store.accounts.list({ segment: 'search', q })).items.map((x) => x.name);
    expect(await found('generale electrique')).toEqual(['Société Générale Électrique']);
    expect(await found('ZOE DURAND')).toEqual(['Société Générale Électrique']);
    expect(await found('234567')).toEqual(['Société Générale Électrique']);
    expect(await found('nothing like it')).toEqual([]);
    expect(await found('%')).toEqual([]);
  });

  it('pages through accounts created in the same instant, each once and in order, both directions', async () => {
    // One transaction gives every row the same created_at, so only the id breaks the ties.
    const created = await store.transaction(async (tx) => {
      const rows = [];
      for (let i = 0; i < 7; i++) rows.push(await addAccount(tx, { segment: 'same-instant' }));
      return rows;
    });
    expect(new Set(created.map((a) => a.createdAt)).size).toBe(1);
    for (const [sort, expected] of [['createdAt', created.map((a) => a.id)], ['-createdAt', created.map((a) => a.id).reverse()]] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.accounts.list({ segment: 'same-instant', sort, limit: 3, cursor });
        seen.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected);
    }
  });

  it('limits reads, lists and visibility to the owner when a scope names one', async () => {
    const mine = await addUser(store, 'rep');
    const theirs = await addUser(store, 'rep');
    const own = await addAccount(store, { ownerId: mine.id, segment: 'scope' });
    const other = await addAccount(store, { ownerId: theirs.id, segment: 'scope' });
    const unowned = await addAccount(store, { segment: 'scope' });
    const scope = { ownerId: mine.id };
    expect(await store.accounts.get(own.id, scope)).toEqual(own);
    expect(await store.accounts.get(other.id, scope)).toBeUndefined();
    expect(await store.accounts.get(unowned.id, scope)).toBeUndefined();
    expect(await store.accounts.isVisible(other.id, scope)).toBe(false);
    expect(await store.accounts.isVisible(other.id, {})).toBe(true);
    expect((await store.accounts.list({ segment: 'scope' }, scope)).items.map((a) => a.id)).toEqual([own.id]);
    expect((await store.accounts.list({ segment: 'scope' })).items).toHaveLength(3);
  });

  it('deletes an account together with its contacts and counts its orders', async () => {
    const account = await addAccount(store);
    const contact = await store.contacts.insert({ accountId: account.id, lastName: 'Gone' });
    expect(await store.accounts.countOrders(account.id)).toBe(0);
    expect(await store.accounts.delete(account.id)).toBe(true);
    expect(await store.accounts.get(account.id)).toBeUndefined();
    expect(await store.contacts.get(contact.id)).toBeUndefined();
    expect(await store.accounts.delete(account.id)).toBe(false);

    const buyer = await addAccount(store);
    await store.orders.insert({ accountId: buyer.id, number: `CNT-${buyer.id}`, orderedAt: new Date(), channel: null, status: 'confirmed', totalCents: 100, itemCount: 1 });
    expect(await store.accounts.countOrders(buyer.id)).toBe(1);
  });

  it('refuses a second account with the same external id', async () => {
    await addAccount(store, { externalId: 'DUP-1' });
    await expect(addAccount(store, { externalId: 'DUP-1' })).rejects.toMatchObject({ code: '23505' });
  });
});
