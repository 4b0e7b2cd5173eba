import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { classifyPortfolio } from '../../src/analytics/portfolio/classify-portfolio.js';
import type { PortfolioSettings } from '../../src/domain/portfolio/settings.js';
import { storedExplanations } from '../../src/services/analysis/explain-stored.js';
import { explanationAmounts } from '../../src/services/analysis/stored-amounts.js';
import { normalise } from '../../src/store/repositories/analysis-runs.js';
import { expectError } from '../support/expect-error.js';
import { allPages } from '../support/pages.js';
import { ENGINES } from '../support/test-store.js';
import { openTestApp, type TestApp } from '../support/test-app.js';

interface ListedAccount { id: number; name: string; ownerId: number | null; status: string; classes: Record<string, any> | null }

describe.each(ENGINES)('the portfolio analysis API on %s', (engine) => {
  let t: TestApp;
  let repAccounts: number[];
  beforeAll(async () => {
    t = await openTestApp(engine);
    await loadDemoPortfolio({ store: t.store, actor: SYSTEM_ACTOR }, { accounts: 160, seed: 5, endDate: '2025-06-01T00:00:00.000Z' });
    const ids = (await t.store.connection.db.selectFrom('accounts').select('id').orderBy('id').execute()).map((r) => Number(r.id));
    repAccounts = ids.filter((_, i) => i % 4 === 0);
    await t.store.connection.db.updateTable('accounts').set({ owner_id: t.rep.id }).where('id', 'in', repAccounts).execute();
  });
  afterAll(async () => { await t?.close(); });

  const get = async (url: string, as = t.admin) => {
    const response = await t.call('GET', url, { as });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const classesOfRun = async (runId: number) => t.store.connection.db.selectFrom('account_classes')
    .select(['account_id', 'status', 'abc', 'rfm_segment', 'volume_tier', 'frequency', 'churn_signals', 'period_revenue_cents']).where('run_id', '=', runId).execute();

  it('says plainly that nothing was analysed yet, and lets only managers and admins start a run', async () => {
    expectError(await t.call('GET', '/api/v1/analysis/overview'), { status: 404, code: 'not_found', message: /not been analysed yet/ });
    expectError(await t.call('POST', '/api/v1/analysis/runs', { as: t.rep, body: {} }), { status: 403, code: 'forbidden' });
    expectError(await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2025-13-01' } }), { status: 400, code: 'bad_request', field: 'asOf' });
    expect(await t.store.analysisRuns.list()).toEqual([]);
  });

  it('takes a snapshot, then a run, and shows the movements between them with the accounts that moved', async () => {
    const snapshot = await t.call('POST', '/api/v1/analysis/runs', { as: t.manager, body: { asOf: '2024-06-01', snapshot: true } });
    expect(snapshot.statusCode, snapshot.body).toBe(201);
    const run = await t.call('POST', '/api/v1/analysis/runs', { as: t.manager, body: { asOf: '2025-06-01' } });
    expect(run.json()).toMatchObject({ kind: 'run', asOf: '2025-06-01' });
    const movements = await get('/api/v1/analysis/movements?dimension=abc');
    expect(movements.from.id).toBe(snapshot.json().id);
    const before = new Map((await classesOfRun(snapshot.json().id)).map((r) => [Number(r.account_id), r.abc]));
    const after = await classesOfRun(run.json().id);
    const moved = after.filter((r) => before.has(Number(r.account_id)) && before.get(Number(r.account_id)) !== r.abc);
    expect(moved.length).toBeGreaterThan(0);
    expect(movements.movedAccounts).toBe(moved.length);
    expect(movements.cells.reduce((n: number, c: { accounts: number }) => n + c.accounts, 0)).toBe(after.filter((r) => before.has(Number(r.account_id))).length);
    expect(new Set(movements.moved.map((m: { accountId: number }) => m.accountId))).toEqual(new Set(moved.map((r) => Number(r.account_id))));
  });

  it('counts the movements without listing accounts when asked for none, and lists one flow\'s accounts, largest first', async () => {
    const counts = await get('/api/v1/analysis/movements?dimension=abc&limit=0');
    expect(counts.moved).toEqual([]);
    expect(counts.movedAccounts).toBeGreaterThan(0);
    const flow = counts.cells.find((c: { from: string; to: string }) => c.from !== c.to);
    const listed = await get(`/api/v1/analysis/movements?dimension=abc&fromClass=${flow.from}&toClass=${flow.to}&limit=1000`);
    expect(listed.cells).toEqual(counts.cells);
    expect(listed.moved).toHaveLength(flow.accounts);
    for (const m of listed.moved) expect(m).toMatchObject({ from: flow.from, to: flow.to });
    const revenues = listed.moved.map((m: { revenue: string }) => Number(m.revenue));
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    // A rep who sees only their own accounts finds only those in the counts and in the list.
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      const mine = await get(`/api/v1/analysis/movements?dimension=abc&fromClass=${flow.from}&toClass=${flow.to}&limit=1000`, t.rep);
      const theirs = listed.moved.filter((m: { accountId: number }) => repAccounts.includes(m.accountId));
      expect(mine.moved).toEqual(theirs);
      expect(mine.cells.find((c: { from: string; to: string }) => c.from === flow.from && c.to === flow.to)?.accounts ?? 0).toBe(theirs.length);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });

  it('counts every account once per classification, with its revenue', async () => {
    const overview = await get('/api/v1/analysis/overview');
    const rows = await classesOfRun(overview.run.id);
    for (const [dimension, column] of [['status', 'status'], ['abc', 'abc'], ['rfm', 'rfm_segment'], ['volumeTier', 'volume_tier'], ['frequency', 'frequency']] as const) {
      const expected: Record<string, number> = {};
      // The ABC counts are the Pareto's: quiet accounts, ranked on their last active year, apart.
      const counted = dimension === 'abc' ? rows.filter((r) => r.abc === 'none' || Number(r.period_revenue_cents) > 0) : rows;
      for (const row of counted) expected[row[column]] = (expected[row[column]] ?? 0) + 1;
      expect(Object.fromEntries(Object.entries(overview.classes[dimension] as Record<string, { accounts: number }>).map(([k, v]) => [k, v.accounts]))).toEqual(expected);
    }
    expect(overview.accounts).toBe(rows.length);
    expect(overview.churn.accounts).toBe(rows.filter((r) => r.churn_signals.length > 0).length);
    const signals: Record<string, number> = {};
    for (const kind of rows.flatMap((r) => r.churn_signals)) signals[kind] = (signals[kind] ?? 0) + 1;
    expect(Object.fromEntries(Object.entries(overview.churn.signals).filter(([, n]) => n !== 0))).toEqual(signals);
    const buying = rows.filter((r) => ['current', 'active'].includes(r.status));
    expect(overview.buyingNow.accounts).toBe(buying.length);
  });

  it('keeps the class value and median gap of each account in columns that say what its explanation says', async () => {
    const overview = await get('/api/v1/analysis/overview');
    const run = (await t.store.analysisRuns.get(overview.run.id))!;
    const rows = (await t.store.connection.db.selectFrom('account_classes').selectAll().where('run_id', '=', run.id).execute()).map(normalise);
    expect(rows.filter((r) => r.median_gap_days !== null).length).toBeGreaterThan(0);
    const explained = await storedExplanations(t.store, run, rows);
    rows.forEach((row, i) => {
      const reasons = explained[i] as { abc: { figures: { revenue?: number } }; summary: { medianGapDays: number | null } };
      expect(row.value_cents === null ? null : Number(row.value_cents)).toBe(reasons.abc.figures.revenue ?? null);
      expect(row.median_gap_days).toBe(reasons.summary.medianGapDays);
    });
  });

  it('explains every account when it is read exactly as the whole-portfolio classifier explains it, while the run stores no explanation', async () => {
    await t.call('POST', '/api/v1/analysis/runs', { as: t.admin, body: { asOf: '2025-06-01' } });
    const overview = await get('/api/v1/analysis/overview');
    const run = (await t.store.analysisRuns.get(overview.run.id))!;
    const rows = (await t.store.connection.db.selectFrom('account_classes').selectAll().where('run_id', '=', run.id).orderBy('account_id').execute()).map(normalise);
    expect(rows.every((row) => row.reasons === null)).toBe(true);

    // The same portfolio classified at once by classifyPortfolio, which writes every explanation.
    const asOfEnd = new Date('2025-06-02T00:00:00Z');
    const accounts = (await t.store.analysisFacts.accounts()).filter((a) => a.since < asOfEnd.toISOString());
    const histories = await t.store.purchaseHistories.list();
    const pAlive = new Map(rows.flatMap((row) => (row.p_alive === null ? [] : [[row.account_id, row.p_alive] as const])));
    const whole = classifyPortfolio({ asOf: run.asOf, accounts, histories, settings: run.settings as unknown as PortfolioSettings, pAlive });
    const growthOf = new Map(whole.portfolio.growth.map((g) => [g.accountId, g]));
    expect(whole.accounts.map((r) => r.accountId)).toEqual(rows.map((r) => r.account_id));

    let compared = 0;
    for (const record of whole.accounts) {
      const read = await get(`/api/v1/accounts/${record.accountId}/classes`);
      const { summary } = record;
      const expected = explanationAmounts({
        status: record.status, volumeTier: record.volumeTier, frequency: record.frequency, abc: record.abc, rfm: record.rfm,
        churnSignals: record.churnSignals as never,
        summary: {
          firstPurchase: summary.firstPurchase, lastPurchase: summary.lastPurchase, daysSinceLastPurchase: summary.daysSinceLastPurchase,
          orderCount: summary.orderCount, purchaseDays: summary.purchaseDayCount, revenue: summary.revenue, averageTicket: summary.averageTicket,
          meanGapDays: summary.meanGapDays, medianGapDays: summary.medianGapDays,
          revenueLast12Months: summary.revenueLast12Months, revenuePrevious12Months: summary.revenuePrevious12Months,
        },
        growth: growthOf.get(record.accountId) as never,
      });
      const { inactive, clv, history: _, run: __, currency: ___, accountId, ...rest } = read;
      const { inactive: _i, clv: _c, ...wanted } = expected;
      expect(accountId).toBe(record.accountId);
      expect(rest).toEqual(JSON.parse(JSON.stringify(wanted)));
      if (record.status.class === 'inactive') expect(inactive.explanation).toMatch(/^Worth recovering \d+ of 100/);
      if (pAlive.has(record.accountId)) expect(clv.pAlive).toBe(pAlive.get(record.accountId));
      compared += 1;
    }
    expect(compared).toBe(rows.length);
  }, 300_000);

  it('opens under ranking=period exactly the accounts the Pareto and the overview count per class, and the quiet ones under ranking=quiet', async () => {
    const [overview, pareto] = [await get('/api/v1/analysis/overview'), await get('/api/v1/analysis/abc')];
    let quietA = 0;
    for (const abc of ['A', 'B', 'C'] as const) {
      const period = (await allPages<ListedAccount>(t, `/api/v1/accounts?abc=${abc}&ranking=period&limit=50`)).flat();
      const quiet = (await allPages<ListedAccount>(t, `/api/v1/accounts?abc=${abc}&ranking=quiet&limit=50`)).flat();
      const all = (await allPages<ListedAccount>(t, `/api/v1/accounts?abc=${abc}&limit=50`)).flat();
      expect(period.length).toBe(pareto.classes[abc].accounts);
      expect(period.length).toBe(overview.classes.abc[abc]?.accounts ?? 0);
      expect(period.length + quiet.length).toBe(all.length);
      for (const account of quiet) expect(account.classes?.status).toBe('inactive');
      if (abc === 'A') quietA = quiet.length;
    }
    expect(quietA).toBeGreaterThan(0);
  });

  it('lists under status=buying_now exactly the accounts the overview counts as buying now, for a rep as for the whole portfolio', async () => {
    const overview = await get('/api/v1/analysis/overview');
    const rows = await classesOfRun(overview.run.id);
    const buying = rows.filter((r) => r.status === 'current' || r.status === 'active');
    expect(buying.length).toBeGreaterThan(0);
    // Ex-customers who bought within the year are ranked A, B or C without buying now: a count
    // taken from the ABC classes (as the dashboard once did) would not be this one.
    expect(rows.filter((r) => ['A', 'B', 'C'].includes(r.abc)).length).not.toBe(buying.length);
    const listed = (await allPages<ListedAccount>(t, '/api/v1/accounts?status=buying_now&limit=37')).flat();
    expect(listed.map((a) => a.id).sort((a, b) => a - b)).toEqual(buying.map((r) => Number(r.account_id)).sort((a, b) => a - b));
    expect(overview.buyingNow.accounts).toBe(listed.length);
    for (const account of listed) expect(['current', 'active']).toContain(account.classes?.status);

    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      const mine = (await allPages<ListedAccount>(t, '/api/v1/accounts?status=buying_now&limit=50', t.rep)).flat();
      expect(mine.map((a) => a.id).sort((a, b) => a - b)).toEqual(listed.filter((a) => repAccounts.includes(a.id)).map((a) => a.id).sort((a, b) => a - b));
      expect((await get('/api/v1/analysis/overview', t.rep)).buyingNow.accounts).toBe(mine.length);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });

  it('filters the account list by any class and sorts it by revenue, each row carrying its classes', async () => {
    const overview = await get('/api/v1/analysis/overview');
    const rows = await classesOfRun(overview.run.id);
    for (const [abc, status] of [['A', 'inactive'], ['B', 'active'], ['C', 'current']]) {
      const expected = rows.filter((r) => r.abc === abc && r.status === status).map((r) => Number(r.account_id)).sort((a, b) => a - b);
      const listed = (await allPages<ListedAccount>(t, `/api/v1/accounts?abc=${abc}&status=${status}&limit=7`)).flat();
      expect(listed.map((a) => a.id).sort((a, b) => a - b)).toEqual(expected);
      for (const account of listed) expect(account.classes).toMatchObject({ abc, status, asOf: '2025-06-01' });
    }
    expect(rows.filter((r) => ['A', 'B', 'C'].includes(r.abc) && ['inactive', 'active', 'current'].includes(r.status)).length).toBeGreaterThan(0);

    const segment = rows.find((r) => r.rfm_segment !== 'none')!.rfm_segment;
    const bySegment = (await allPages<ListedAccount>(t, `/api/v1/accounts?rfm=${segment}&churn=false&limit=50`)).flat();
    expect(bySegment.map((a) => a.id).sort((a, b) => a - b)).toEqual(rows.filter((r) => r.rfm_segment === segment && r.churn_signals.length === 0).map((r) => Number(r.account_id)).sort((a, b) => a - b));

    const customers = (await allPages<ListedAccount>(t, `/api/v1/accounts?status=customer&limit=100`)).flat();
    expect(customers.length).toBeGreaterThan(0);
    expect(customers.every((a) => a.status === 'customer')).toBe(true);

    const sorted = (await allPages<ListedAccount>(t, `/api/v1/accounts?sort=-revenue&limit=9`)).flat();
    const revenues = sorted.map((a) => Number(a.classes?.revenue ?? -1));
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    expect(sorted).toHaveLength((await t.store.connection.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  });

  it('draws the Pareto chart and the RFM grid from the stored classes', async () => {
    const abc = await get('/api/v1/analysis/abc');
    expect(abc.points[0]).toEqual({ accountShare: 0, revenueShare: 0 });
    expect(abc.points.at(-1).revenueShare).toBeCloseTo(1, 12);
    expect(abc.classes.A.accounts + abc.classes.B.accounts + abc.classes.C.accounts).toBe(abc.rankedAccounts);
    const rfm = await get('/api/v1/analysis/rfm');
    const overview = await get('/api/v1/analysis/overview');
    const scored = Object.entries(overview.classes.rfm as Record<string, { accounts: number }>).filter(([k]) => k !== 'none').reduce((n, [, v]) => n + v.accounts, 0);
    expect(rfm.cells.reduce((n: number, c: { accounts: number }) => n + c.accounts, 0)).toBe(scored);
    const matrix = await get('/api/v1/analysis/matrix?rows=volumeTier&columns=frequency');
    expect(matrix.cells.reduce((n: number, c: { accounts: number }) => n + c.accounts, 0)).toBe(overview.accounts);
    const sections = await get('/api/v1/analysis/sections?by=country&cross=segment');
    expect(sections.rows.reduce((n: number, r: { accounts: number }) => n + r.accounts, 0)).toBe(overview.accounts);
    // Per owner, every figure matches the run's rows counted one by one.
    const byOwner = await get('/api/v1/analysis/sections?by=owner');
    const rows = await t.store.connection.db.selectFrom('account_classes as c').innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['a.owner_id', 'c.status', 'c.abc', 'c.order_count', 'c.churn_signals', 'c.period_revenue_cents']).where('c.run_id', '=', overview.run.id).execute();
    for (const section of byOwner.rows) {
      const mine = rows.filter((r) => (r.owner_id === null ? null : Number(r.owner_id)) === section.key.owner);
      const buyers = mine.filter((r) => r.order_count > 0).length;
      const active = mine.filter((r) => ['current', 'active'].includes(r.status)).length;
      expect(section).toMatchObject({
        accounts: mine.length, buyers, activeAccounts: active, activeRate: buyers ? active / buyers : null,
        abc: { A: mine.filter((r) => r.abc === 'A').length, B: mine.filter((r) => r.abc === 'B').length, C: mine.filter((r) => r.abc === 'C').length },
        accountsWithChurnSignals: mine.filter((r) => r.churn_signals.length > 0).length,
        revenue: (mine.reduce((n, r) => n + Number(r.period_revenue_cents), 0) / 100).toFixed(2),
      });
    }
    expectError(await t.call('GET', '/api/v1/analysis/sections?by=country&cross=country'), { status: 422, code: 'invalid', field: 'cross' });
  });

  it('lists inactive accounts with why and since when, and accounts with pre-churn signals with their reasons', async () => {
    const inactive = await get('/api/v1/analysis/inactive?limit=5');
    expect(inactive.items.length).toBeGreaterThan(0);
    const scores = inactive.items.map((i: any) => i.detail.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    for (const item of inactive.items) {
      expect(item.status).toBe('inactive');
      expect(item.detail.inactiveSince).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.detail.explanation).toMatch(/\w/);
    }
    const churn = await get('/api/v1/analysis/churn');
    for (const item of churn.items) {
      expect(item.signals.length).toBeGreaterThan(0);
      for (const signal of item.signals) expect(signal.reason).toMatch(/\w/);
    }
  });

  it('shows a rep who sees only their own accounts figures about those accounts only', async () => {
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    try {
      const overview = await get('/api/v1/analysis/overview', t.rep);
      const rows = (await classesOfRun(overview.run.id)).filter((r) => repAccounts.includes(Number(r.account_id)));
      expect(overview.accounts).toBe(rows.length);
      const listed = (await allPages<ListedAccount>(t, `/api/v1/accounts?abc=A&limit=50`, t.rep)).flat();
      expect(listed.every((a) => a.ownerId === t.rep.id)).toBe(true);
      const other = (await classesOfRun(overview.run.id)).find((r) => !repAccounts.includes(Number(r.account_id)))!;
      expectError(await t.call('GET', `/api/v1/accounts/${other.account_id}/classes`, { as: t.rep }), { status: 404, code: 'not_found' });
      expectError(await t.call('GET', '/api/v1/analysis/team?by=segment', { as: t.rep }), { status: 403, code: 'forbidden' });
      const own = await get(`/api/v1/accounts/${repAccounts[0]}/classes`, t.rep);
      expect(own.status.rule).toMatch(/\w/);
      expect(own.history.length).toBeGreaterThanOrEqual(1);
    } finally {
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });

  it('counts an account in its new owner\'s figures as soon as a manager reassigns it', async () => {
    expect((await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'own' } })).statusCode).toBe(200);
    const [given] = (await classesOfRun((await get('/api/v1/analysis/overview')).run.id)).filter((r) => !repAccounts.includes(Number(r.account_id)));
    const { ownerId } = await get(`/api/v1/accounts/${given!.account_id}`);
    try {
      const before = await get('/api/v1/analysis/overview', t.rep);
      expect((await t.call('PATCH', `/api/v1/accounts/${given!.account_id}`, { body: { ownerId: t.rep.id } })).statusCode).toBe(200);
      expect((await get('/api/v1/analysis/overview', t.rep)).accounts).toBe(before.accounts + 1);
    } finally {
      await t.call('PATCH', `/api/v1/accounts/${given!.account_id}`, { body: { ownerId } });
      await t.call('PUT', '/api/v1/settings/access', { body: { repVisibility: 'all' } });
    }
  });

  it('previews how many accounts a rule change moves, then applies it at the next run', async () => {
    const preview = await t.call('POST', '/api/v1/settings/portfolio/preview', { body: { status: { activeWindowDays: 90 } } });
    expect(preview.statusCode, preview.body).toBe(200);
    const moved = preview.json().moves.status.movedAccounts;
    expect(moved).toBeGreaterThan(0);
    const before = await get('/api/v1/analysis/runs/latest');
    const old = new Map((await classesOfRun(before.id)).map((r) => [Number(r.account_id), r.status]));
    expect((await t.call('PUT', '/api/v1/settings/portfolio', { body: { status: { activeWindowDays: 90 } } })).statusCode).toBe(200);
    const run = (await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: before.asOf } })).json();
    expect((await classesOfRun(run.id)).filter((r) => old.get(Number(r.account_id)) !== r.status)).toHaveLength(moved);
    expectError(await t.call('PUT', '/api/v1/settings/portfolio', { body: { status: { activeWindowDays: -3 } } }), { status: 422, code: 'invalid', field: 'status.activeWindowDays' });
    expect((await get('/api/v1/settings/portfolio')).status.activeWindowDays).toBe(90);
  });

  it('tracks portfolio goals at every run', async () => {
    const goals = [{ metric: 'activeAccounts', target: 50, comparator: 'atLeast', period: { start: '2025-01-01', end: '2025-12-31' } }];
    expect((await t.call('PUT', '/api/v1/settings/goals', { body: { goals } })).statusCode).toBe(200);
    expectError(await t.call('PUT', '/api/v1/settings/goals', { as: t.manager, body: { goals } }), { status: 403, code: 'forbidden' });
    await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2025-06-01' } });
    const view = await get('/api/v1/analysis/goals');
    expect(view.current).toHaveLength(1);
    expect(view.current[0]).toMatchObject({ goal: goals[0], measuredOn: '2025-06-01' });
    expect(view.current[0].actual).toBeTypeOf('number');
  });
});

