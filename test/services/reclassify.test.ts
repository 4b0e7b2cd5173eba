// A new order's account is placed again in the latest run: its rows keep what only the run
// explains, drop what no longer fits, and follow the newest run's rules once there is one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/domain/access.js';
import { loadDemoPortfolio } from '../../src/services/demo/load-demo-portfolio.js';
import { RULES_KEY } from '../../src/services/analysis/portfolio-rules.js';
import { reclassifyAccounts } from '../../src/services/analysis/reclassify.js';
import { runAnalysis } from '../../src/services/analysis/run-analysis.js';
import { storedExplanation } from '../../src/services/analysis/explain-stored.js';
import { normalise } from '../../src/store/repositories/analysis-runs.js';
import type { Store } from '../../src/store/store.js';
import { uniqueNumber } from '../support/store-records.js';
import { ENGINES, openTestStore } from '../support/test-store.js';

describe.each(ENGINES)('reclassifyAccounts on %s', (engine) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const ctx = () => ({ store, actor: SYSTEM_ACTOR });
  beforeAll(async () => {
    ({ store, dispose } = await openTestStore(engine));
    // The demo ends today, so the run as of today is one a new order reaches.
    await loadDemoPortfolio(ctx(), { accounts: 80, seed: 13, endDate: `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z` });
  });
  afterAll(async () => { await dispose?.(); });

  const rowsOf = (runId: number) => store.connection.db.selectFrom('account_classes').selectAll().where('run_id', '=', runId).orderBy('account_id').execute();

  it('keeps an inactive account\'s recovery details while it stays inactive, and drops them once it buys again', async () => {
    const run = await runAnalysis(ctx());
    const inactive = (await rowsOf(run.id)).find((r) => r.status === 'inactive' && r.recovery_score !== null && r.p_alive !== null);
    expect(inactive, 'the demo has an inactive account with a recovery score and a lifetime value').toBeDefined();
    const accountId = Number(inactive!.account_id);
    // A run stores no explanation: it is worked out when the account is read.
    expect(inactive!.reasons).toBeNull();
    const before = await storedExplanation(store, run, normalise(inactive!));
    expect(before.inactive).toMatchObject({ accountId, score: inactive!.recovery_score });
    expect(before.clv).toMatchObject({ accountId, pAlive: inactive!.p_alive });

    expect(await reclassifyAccounts(store, [accountId])).toBe(1);
    const still = (await store.analysisRuns.accountClasses(run.id, accountId))!;
    expect(still.status).toBe('inactive');
    expect(still.recovery_score).toBe(inactive!.recovery_score);
    expect(await storedExplanation(store, run, still)).toMatchObject({ inactive: before.inactive, clv: before.clv, status: before.status });
    expect(still.reasons!.reclassifiedAt).toBeTypeOf('string');

    await store.orders.insert({ accountId, number: uniqueNumber(), orderedAt: new Date(), channel: 'web', status: 'invoiced', totalCents: 900_000_00, itemCount: 1 });
    expect(await reclassifyAccounts(store, [accountId])).toBe(1);
    const after = (await store.analysisRuns.accountClasses(run.id, accountId))!;
    expect(after.status).toMatch(/^(active|current)$/);
    expect(after.recovery_score).toBeNull();
    const explained = await storedExplanation(store, run, after);
    expect(explained.inactive).toBeUndefined();
    expect((explained.status as { class: string }).class).toBe(after.status);
    // What a reclassification does not recompute stays as the run left it.
    expect([after.p_alive, after.clv_cents]).toEqual([inactive!.p_alive, inactive!.clv_cents]);
    expect(after.order_count).toBe(inactive!.order_count + 1);
  });

  it('places accounts by the newest run\'s rules once one is saved, not by those of the run it placed against before', async () => {
    const first = await runAnalysis(ctx());
    const firstRows = await rowsOf(first.id);
    const accountIds = firstRows.map((r) => Number(r.account_id));
    await reclassifyAccounts(store, accountIds);
    // A much shorter active window moves accounts out of "active" at the next run, which replaces the first.
    await store.settings.set(RULES_KEY, { status: { activeWindowDays: 30 } });
    const second = await runAnalysis(ctx());
    const stored = new Map((await rowsOf(second.id)).map((r) => [Number(r.account_id), r.status]));
    expect(firstRows.filter((r) => stored.get(Number(r.account_id)) !== r.status).length).toBeGreaterThan(0);

    expect(await reclassifyAccounts(store, accountIds)).toBe(accountIds.length);
    const again = new Map((await rowsOf(second.id)).map((r) => [Number(r.account_id), r.status]));
    expect(again).toEqual(stored);
  });
});
