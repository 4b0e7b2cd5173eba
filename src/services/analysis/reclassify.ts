// After an order is written, its account's classes in the latest run follow at once, placed
// against that run's portfolio thresholds; the next full run settles the rest. A run made
// "as of" a past day is a view of that day and is left as it was.
import { utcDay } from '../../analytics/portfolio/calendar.js';
import { reclassifyAccount, type RunThresholds } from '../../analytics/portfolio/reclassify-account.js';
import { periodRevenue } from '../../analytics/portfolio/purchase-windows.js';
import { pgTextArray } from '../../store/csv-rows.js';
import type { Store } from '../../store/store.js';
import { sql } from 'kysely';
import { invalidateViews } from './view-cache.js';

/** Re-places the given accounts in the latest run; returns how many rows it wrote. */
export async function reclassifyAccounts(store: Store, accountIds: readonly number[], now = new Date()): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return 0;
  const run = await store.analysisRuns.latest();
  if (!run || run.asOf < run.createdAt.slice(0, 10)) return 0;
  const full = await store.analysisRuns.get(run.id);
  const thresholds = full?.portfolio.thresholds as RunThresholds | undefined;
  if (!thresholds) return 0;
  const today = utcDay(now.toISOString());
  const asOf = run.asOf > today ? run.asOf : today;
  const [accounts, histories, existing] = await Promise.all([
    store.analysisFacts.accounts(ids), store.purchaseHistories.list(ids),
    store.connection.db.selectFrom('account_classes').select(['account_id', 'reasons']).where('run_id', '=', run.id).where('account_id', 'in', ids).execute(),
  ]);
  const historyOf = new Map(histories.map((h) => [h.accountId, h]));
  const reasonsOf = new Map(existing.map((row) => [Number(row.account_id), row.reasons as Record<string, unknown>]));
  let written = 0;
  for (const account of accounts) {
    const r = reclassifyAccount(account, historyOf.get(account.id) ?? { accountId: account.id, days: [] }, thresholds, asOf);
    const previous = reasonsOf.get(account.id) ?? {};
    const reasons: Record<string, unknown> = {
      ...previous,
      status: r.status, volumeTier: r.volumeTier, frequency: r.frequency, abc: r.abc, rfm: r.rfm, churnSignals: r.churnSignals,
      summary: {
        firstPurchase: r.summary.firstPurchase, lastPurchase: r.summary.lastPurchase, daysSinceLastPurchase: r.summary.daysSinceLastPurchase,
        orderCount: r.summary.orderCount, purchaseDays: r.summary.purchaseDayCount, revenue: r.summary.revenue, averageTicket: r.summary.averageTicket,
        meanGapDays: r.summary.meanGapDays, medianGapDays: r.summary.medianGapDays,
        revenueLast12Months: r.summary.revenueLast12Months, revenuePrevious12Months: r.summary.revenuePrevious12Months,
      },
      reclassifiedAt: now.toISOString(),
    };
    // Lists read these details: drop those that no longer fit the account's status.
    if (r.status.class !== 'inactive') delete reasons.inactive;
    if (r.status.class !== 'current' && r.status.class !== 'active') delete reasons.growth;
    const values = {
      status: r.status.class, volume_tier: r.volumeTier.class, frequency: r.frequency.class, abc: r.abc.class, rfm_segment: r.rfm.class,
      recency_score: r.rfm.scores?.r ?? null, frequency_score: r.rfm.scores?.f ?? null, monetary_score: r.rfm.scores?.m ?? null,
      revenue_cents: r.summary.revenue, period_revenue_cents: periodRevenue(r.summary, thresholds.settings.revenuePeriod),
      average_ticket_cents: r.summary.averageTicket, order_count: r.summary.orderCount, last_purchase: r.summary.lastPurchase,
      churn_signals: sql<string[]>`${pgTextArray(r.churnSignals.map((s) => s.kind))}::text[]`,
      ...(reasons.inactive === undefined && { recovery_score: null }), ...(reasons.growth === undefined && { growth_potential_cents: null }),
      reasons: JSON.stringify(reasons),
    };
    if (reasonsOf.has(account.id)) {
      await store.connection.db.updateTable('account_classes').set(values as never).where('run_id', '=', run.id).where('account_id', '=', account.id).execute();
    } else {
      await store.connection.db.insertInto('account_classes').values({ run_id: run.id, account_id: account.id, ...values } as never).execute();
    }
    written += 1;
  }
  if (written) invalidateViews(store);
  return written;
}
