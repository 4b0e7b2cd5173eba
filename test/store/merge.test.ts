import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/store/repositories/audit.js';
import type { MergeActor } from '../../src/store/repositories/merges.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser, uniqueNumber } from '../support/store-records.js';

describe.each(ENGINES)('merging records in the store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const by = (userId: number | null = null): MergeActor => ({ userId, at: new Date('2025-05-01T12:00:00Z') });
  const auditOf = async (entity: string, id: number) =>
    (await store.audit.list({ entity, entityId: String(id), limit: 100 })).items.reverse();
  const idsOf = async (table: 'contacts' | 'orders' | 'interactions' | 'tasks' | 'account_status_changes', accountId: number) =>
    (await store.connection.db.selectFrom(table).select('id').where('account_id', '=', accountId).orderBy('id').execute()).map((r) => r.id);

  async function accountWithHistory(fields: Parameters<typeof addAccount>[1]) {
    const account = await addAccount(store, fields);
    await store.accounts.recordStatusChange(account.id, null, account.status, null, new Date('2020-01-01T00:00:00Z'));
    const contact = await store.contacts.insert({ accountId: account.id, firstName: 'Ann', lastName: `Lee ${account.id}` });
    await store.contacts.insert({ accountId: account.id, lastName: `Moss ${account.id}` });
    await store.orders.insert({ accountId: account.id, number: uniqueNumber(), orderedAt: new Date('2024-03-01T00:00:00Z'), channel: 'web', status: 'invoiced', totalCents: 1250, itemCount: 1 });
    await store.orders.insert({ accountId: account.id, number: uniqueNumber(), orderedAt: new Date('2024-04-01T00:00:00Z'), channel: 'web', status: 'invoiced', totalCents: 990, itemCount: 1 });
    await store.interactions.insert({ accountId: account.id, contactId: contact.id, type: 'call', subject: 'Intro call', occurredAt: '2024-02-01T09:00:00Z' });
    await store.tasks.insert({ accountId: account.id, title: 'Send the catalogue', dueAt: '2024-05-01T09:00:00Z' });
    await store.audit.record({ userId: null, action: 'create', entity: 'account', entityId: account.id, changes: { name: [null, account.name] } });
    return account;
  }

  it('moves every contact, order, interaction, task and status change of the merged account to the kept one', async () => {
    const kept = await accountWithHistory({ name: 'Acme' });
    const merged = await accountWithHistory({ name: 'ACME SARL' });
    const before = {
      contacts: [...await idsOf('contacts', kept.id), ...await idsOf('contacts', merged.id)],
      orders: [...await idsOf('orders', kept.id), ...await idsOf('orders', merged.id)],
      interactions: [...await idsOf('interactions', kept.id), ...await idsOf('interactions', merged.id)],
      tasks: [...await idsOf('tasks', kept.id), ...await idsOf('tasks', merged.id)],
      statusChanges: [...await idsOf('account_status_changes', kept.id), ...await idsOf('account_status_changes', merged.id)],
    };
    const result = await store.transaction((tx) => tx.merges.mergeAccounts(kept.id, merged.id, by()));
    expect(result!.moved).toEqual({ contacts: 2, orders: 2, interactions: 1, tasks: 1, statusChanges: 1 });
    expect(await idsOf('contacts', kept.id)).toEqual(before.contacts);
    expect(await idsOf('orders', kept.id)).toEqual(before.orders);
    expect(await idsOf('interactions', kept.id)).toEqual(before.interactions);
    expect(await idsOf('tasks', kept.id)).toEqual(before.tasks);
    expect(await idsOf('account_status_changes', kept.id)).toEqual(before.statusChanges);
    const orderTotal = await store.connection.db.selectFrom('orders').select((eb) => eb.fn.sum<number>('total_cents').as('sum'))
      .where('account_id', '=', kept.id).executeTakeFirstOrThrow();
    expect(Number(orderTotal.sum)).toBe(2 * (1250 + 990));
    // The kept account's search now finds the contacts it gained.
    const found = await store.accounts.list({ q: `Moss ${merged.id}` });
    expect(found.items.map((a) => a.id)).toEqual([kept.id]);
  });

  it('fills only the kept account\'s empty fields, unions tags, keeps its custom fields and the earliest creation', async () => {
    const owner = await addUser(store, 'rep');
    const merged = await addAccount(store, {
      name: 'Old Acme', email: 'old@acme.fr', phone: '01 11 22 33 44', website: 'acme.fr', city: 'Lyon', externalId: `ext-${uniqueNumber()}`,
      ownerId: owner.id, tags: ['vip', 'export'], hasInterest: true, customFields: { colour: 'blue', size: 'L' },
    });
    const kept = await addAccount(store, {
      name: 'Acme', email: 'sales@acme.fr', city: 'Paris', tags: ['key', 'vip'], customFields: { colour: 'red' },
    });
    const result = (await store.transaction((tx) => tx.merges.mergeAccounts(kept.id, merged.id, by())))!;
    expect(result.kept).toMatchObject({
      name: 'Acme', email: 'sales@acme.fr', city: 'Paris',
      phone: '01 11 22 33 44', website: 'acme.fr', externalId: merged.externalId, ownerId: owner.id, hasInterest: true,
      tags: ['key', 'vip', 'export'], customFields: { colour: 'red', size: 'L' }, createdAt: merged.createdAt,
    });
    expect(result.filled.sort()).toEqual(['externalId', 'hasInterest', 'ownerId', 'phone', 'website']);
    expect(result.tagsAdded).toEqual(['export']);
    expect(result.customFieldsAdded).toEqual(['size']);
    expect(await store.accounts.get(kept.id)).toEqual(result.kept);
  });

  it('keeps the audit trail of both accounts, adds a merge entry to each, and traces the merged id', async () => {
    const admin = await addUser(store, 'admin');
    const kept = await accountWithHistory({ name: 'Keeper' });
    const merged = await accountWithHistory({ name: 'Keeper Ltd', website: 'keeper.co.uk' });
    await store.audit.record({ userId: admin.id, action: 'update', entity: 'account', entityId: merged.id, changes: { city: [null, 'Leeds'] } });
    const trailBefore = await auditOf('account', merged.id);
    await store.transaction((tx) => tx.merges.mergeAccounts(kept.id, merged.id, by(admin.id)));

    expect(await store.accounts.get(merged.id)).toBeUndefined();
    expect(await store.merges.mergedInto('account', merged.id)).toBe(kept.id);
    expect(await store.merges.mergedInto('account', kept.id)).toBeUndefined();
    const trail = await auditOf('account', merged.id);
    expect(trail.slice(0, -1)).toEqual(trailBefore);
    expect(trail.at(-1)).toMatchObject({
      action: 'merge', userId: admin.id,
      changes: { mergedInto: [null, kept.id], name: ['Keeper Ltd', null], website: ['keeper.co.uk', null] },
    } satisfies Partial<AuditEntry>);
    const keptTrail = await auditOf('account', kept.id);
    expect(keptTrail.map((e) => e.action)).toEqual(['create', 'merge']);
    expect(keptTrail[1]!.changes).toMatchObject({ mergedFrom: [null, merged.id], website: [null, 'keeper.co.uk'] });
    expect((keptTrail[1]!.changes!.moved as unknown[])[1]).toMatchObject({ orders: (await idsOf('orders', kept.id)).slice(2) });
  });

  it('answers with the last account when a merged account is merged again', async () => {
    const [first, second, third] = [await addAccount(store), await addAccount(store), await addAccount(store)];
    await store.transaction((tx) => tx.merges.mergeAccounts(second.id, first.id, by()));
    await store.transaction((tx) => tx.merges.mergeAccounts(third.id, second.id, by()));
    expect(await store.merges.mergedInto('account', first.id)).toBe(third.id);
    expect(await store.merges.mergedInto('account', second.id)).toBe(third.id);
  });

  it('merges nothing and answers nothing when a record is missing', async () => {
    const account = await addAccount(store);
    expect(await store.transaction((tx) => tx.merges.mergeAccounts(account.id, 999_999, by()))).toBeUndefined();
    expect(await store.accounts.get(account.id)).toEqual(account);
  });

  it('merges contacts: interactions move, empty fields fill, the latest consent per channel and any do-not-contact win', async () => {
    const account = await addAccount(store, { name: 'Contact merge Co' });
    const kept = await store.contacts.insert({
      accountId: account.id, firstName: 'Jean', lastName: 'Dupont', email: 'jean@acme.fr',
      consent: { email: { granted: true, source: 'web form', at: '2024-01-01T00:00:00.000Z' }, sms: { granted: true, source: 'call', at: '2024-06-01T00:00:00.000Z' } },
    });
    const merged = await store.contacts.insert({
      accountId: account.id, lastName: 'DUPONT', email: 'j.dupont@acme.fr', phone: '06 12 34 56 78', jobTitle: 'Buyer', doNotContact: true,
      consent: { email: { granted: false, source: 'unsubscribe link', at: '2024-09-01T00:00:00.000Z' }, sms: { granted: false, source: 'call', at: '2023-01-01T00:00:00.000Z' } },
    });
    const call = await store.interactions.insert({ accountId: account.id, contactId: merged.id, type: 'call', subject: 'Asked for a quote', occurredAt: '2024-02-01T09:00:00Z' });
    await store.audit.record({ userId: null, action: 'create', entity: 'contact', entityId: merged.id, changes: { lastName: [null, 'DUPONT'] } });

    const result = (await store.transaction((tx) => tx.merges.mergeContacts(kept.id, merged.id, by())))!;
    expect(result.moved).toEqual({ interactions: 1 });
    expect(result.filled.sort()).toEqual(['doNotContact', 'jobTitle', 'phone']);
    expect(result.consentTaken).toEqual(['email']);
    expect(result.kept).toMatchObject({
      firstName: 'Jean', lastName: 'Dupont', email: 'jean@acme.fr', phone: '06 12 34 56 78', jobTitle: 'Buyer', doNotContact: true,
      consent: { email: { granted: false, source: 'unsubscribe link' }, sms: { granted: true, source: 'call' } },
    });
    expect((await store.interactions.get(call.id))!.contactId).toBe(kept.id);
    expect(await store.contacts.get(merged.id)).toBeUndefined();
    expect(await store.merges.mergedInto('contact', merged.id)).toBe(kept.id);
    expect((await auditOf('contact', merged.id)).map((e) => [e.action, e.changes?.mergedInto])).toEqual([['create', undefined], ['merge', [null, kept.id]]]);
    expect((await auditOf('contact', kept.id)).map((e) => e.action)).toEqual(['merge']);
    const found = await store.accounts.list({ q: '06 12 34 56 78' });
    expect(found.items.map((a) => a.id)).toEqual([account.id]);
  });
});
