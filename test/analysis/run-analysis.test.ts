import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPortfolio } from '../../src/analytics/portfolio/classify-portfolio.js';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { cents } from '../../src/domain/money.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { accountClasses } from '../../src/services/analysis/analysis-views.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import type { Store } from '../../src/store/store.js';
import { addUser } from '../support/store-records.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

describe.each(ENGINES)('a portfolio analysis run on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const ctx = () => ({ store, actor: SYSTEM_ACTOR });
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    await loadDemoPortfolio(ctx(), { accounts: 150, seed: 7, endDate: '2025-06-01T00:00:00.000Z' });
  });
  afterAll(async () => { await dispose?.(); });

  /** The same classification computed straight from the orders table, bypassing the stored purchase days. */
  async function fromOrders(asOf: string) {
    const db = store.connection.db;
    const accounts = await store.analysisFacts.accounts();
    const orders = await db.selectFrom('orders').select(['account_id', 'ordered_at', 'total_cents'])
      .where('status', 'in', ['confirmed', 'shipped', 'invoiced']).execute();
    const end = `${asOf}T23:59:59.999Z`;
    return classifyPortfolio({
      asOf,
      accounts: accounts.filter((a) => a.since <= end),
      orders: orders.map((o) => ({ accountId: Number(o.account_id), orderedAt: o.ordered_at.toISOString(), total: cents(Number(o.total_cents)) })),
      statusChanges: await store.analysisFacts.statusChanges(new Date(end)),
    });
  }

  it('stores every account with the classes the rules give from the orders as of that day, and nothing later', async () => {
    for (const asOf of ['2025-06-01', '2024-01-15']) {
      const run = await runAnalysis(ctx(), { asOf });
      const expected = await fromOrders(asOf);
      const rows = await store.connection.db.selectFrom('account_classes')
        .select(['account_id', 'status', 'abc', 'rfm_segment', 'volume_tier', 'frequency', 'churn_signals', 'revenue_cents', 'last_purchase'])
        .where('run_id', '=', run.id).orderBy('account_id').execute();
      expect(run).toMatchObject({ asOf, kind: 'run', accountCount: expected.accounts.length });
      expect(rows.map((r) => ({ ...r, account_id: Number(r.account_id), revenue_cents: Number(r.revenue_cents) }))).toEqual(expected.accounts.map((a) => ({
        account_id: a.accountId, status: a.status.class, abc: a.abc.class, rfm_segment: a.rfm.class, volume_tier: a.volumeTier.class,
        frequency: a.frequency.class, churn_signals: a.churnSignals.map((s) => s.kind), revenue_cents: a.summary.revenue, last_purchase: a.summary.lastPurchase,
      })));
      expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(2);
    }
  });

  it('keeps the rule and the figures behind each class, and explains inactive accounts with what they last bought', async () => {
    const run = await runAnalysis(ctx(), { asOf: '2025-06-01' });
    const inactive = await store.connection.db.selectFrom('account_classes').select(['account_id', 'reasons', 'recovery_score'])
      .where('run_id', '=', run.id).where('status', '=', 'inactive').execute();
    expect(inactive.length).toBeGreaterThan(0);
    for (const row of inactive) {
      // The run stores codes and figures; the explanation is worked out when it is read.
      const reasons = await accountClasses(ctx(), row.account_id) as Record<string, any>;
      expect(reasons.status.rule).toMatch(/\w/);
      expect(reasons.abc.figures).toBeTypeOf('object');
      expect(reasons.inactive.lastPurchaseItems.length).toBeGreaterThan(0);
      expect(reasons.inactive.lastPurchase).toBe(reasons.summary.lastPurchase);
      expect(row.recovery_score).toBe(reasons.inactive.score);
    }
  });

  it('stores each buyer\'s probability of being alive and lifetime value, and flags valuable accounts probably leaving', async () => {
    const run = await runAnalysis(ctx(), { asOf: '2025-06-01' });
    const rows = await store.connection.db.selectFrom('account_classes').select(['status', 'abc', 'order_count', 'p_alive', 'clv_cents', 'churn_signals'])
      .where('run_id', '=', run.id).execute();
    const buyers = rows.filter((r) => r.order_count > 0);
    expect(buyers.length).toBeGreaterThan(0);
    for (const row of buyers) {
      expect(row.p_alive).toBeGreaterThanOrEqual(0);
      expect(row.p_alive).toBeLessThanOrEqual(1);
      expect(Number(row.clv_cents)).toBeGreaterThanOrEqual(0);
    }
    for (const row of rows.filter((r) => r.order_count === 0)) expect([row.p_alive, row.clv_cents]).toEqual([null, null]);
    for (const row of rows) {
      const expected = ['current', 'active'].includes(row.status) && ['A', 'B'].includes(row.abc) && row.p_alive !== null && row.p_alive < 0.5;
      expect(row.churn_signals.includes('probably_leaving')).toBe(expected);
    }
    const stored = await store.analysisRuns.get(run.id);
    expect(stored?.model).toMatchObject({ bgnbd: expect.any(Object) });
  });

  it('replaces the previous ordinary run but keeps snapshots as history', async () => {
    const snapshot = await runAnalysis(ctx(), { asOf: '2025-01-01', kind: 'snapshot' });
    const first = await runAnalysis(ctx(), { asOf: '2025-06-01' });
    const second = await runAnalysis(ctx(), { asOf: '2025-06-01' });
    const runs = await store.analysisRuns.list();
    expect(runs.map((r) => r.id)).toContain(snapshot.id);
    expect(runs.map((r) => r.id)).toContain(second.id);
    expect(runs.map((r) => r.id)).not.toContain(first.id);
    expect(runs.filter((r) => r.kind === 'run')).toHaveLength(1);
  });

  it('refuses a malformed as-of day and a rep, writing nothing', async () => {
    const before = await store.analysisRuns.list();
    await expect(runAnalysis(ctx(), { asOf: '2025-02-30' })).rejects.toMatchObject({ code: 'bad_request', field: 'asOf' });
    const rep = await addUser(store, 'rep');
    await expect(runAnalysis({ store, actor: { userId: rep.id, role: 'rep' } })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await store.analysisRuns.list()).toEqual(before);
  });
});
