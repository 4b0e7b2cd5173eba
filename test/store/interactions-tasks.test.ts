import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ENGINES, openTestStore } from '../support/test-store.js';
import { addAccount, addUser } from '../support/store-records.js';

describe.each(ENGINES)('interactions and tasks store on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeAll(async () => ({ store, dispose } = await openTestStore(engine)));
  afterAll(async () => { await dispose?.(); });

  it('inserts an interaction linked to a contact and an author, and reads it back', async () => {
    const author = await addUser(store, 'rep');
    const account = await addAccount(store);
    const contact = await store.contacts.insert({ accountId: account.id, lastName: 'Called' });
    const interaction = await store.interactions.insert({
      accountId: account.id, contactId: contact.id, type: 'call', direction: 'outbound', subject: 'Renewal',
      body: 'Talked about the renewal.', occurredAt: '2024-05-06T14:30:00.000Z', userId: author.id, outcome: 'interested',
    });
    expect(interaction).toMatchObject({ accountId: account.id, contactId: contact.id, userId: author.id, occurredAt: '2024-05-06T14:30:00.000Z', outcome: 'interested' });
    expect(await store.interactions.get(interaction.id)).toEqual(interaction);
  });

  it('lists interactions newest first, filtered by type, author, period and words of subject or body', async () => {
    const author = await addUser(store, 'rep');
    const account = await addAccount(store);
    const add = (day: number, type: 'call' | 'email' | 'meeting', subject: string, body: string | null = null, userId: number | null = null) =>
      store.interactions.insert({ accountId: account.id, type, subject, body, userId, occurredAt: `2024-03-${String(day).padStart(2, '0')}T09:00:00Z` });
    const first = await add(1, 'call', 'Intro call');
    const second = await add(2, 'email', 'Quote sent', 'Quote for 50% off', author.id);
    const third = await add(3, 'meeting', 'On-site visit', null, author.id);
    const ids = async (query: Parameters<Store['interactions']['list']>[0]) =>
      (await store.interactions.list({ accountId: account.id, ...query })).items.map((i) => i.id);
    expect(await ids({})).toEqual([third.id, second.id, first.id]);
    expect(await ids({ sort: 'occurredAt' })).toEqual([first.id, second.id, third.id]);
    expect(await ids({ type: 'email' })).toEqual([second.id]);
    expect(await ids({ userId: author.id })).toEqual([third.id, second.id]);
    expect(await ids({ occurredFrom: '2024-03-02T00:00:00Z', occurredTo: '2024-03-03T00:00:00Z' })).toEqual([second.id]);
    expect(await ids({ q: '50%' })).toEqual([second.id]);
    expect(await ids({ q: 'INTRO' })).toEqual([first.id]);
  });

  it('updates and deletes an interaction, and clears the contact when the contact is deleted', async () => {
    const account = await addAccount(store);
    const contact = await store.contacts.insert({ accountId: account.id, lastName: 'Leaving' });
    const interaction = await store.interactions.insert({ accountId: account.id, contactId: contact.id, type: 'note', subject: 'Note', occurredAt: '2024-01-01T00:00:00Z' });
    const at = new Date('2031-01-01T00:00:00Z');
    expect(await store.interactions.update(interaction.id, { subject: 'Edited note' }, at)).toEqual({ ...interaction, subject: 'Edited note', updatedAt: at.toISOString() });
    await store.contacts.delete(contact.id);
    expect((await store.interactions.get(interaction.id))?.contactId).toBeNull();
    expect(await store.interactions.delete(interaction.id)).toBe(true);
    expect(await store.interactions.get(interaction.id)).toBeUndefined();
  });

  it('stamps a task done with the given instant and clears the stamp when it is reopened', async () => {
    const assignee = await addUser(store, 'rep');
    const account = await addAccount(store);
    const task = await store.tasks.insert({ accountId: account.id, assigneeId: assignee.id, title: 'Call back', dueAt: '2024-05-10T09:00:00Z', remindAt: '2024-05-10T08:45:00Z' });
    expect(task).toMatchObject({ done: false, doneAt: null, remindAt: '2024-05-10T08:45:00.000Z', dueAt: '2024-05-10T09:00:00.000Z' });
    const doneAt = new Date('2024-05-10T09:30:00Z');
    expect(await store.tasks.update(task.id, { done: true }, doneAt)).toMatchObject({ done: true, doneAt: doneAt.toISOString(), updatedAt: doneAt.toISOString() });
    expect(await store.tasks.update(task.id, { done: false })).toMatchObject({ done: false, doneAt: null });
  });

  it('lists tasks by due date, filtered by assignee, state and words, and pages through them', async () => {
    const assignee = await addUser(store, 'rep');
    const account = await addAccount(store);
    const ids = [];
    for (let day = 1; day <= 5; day++) {
      const task = await store.tasks.insert({ accountId: account.id, assigneeId: day % 2 ? assignee.id : null, title: `Task ${day}`, notes: day === 4 ? 'Bring the contract' : null, dueAt: `2024-09-0${day}T12:00:00Z`, done: day === 5 });
      ids.push(task.id);
    }
    const list = async (query: Parameters<Store['tasks']['list']>[0]) => (await store.tasks.list({ accountId: account.id, ...query })).items.map((t) => t.id);
    expect(await list({})).toEqual(ids);
    expect(await list({ sort: '-dueAt' })).toEqual([...ids].reverse());
    expect(await list({ assigneeId: assignee.id })).toEqual([ids[0], ids[2], ids[4]]);
    expect(await list({ done: true })).toEqual([ids[4]]);
    expect(await list({ done: false, dueFrom: '2024-09-02T00:00:00Z', dueTo: '2024-09-04T00:00:00Z' })).toEqual([ids[1], ids[2]]);
    expect(await list({ q: 'contract' })).toEqual([ids[3]]);
    const paged: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.tasks.list({ accountId: account.id, limit: 2, cursor });
      paged.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(ids);
  });

  it('hides interactions and tasks of accounts outside the scope', async () => {
    const mine = await addUser(store, 'rep');
    const own = await addAccount(store, { ownerId: mine.id });
    const other = await addAccount(store);
    const scope = { ownerId: mine.id };
    const ownInteraction = await store.interactions.insert({ accountId: own.id, type: 'note', subject: 'Mine', occurredAt: '2024-01-01T00:00:00Z' });
    const otherInteraction = await store.interactions.insert({ accountId: other.id, type: 'note', subject: 'Theirs', occurredAt: '2024-01-01T00:00:00Z' });
    const ownTask = await store.tasks.insert({ accountId: own.id, title: 'Mine', dueAt: '2024-01-01T00:00:00Z' });
    const otherTask = await store.tasks.insert({ accountId: other.id, title: 'Theirs', dueAt: '2024-01-01T00:00:00Z' });
    expect(await store.interactions.get(otherInteraction.id, scope)).toBeUndefined();
    expect(await store.tasks.get(otherTask.id, scope)).toBeUndefined();
    expect((await store.interactions.list({ limit: 500 }, scope)).items.map((i) => i.id)).toEqual([ownInteraction.id]);
    expect((await store.tasks.list({ limit: 500 }, scope)).items.map((t) => t.id)).toEqual([ownTask.id]);
  });

  it('deletes a task once', async () => {
    const account = await addAccount(store);
    const task = await store.tasks.insert({ accountId: account.id, title: 'Temporary', dueAt: '2024-01-01T00:00:00Z' });
    expect(await store.tasks.delete(task.id)).toBe(true);
    expect(await store.tasks.get(task.id)).toBeUndefined();
    expect(await store.tasks.delete(task.id)).toBe(false);
  });
});