describe.each(ENGINES)('an order written through the API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
    // The demo ends today, so the run as of today ranks a live portfolio.
    await loadDemoPortfolio({ store: t.store, actor: SYSTEM_ACTOR }, { accounts: 80, seed: 13, endDate: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z` });
  });
  afterAll(async () => { await t?.close(); });

  it('moves its account in the current run at once, and leaves a run made as of a past day alone', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const run = (await t.call('POST', '/api/v1/analysis/runs', { body: {} })).json();
    expect(run.asOf).toBe(today);
    const lapsed = await t.store.connection.db.selectFrom('account_classes').select(['account_id', 'abc']).where('run_id', '=', run.id)
      .where('status', 'in', ['inactive', 'ex_customer', 'unqualified', 'potential', 'probable']).where('status', '<>', 'ex_customer').limit(1).executeTakeFirstOrThrow();
    const accountId = Number(lapsed.account_id);
    const order = await t.call('POST', '/api/v1/orders', { body: { accountId, number: 'BIG-1', orderedAt: new Date().toISOString(), lines: [{ quantity: 1, unitPrice: '9000000.00', description: 'Fleet' }] } });
    expect(order.statusCode, order.body).toBe(201);
    const after = (await t.call('GET', `/api/v1/accounts/${accountId}/classes`)).json();
    expect(after.status.class).toMatch(/^(active|current)$/);
    expect(after.abc.class).toBe('A');
    expect(after.volumeTier.class).toBe('very_high');
    expect(after.summary.lastPurchase).toBe(today);
    const listed = (await t.call('GET', '/api/v1/accounts?abc=A&sort=-revenue&limit=1')).json();
    expect(listed.items[0].id).toBe(accountId);

    expect((await t.call('PATCH', `/api/v1/orders/${order.json().id}`, { body: { status: 'cancelled' } })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/accounts/${accountId}/classes`)).json().abc.class).toBe(lapsed.abc);

    const past = (await t.call('POST', '/api/v1/analysis/runs', { body: { asOf: '2026-01-01' } })).json();
    const before = await t.store.connection.db.selectFrom('account_classes').selectAll().where('run_id', '=', past.id).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    await t.call('POST', '/api/v1/orders', { body: { accountId, number: 'BIG-2', orderedAt: new Date().toISOString(), lines: [{ quantity: 1, unitPrice: '9000000.00' }] } });
    expect(await t.store.connection.db.selectFrom('account_classes').selectAll().where('run_id', '=', past.id).where('account_id', '=', accountId).executeTakeFirstOrThrow()).toEqual(before);
  });
});
