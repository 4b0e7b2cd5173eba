import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addUser } from '../support/store-records.js';

describe.each(ENGINES)('audit store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('records who, when, which record and the changes, and lists them newest first per record', async () => {
    const user = await addUser(store, 'manager');
    const start = Date.now();
    await store.audit.record({ userId: user.id, action: 'create', entity: 'widget', entityId: 7, changes: { name: [null, 'Gear'], price: [null, '1.50'] } });
    await store.audit.record({ userId: user.id, action: 'update', entity: 'widget', entityId: '7', changes: { name: ['Gear', 'Cog'] } });
    await store.audit.record({ userId: user.id, action: 'update', entity: 'widget', entityId: 8, changes: { name: ['A', 'B'] } });
    const page = await store.audit.list({ entity: 'widget', entityId: '7' });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map(({ id: _, at: __, ...rest }) => rest)).toEqual([
      { userId: user.id, action: 'update', entity: 'widget', entityId: '7', changes: { name: ['Gear', 'Cog'] } },
      { userId: user.id, action: 'create', entity: 'widget', entityId: '7', changes: { name: [null, 'Gear'], price: [null, '1.50'] } },
    ]);
    for (const entry of page.items) {
      expect(entry.at).toMatch(/Z$/);
      // Same machine, so the database clock agrees with ours to well within a minute.
      expect(Math.abs(Date.parse(entry.at) - start)).toBeLessThan(60_000);
    }
  });

  it('keeps no changes for actions that have none, and no user for the system actor', async () => {
    await store.audit.record({ userId: 0, action: 'import', entity: 'batch', entityId: 'b-1' });
    const [entry] = (await store.audit.list({ entity: 'batch', entityId: 'b-1' })).items;
    expect(entry).toMatchObject({ userId: null, changes: null, action: 'import' });
  });

  it('lists per user and pages with cursors, each entry once', async () => {
    const user = await addUser(store, 'rep');
    const other = await addUser(store, 'rep');
    for (let i = 0; i < 5; i++) await store.audit.record({ userId: user.id, action: 'update', entity: 'thing', entityId: i, changes: { n: [i, i + 1] } });
    await store.audit.record({ userId: other.id, action: 'update', entity: 'thing', entityId: 99 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.audit.list({ userId: user.id, limit: 2, cursor });
      expect(page.items.every((e) => e.userId === user.id)).toBe(true);
      seen.push(...page.items.map((e) => e.entityId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(['4', '3', '2', '1', '0']);
  });

  it('writes nothing when the transaction around it fails', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.audit.record({ userId: null, action: 'create', entity: 'ghost', entityId: 1 });
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    expect((await store.audit.list({ entity: 'ghost' })).items).toEqual([]);
  });
});
