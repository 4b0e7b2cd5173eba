import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimelineKind } from '../../src/domain/customer-file.js';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser, uniqueNumber } from '../support/store-records.js';

describe.each(ENGINES)('timeline store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  async function walk(accountId: number, limit: number, kinds?: TimelineKind[]) {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.timeline.page(accountId, { limit, cursor, kinds });
      seen.push(...page.items.map((e) => `${e.kind}:${e.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  }

  it('merges interactions, orders, tasks and status changes of one account, newest first', async () => {
    const user = await addUser(store, 'rep');
    const account = await addAccount(store, { status: 'lead' });
    const other = await addAccount(store);
    const interaction = await store.interactions.insert({ accountId: account.id, type: 'call', subject: 'Intro', body: 'Said hello', userId: user.id, occurredAt: '2024-01-01T10:00:00Z' });
    const order = await store.orders.insert({ accountId: account.id, number: uniqueNumber(), orderedAt: new Date('2024-02-01T10:00:00Z'), channel: null, status: 'shipped', totalCents: -505, itemCount: -1 });
    const task = await store.tasks.insert({ accountId: account.id, assigneeId: user.id, title: 'Follow up', notes: 'Ask for feedback', dueAt: '2024-03-01T10:00:00Z', done: true });
    await store.accounts.recordStatusChange(account.id, 'lead', 'customer', user.id, new Date('2024-04-01T10:00:00Z'));
    await store.interactions.insert({ accountId: other.id, type: 'note', subject: 'Not this account', occurredAt: '2024-05-01T00:00:00Z' });

    const page = await store.timeline.page(account.id, { limit: 50, kinds: ['interaction', 'order', 'task', 'status_change'] });
    expect(page.nextCursor).toBeNull();
    expect(page.items.map(({ id: _, ...entry }) => entry)).toEqual([
      { kind: 'status_change', at: '2024-04-01T10:00:00.000Z', facts: { fromStatus: 'lead', toStatus: 'customer' }, detail: null, userId: user.id },
      { kind: 'task', at: '2024-03-01T10:00:00.000Z', facts: { taskTitle: 'Follow up', done: true }, detail: 'Ask for feedback', userId: user.id },
      {
        kind: 'order', at: '2024-02-01T10:00:00.000Z', detail: null, userId: null,
        facts: { orderNumber: (await store.orders.get(order))!.number, orderStatus: 'shipped', total: '-5.05', itemCount: -1 },
      },
      { kind: 'interaction', at: '2024-01-01T10:00:00.000Z', facts: { interactionType: 'call', subject: 'Intro' }, detail: 'Said hello', userId: user.id },
    ]);
    expect(page.items.find((e) => e.kind === 'interaction')?.id).toBe(interaction.id);
    expect(page.items.find((e) => e.kind === 'task')?.id).toBe(task.id);
    expect(page.items.every((e) => typeof e.id === 'number')).toBe(true);
  });

  it('pages through entries sharing one instant across kinds without repeating or skipping any', async () => {
    const account = await addAccount(store);
    const at = '2024-06-15T12:00:00.000Z';
    for (let i = 0; i < 3; i++) await store.interactions.insert({ accountId: account.id, type: 'note', subject: `Same ${i}`, occurredAt: at });
    for (let i = 0; i < 2; i++) await store.orders.insert({ accountId: account.id, number: uniqueNumber(), orderedAt: new Date(at), channel: null, status: 'confirmed', totalCents: 100, itemCount: 1 });
    for (let i = 0; i < 2; i++) await store.tasks.insert({ accountId: account.id, title: `Same ${i}`, dueAt: at });
    await store.accounts.recordStatusChange(account.id, null, 'prospect', null, new Date(at));
    await store.interactions.insert({ accountId: account.id, type: 'note', subject: 'Earlier', occurredAt: '2024-06-14T00:00:00Z' });
    await store.tasks.insert({ accountId: account.id, title: 'Later', dueAt: '2024-06-16T00:00:00Z' });

    const everything = await walk(account.id, 200);
    expect(everything).toHaveLength(10);
    expect(new Set(everything).size).toBe(10);
    for (const limit of [1, 2, 3, 4]) expect(await walk(account.id, limit)).toEqual(everything);
    expect(everything[0]).toMatch(/^task:/);
    expect(everything[9]).toMatch(/^interaction:/);
  });

  it('keeps to the requested kinds', async () => {
    const account = await addAccount(store);
    await store.interactions.insert({ accountId: account.id, type: 'note', subject: 'Kept out', occurredAt: '2024-01-01T00:00:00Z' });
    const task = await store.tasks.insert({ accountId: account.id, title: 'Kept', dueAt: '2024-01-02T00:00:00Z' });
    await store.accounts.recordStatusChange(account.id, null, 'lead', null, new Date('2024-01-03T00:00:00Z'));
    expect(await walk(account.id, 1, ['task'])).toEqual([`task:${task.id}`]);
    expect((await walk(account.id, 1, ['task', 'status_change'])).map((e) => e.split(':')[0])).toEqual(['status_change', 'task']);
  });

  it('refuses a cursor it did not make', async () => {
    const account = await addAccount(store);
    await expect(store.timeline.page(account.id, { limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'bad_request', field: 'cursor' });
  });
});
