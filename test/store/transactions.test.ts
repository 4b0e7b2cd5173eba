import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount } from '../support/store-records.js';

describe.each(ENGINES)('store transactions on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  const traces = async (externalId: string) => ({
    account: await store.accounts.getByExternalId(externalId),
    audit: (await store.audit.list({ entity: 'trace', entityId: externalId })).items.length,
  });

  it('commits every write of a transaction that succeeds', async () => {
    const account = await store.transaction(async (tx) => {
      const created = await addAccount(tx, { externalId: 'TX-OK' });
      await tx.contacts.insert({ accountId: created.id, lastName: 'Kept' });
      await tx.audit.record({ userId: null, action: 'create', entity: 'trace', entityId: 'TX-OK' });
      return created;
    });
    expect(await traces('TX-OK')).toEqual({ account, audit: 1 });
    expect((await store.contacts.list({ accountId: account.id })).items).toHaveLength(1);
  });

  it('rolls back every write when the work throws', async () => {
    let contactId = 0;
    await expect(store.transaction(async (tx) => {
      const created = await addAccount(tx, { externalId: 'TX-THROW' });
      contactId = (await tx.contacts.insert({ accountId: created.id, lastName: 'Lost' })).id;
      await tx.audit.record({ userId: null, action: 'create', entity: 'trace', entityId: 'TX-THROW' });
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await traces('TX-THROW')).toEqual({ account: undefined, audit: 0 });
    expect(await store.contacts.get(contactId)).toBeUndefined();
  });

  it('rolls back the earlier writes when a later statement violates a constraint', async () => {
    await addAccount(store, { externalId: 'TX-TAKEN' });
    await expect(store.transaction(async (tx) => {
      await tx.audit.record({ userId: null, action: 'create', entity: 'trace', entityId: 'TX-CONSTRAINT' });
      await addAccount(tx, { externalId: 'TX-CONSTRAINT' });
      await addAccount(tx, { externalId: 'TX-TAKEN' });
    })).rejects.toMatchObject({ code: '23505' });
    expect(await traces('TX-CONSTRAINT')).toEqual({ account: undefined, audit: 0 });
    // The store is usable again afterwards.
    expect((await store.accounts.getByExternalId('TX-TAKEN'))?.externalId).toBe('TX-TAKEN');
  });

  it('joins a nested transaction to the outer one, so the inner writes go when the outer fails', async () => {
    await expect(store.transaction(async (outer) => {
      const created = await addAccount(outer, { externalId: 'TX-OUTER' });
      await outer.transaction(async (inner) => {
        // The inner work sees the outer's uncommitted write: it is the same transaction.
        expect((await inner.accounts.get(created.id))?.externalId).toBe('TX-OUTER');
        await addAccount(inner, { externalId: 'TX-INNER' });
        await inner.audit.record({ userId: null, action: 'create', entity: 'trace', entityId: 'TX-INNER' });
      });
      throw new Error('outer fails after the inner finished');
    })).rejects.toThrow('outer fails');
    expect(await traces('TX-OUTER')).toEqual({ account: undefined, audit: 0 });
    expect(await traces('TX-INNER')).toEqual({ account: undefined, audit: 0 });
  });

  it('commits a nested transaction only with the outer one', async () => {
    const ids = await store.transaction(async (outer) => {
      const a = await addAccount(outer, { externalId: 'TX-BOTH-A' });
      const b = await outer.transaction((inner) => addAccount(inner, { externalId: 'TX-BOTH-B' }));
      return [a.id, b.id];
    });
    expect((await store.accounts.getByExternalId('TX-BOTH-A'))?.id).toBe(ids[0]);
    expect((await store.accounts.getByExternalId('TX-BOTH-B'))?.id).toBe(ids[1]);
  });
});
