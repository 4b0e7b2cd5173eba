// A rep limited to their own portfolio learns nothing beyond it: the other users by name
// alone, analysis counts over their own accounts, and no task handed to someone who cannot
// see its account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

describe.each(ENGINES)('a rep limited to their own portfolio on %s', (engine) => {
  let t: TestApp;
  let ownAccount: number;
  let otherAccount: number;
  const setMode = async (repVisibility: 'all' | 'own') =>
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility } })).statusCode).toBe(200);

  beforeAll(async () => {
    t = await openTestApp(engine);
    const account = async (name: string, ownerId: number) => {
      const response = await t.call('POST', '/api/v1/accounts', { body: { name, ownerId } });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().id as number;
    };
    ownAccount = await account('Rep Own Ltd', t.rep.id);
    otherAccount = await account('Other Rep Ltd', t.otherRep.id);
    const managerAccount = await account('Manager Account Ltd', t.manager.id);
    for (const [accountId, number] of [[ownAccount, 'PV-1'], [otherAccount, 'PV-2'], [managerAccount, 'PV-3']] as const) {
      const order = await t.call('POST', '/api/v1/orders', { body: { accountId, number, orderedAt: '2024-03-01', total: '100.00' } });
      expect(order.statusCode, order.body).toBe(201);
    }
    expect((await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2024-06-01' } })).statusCode).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  it('lists the other users by name alone, and themselves in full', async () => {
    await setMode('own');
    const listed = await t.call('GET', '/api/v1/users', { as: t.rep });
    expect(listed.statusCode).toBe(200);
    const items = listed.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(4);
    for (const user of items.filter((u) => u.id !== t.rep.id)) expect(Object.keys(user).sort()).toEqual(['active', 'id', 'name']);
    expect(items.find((u) => u.id === t.rep.id)).toMatchObject({ email: 'rep@example.com', role: 'rep' });
    expect(listed.body).not.toContain('manager@example.com');
    const one = await t.call('GET', `/api/v1/users/${t.manager.id}`, { as: t.rep });
    expect(one.json()).toEqual({ id: t.manager.id, name: 'manager', active: true });

    // While every rep sees every account, and for managers, the list is whole.
    await setMode('all');
    expect((await t.call('GET', '/api/v1/users', { as: t.rep })).json().items[1]).toHaveProperty('email');
    await setMode('own');
    expect((await t.call('GET', '/api/v1/users', { as: t.manager })).json().items.every((u: { email?: string }) => u.email)).toBe(true);
  });

  it('reads the analysis runs and views with the count of their own accounts, not the portfolio\'s', async () => {
    await setMode('own');
    const whole = (await t.call('GET', '/api/v1/analysis/runs/latest', { as: t.manager })).json().accountCount;
    expect(whole).toBe(3);
    expect((await t.call('GET', '/api/v1/analysis/runs/latest', { as: t.rep })).json().accountCount).toBe(1);
    expect((await t.call('GET', '/api/v1/analysis/runs', { as: t.rep })).json().items.map((r: { accountCount: number }) => r.accountCount)).toEqual([1]);
    const overview = (await t.call('GET', '/api/v1/analysis/overview', { as: t.rep })).json();
    expect(overview.run.accountCount).toBe(1);
    expect(overview.accounts).toBe(1);
    expect((await t.call('GET', '/api/v1/analysis/abc', { as: t.rep })).json().run.accountCount).toBe(1);
    expect((await t.call('GET', '/api/v1/analysis/team?by=segment', { as: t.rep })).statusCode).toBe(403);
    await setMode('all');
    expect((await t.call('GET', '/api/v1/analysis/runs/latest', { as: t.rep })).json().accountCount).toBe(whole);
  });

  it('refuses a task assigned to a rep who cannot see its account, and changes nothing', async () => {
    await setMode('own');
    const before = (await t.call('GET', `/api/v1/tasks?accountId=${otherAccount}`)).json().items.length;
    const refused = await t.call('POST', '/api/v1/tasks', { as: t.manager, body: { accountId: otherAccount, title: 'Call them', dueAt: '2024-07-01T09:00:00Z', assigneeId: t.rep.id } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'invalid', field: 'assigneeId' });
    expect((await t.call('GET', `/api/v1/tasks?accountId=${otherAccount}`)).json().items).toHaveLength(before);

    // The owner, a manager, or nobody may take it; moving it to an account the assignee cannot see is refused too.
    for (const assigneeId of [t.otherRep.id, t.manager.id, null]) {
      const ok = await t.call('POST', '/api/v1/tasks', { as: t.manager, body: { accountId: otherAccount, title: 'Call them', dueAt: '2024-07-01T09:00:00Z', assigneeId } });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const own = await t.call('POST', '/api/v1/tasks', { as: t.rep, body: { accountId: ownAccount, title: 'Mine', dueAt: '2024-07-01T09:00:00Z' } });
    expect(own.json().assigneeId).toBe(t.rep.id);
    const moved = await t.call('PATCH', `/api/v1/tasks/${own.json().id}`, { as: t.manager, body: { accountId: otherAccount } });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.field).toBe('assigneeId');

    // While every rep sees every account, any rep may take it.
    await setMode('all');
    expect((await t.call('POST', '/api/v1/tasks', { as: t.manager, body: { accountId: otherAccount, title: 'Call them', dueAt: '2024-07-01T09:00:00Z', assigneeId: t.rep.id } })).statusCode).toBe(201);
  });
});
