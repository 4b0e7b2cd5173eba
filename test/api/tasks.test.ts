import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('tasks API on %s', (engine) => {
  let t: TestApp;
  let accountId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    accountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Busy Account' } })).json().id;
  });
  afterAll(async () => { await t?.close(); });

  const create = (body: object, as = t.admin) =>
    t.call('POST', '/api/v1/tasks', { as, body: { accountId, title: 'Follow up', dueAt: '2026-04-01T09:00:00Z', ...body } });

  it('creates an open task assigned to the caller, reads, changes and deletes it', async () => {
    const created = await create({ notes: 'Call back about the quote' }, t.rep);
    expect(created.statusCode).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({ accountId, title: 'Follow up', notes: 'Call back about the quote', dueAt: '2026-04-01T09:00:00.000Z', assigneeId: t.rep.id, done: false, doneAt: null, remindAt: null });
    expect((await t.call('GET', `/api/v1/tasks/${task.id}`)).json()).toEqual(task);
    const changed = await t.call('PATCH', `/api/v1/tasks/${task.id}`, { body: { title: 'Follow up twice', remindAt: '2026-03-31T09:00:00Z', assigneeId: null } });
    expect(changed.json()).toMatchObject({ title: 'Follow up twice', remindAt: '2026-03-31T09:00:00.000Z', assigneeId: null, done: false });
    expect((await t.call('DELETE', `/api/v1/tasks/${task.id}`)).statusCode).toBe(204);
    expectError(await t.call('GET', `/api/v1/tasks/${task.id}`), { status: 404, code: 'not_found' });
  });

  it('sets doneAt when a task is done, keeps it when marked done again, and clears it when reopened', async () => {
    const { id } = (await create({})).json();
    const before = Date.now();
    const done = (await t.call('PATCH', `/api/v1/tasks/${id}`, { body: { done: true } })).json();
    const after = Date.now();
    expect(done.done).toBe(true);
    expect(Date.parse(done.doneAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(done.doneAt)).toBeLessThanOrEqual(after + 1);

    const again = (await t.call('PATCH', `/api/v1/tasks/${id}`, { body: { done: true, notes: 'Confirmed' } })).json();
    expect(again.doneAt).toBe(done.doneAt);

    const renamed = (await t.call('PATCH', `/api/v1/tasks/${id}`, { body: { title: 'Renamed while done' } })).json();
    expect(renamed).toMatchObject({ done: true, doneAt: done.doneAt });

    const reopened = (await t.call('PATCH', `/api/v1/tasks/${id}`, { body: { done: false } })).json();
    expect(reopened).toMatchObject({ done: false, doneAt: null });
  });

  it('sets doneAt on a task created already done', async () => {
    const before = Date.now();
    const task = (await create({ done: true })).json();
    const after = Date.now();
    expect(task.done).toBe(true);
    expect(Date.parse(task.doneAt)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(task.doneAt)).toBeLessThanOrEqual(after + 1);
  });

  it('refuses an unknown or inactive assignee and a missing account, naming the field', async () => {
    expectError(await create({ assigneeId: 987654 }), { status: 422, code: 'invalid', field: 'assigneeId' });
    const leaver = (await t.call('POST', '/api/v1/users', { body: { email: 'gone@example.com', name: 'Gone', role: 'rep', password: 'a long enough password' } })).json();
    await t.call('PATCH', `/api/v1/users/${leaver.id}`, { body: { active: false } });
    expectError(await create({ assigneeId: leaver.id }), { status: 422, code: 'invalid', field: 'assigneeId' });
    const { id } = (await create({})).json();
    expectError(await t.call('PATCH', `/api/v1/tasks/${id}`, { body: { assigneeId: leaver.id } }), { status: 422, code: 'invalid', field: 'assigneeId' });
    expectError(await create({ accountId: 987654 }), { status: 404, code: 'not_found', field: 'accountId' });
  });

  it('stores SQL and HTML metacharacters verbatim', async () => {
    const title = `<a href="javascript:alert(1)">x</a> '); DELETE FROM tasks; --`;
    const { id } = (await create({ title, notes: '%_\\' })).json();
    expect((await t.call('GET', `/api/v1/tasks/${id}`)).json()).toMatchObject({ title, notes: '%_\\' });
  });

  it('lists open or done tasks by assignee and due range, sorted and paged', async () => {
    const holder = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Listed Tasks' } })).json().id;
    const add = (title: string, dueAt: string, extra: object = {}) =>
      t.call('POST', '/api/v1/tasks', { body: { accountId: holder, title, dueAt, assigneeId: t.manager.id, ...extra } });
    await add('a', '2026-05-01T00:00:00Z');
    await add('b', '2026-05-02T00:00:00Z', { done: true });
    await add('c', '2026-05-03T00:00:00Z', { assigneeId: t.rep.id });
    await add('d', '2026-05-03T00:00:00Z');
    await add('e', '2026-05-09T00:00:00Z', { notes: 'needle in the notes' });
    const titles = async (query: string) =>
      (await t.call('GET', `/api/v1/tasks?accountId=${holder}&${query}`)).json().items.map((x: { title: string }) => x.title);
    expect(await titles('')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await titles('sort=-dueAt')).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(await titles('done=false')).toEqual(['a', 'c', 'd', 'e']);
    expect(await titles('done=true')).toEqual(['b']);
    expect(await titles(`assigneeId=${t.rep.id}`)).toEqual(['c']);
    expect(await titles('dueFrom=2026-05-02T00:00:00Z&dueTo=2026-05-09T00:00:00Z')).toEqual(['b', 'c', 'd']);
    expect(await titles('q=NEEDLE')).toEqual(['e']);
    const pages = await allPages<{ title: string }>(t, `/api/v1/tasks?accountId=${holder}&limit=2`);
    expect(pages.map((p) => p.map((x) => x.title))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    await add('f', '2026-05-10T00:00:00Z', { title: 'Relancer Hélène' });
    expect(await titles('q=helene')).toEqual(['Relancer Hélène']);
  });
});
