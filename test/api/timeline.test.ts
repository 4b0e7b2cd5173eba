import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface Entry {
  kind: string;
  id: number;
  at: string;
  title: string;
  detail: string | null;
  userId: number | null;
}

const SAME_TIME = '2026-01-10T12:00:00.000Z';

describe.each(ENGINES)('account timeline API on %s', (engine) => {
  let t: TestApp;
  let accountId: number;
  let full: Entry[];
  beforeAll(async () => {
    t = await openTestApp(engine);
    accountId = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Timeline Co', status: 'lead' } })).json().id;
    const post = async (path: string, body: object, as = t.admin) => {
      const response = await t.call('POST', `/api/v1/${path}`, { as, body: { accountId, ...body } });
      expect(response.statusCode).toBe(201);
    };
    await post('interactions', { type: 'call', subject: 'First call', occurredAt: '2026-01-05T09:00:00Z', body: 'Met the buyer' }, t.rep);
    await post('interactions', { type: 'email', subject: 'Same time A', occurredAt: SAME_TIME });
    await post('orders', { number: 'T-1', orderedAt: SAME_TIME, total: '12.50', itemCount: 3 });
    await post('tasks', { title: 'Send quote', dueAt: SAME_TIME, assigneeId: t.manager.id, done: true });
    await post('interactions', { type: 'note', subject: 'Same time B', occurredAt: SAME_TIME, userId: null });
    await post('orders', { number: 'T-2', orderedAt: '2026-02-01', status: 'returned', lines: [{ quantity: -1, unitPrice: '0.50' }] });
    await post('tasks', { title: 'Renewal', dueAt: '2099-01-01T00:00:00Z', assigneeId: null });
    await t.call('PATCH', `/api/v1/accounts/${accountId}`, { body: { status: 'customer' } });
    // Another account's history must stay out of this one's.
    const unrelated = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Unrelated' } })).json().id;
    await t.call('POST', '/api/v1/interactions', { body: { accountId: unrelated, type: 'call', subject: 'Not ours', occurredAt: SAME_TIME } });
    await t.call('POST', '/api/v1/orders', { body: { accountId: unrelated, number: 'U-1', orderedAt: SAME_TIME } });
    full = (await t.call('GET', `/api/v1/accounts/${accountId}/timeline?limit=200`)).json().items;
  });
  afterAll(async () => { await t?.close(); });

  it('merges interactions, orders, tasks and status changes newest first', async () => {
    expect(full.map((e) => [e.kind, e.title])).toEqual([
      ['task', 'Task: Renewal'],
      ['status_change', 'Status: Lead → Customer'],
      ['status_change', 'Status set to Lead'],
      ['order', 'Order T-2 (Returned)'],
      ['task', 'Task done: Send quote'],
      ['order', 'Order T-1 (Confirmed)'],
      ['interaction', 'Note: Same time B'],
      ['interaction', 'Email: Same time A'],
      ['interaction', 'Call: First call'],
    ]);
    const times = full.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(full.slice(4, 8).every((e) => e.at === SAME_TIME)).toBe(true);
  });

  it('describes each entry with its detail and the user behind it', async () => {
    const byTitle = new Map(full.map((e) => [e.title, e]));
    expect(byTitle.get('Call: First call')).toMatchObject({ detail: 'Met the buyer', userId: t.rep.id, at: '2026-01-05T09:00:00.000Z' });
    expect(byTitle.get('Note: Same time B')).toMatchObject({ detail: null, userId: null });
    expect(byTitle.get('Order T-1 (Confirmed)')).toMatchObject({ detail: '12.50 EUR for 3 items', userId: null });
    expect(byTitle.get('Order T-2 (Returned)')).toMatchObject({ detail: '-0.50 EUR for -1 item', at: '2026-02-01T00:00:00.000Z' });
    expect(byTitle.get('Task done: Send quote')).toMatchObject({ userId: t.manager.id });
    expect(byTitle.get('Status: Lead → Customer')).toMatchObject({ userId: t.admin.id, detail: null });
  });

  it.each([1, 2, 3, 4])('pages %i at a time across kinds without repeating or skipping an entry', async (limit) => {
    const pages = await allPages<Entry>(t, `/api/v1/accounts/${accountId}/timeline?limit=${limit}`);
    expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
    expect(pages.flat()).toEqual(full);
  });

  it('pages a history longer than the default page: the pages join into the whole timeline, nothing twice, nothing missing', async () => {
    const long = (await t.call('POST', '/api/v1/accounts', { body: { name: 'Long History Co', status: 'customer' } })).json().id;
    // 64 interactions and 8 orders, some of them at the same instant, plus the creation's status change.
    for (let i = 0; i < 64; i += 1) {
      const occurredAt = new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), 9)).toISOString();
      const response = await t.call('POST', '/api/v1/interactions', { body: { accountId: long, type: 'call', subject: `Call ${i}`, occurredAt } });
      expect(response.statusCode).toBe(201);
    }
    for (let i = 0; i < 8; i += 1) {
      const orderedAt = new Date(Date.UTC(2025, 0, 1 + i * 4, 9)).toISOString();
      expect((await t.call('POST', '/api/v1/orders', { body: { accountId: long, number: `L-${i}`, orderedAt, total: '10.00' } })).statusCode).toBe(201);
    }
    const whole: Entry[] = (await t.call('GET', `/api/v1/accounts/${long}/timeline?limit=200`)).json().items;
    expect(whole).toHaveLength(64 + 8 + 1);

    const first = (await t.call('GET', `/api/v1/accounts/${long}/timeline`)).json();
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    const pages = await allPages<Entry>(t, `/api/v1/accounts/${long}/timeline`);
    expect(pages.map((p) => p.length)).toEqual([50, 23]);
    const joined = pages.flat();
    expect(new Set(joined.map((e) => `${e.kind}-${e.id}`)).size).toBe(joined.length);
    expect(joined).toEqual(whole);
    const times = joined.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keeps only the kinds asked for, and pages through them', async () => {
    const kinds = async (query: string) =>
      (await t.call('GET', `/api/v1/accounts/${accountId}/timeline?${query}`)).json().items.map((e: Entry) => e.title);
    expect(await kinds('kinds=order,task')).toEqual(['Task: Renewal', 'Order T-2 (Returned)', 'Task done: Send quote', 'Order T-1 (Confirmed)']);
    expect(await kinds('kinds=interaction')).toEqual(['Note: Same time B', 'Email: Same time A', 'Call: First call']);
    expect(await kinds(`kinds=${encodeURIComponent(' status_change , order ')}`)).toEqual(['Status: Lead → Customer', 'Status set to Lead', 'Order T-2 (Returned)', 'Order T-1 (Confirmed)']);
    const pages = await allPages<Entry>(t, `/api/v1/accounts/${accountId}/timeline?kinds=interaction,task&limit=2`);
    expect(pages.flat()).toEqual(full.filter((e) => e.kind === 'interaction' || e.kind === 'task'));
  });

  it('refuses an unknown kind, naming kinds', async () => {
    expectError(await t.call('GET', `/api/v1/accounts/${accountId}/timeline?kinds=order,email`), { status: 400, code: 'bad_request', field: 'kinds', message: /email/ });
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['a list cursor', Buffer.from(JSON.stringify(['Timeline Co', 1])).toString('base64url')],
    ['a cursor with a bad date', Buffer.from(JSON.stringify(['yesterday', 'order', 1])).toString('base64url')],
    ['a cursor with a fractional id', Buffer.from(JSON.stringify([SAME_TIME, 'order', 1.5])).toString('base64url')],
    ['a cursor whose date only JavaScript would read', Buffer.from(JSON.stringify(['1', 'order', 1])).toString('base64url')],
  ])('answers 400 naming cursor for %s', async (_label, cursor) => {
    expectError(await t.call('GET', `/api/v1/accounts/${accountId}/timeline?cursor=${encodeURIComponent(cursor)}`), { status: 400, code: 'bad_request', field: 'cursor' });
  });

  it('answers 404 for a missing account and hides other reps\' accounts when reps see only their own', async () => {
    expectError(await t.call('GET', '/api/v1/accounts/987654/timeline'), { status: 404, code: 'not_found' });
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      expectError(await t.call('GET', `/api/v1/accounts/${accountId}/timeline`, { as: t.rep }), { status: 404, code: 'not_found' });
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
    expect((await t.call('GET', `/api/v1/accounts/${accountId}/timeline`, { as: t.rep })).statusCode).toBe(200);
  });
});
