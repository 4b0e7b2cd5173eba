// After an order is written, its account's classes in the latest run follow at once, placed
// against that run's portfolio thresholds; the next full run settles the rest. A run made
// "as of" a past day is a view of that day and is left as it was.
import { abcValue } from '../../analytics/portfolio/abc.js';
import { utcDay } from '../../analytics/portfolio/calendar.js';
import { reclassifyAccount } from '../../analytics/portfolio/reclassify-account.js';
import { periodRevenue } from '../../analytics/portfolio/purchase-windows.js';
import type { Store } from '../../store/store.js';
import { runThresholds } from './run-thresholds.js';
import { invalidateViews } from './view-cache.js';

/** Re-places the given accounts in the latest run; returns how many rows it wrote. */
export async function reclassifyAccounts(store: Store, accountIds: readonly number[], now = new Date()): Promise<number> {
  const ids = [...new Set(accountIds)];
  if (!ids.length) return 0;
  const { run, accounts, histories } = await store.analysisFacts.reclassification(ids);
  if (!run || run.asOf < run.createdAt.slice(0, 10)) return 0;
  const thresholds = await runThresholds(store, run);
  if (!thresholds) return 0;
  const today = utcDay(now.toISOString());
  const asOf = run.asOf > today ? run.asOf : today;
  const historyOf = new Map(histories.map((h) => [h.accountId, h]));
  let written = 0;
  for (const account of accounts) {
    const r = reclassifyAccount(account, historyOf.get(account.id) ?? { accountId: account.id, days: [] }, thresholds, asOf);
    // Merged into the stored reasons in the database, which keeps what the run alone explains.
    const reasons = {
      status: r.status, volumeTier: r.volumeTier, frequency: r.frequency, abc: r.abc, rfm: r.rfm, churnSignals: r.churnSignals,
      summary: {
        firstPurchase: r.summary.firstPurchase, lastPurchase: r.summary.lastPurchase, daysSinceLastPurchase: r.summary.daysSinceLastPurchase,
        orderCount: r.summary.orderCount, purchaseDays: r.summary.purchaseDayCount, revenue: r.summary.revenue, averageTicket: r.summary.averageTicket,
        meanGapDays: r.summary.meanGapDays, medianGapDays: r.summary.medianGapDays,
        revenueLast12Months: r.summary.revenueLast12Months, revenuePrevious12Months: r.summary.revenuePrevious12Months,
      },
      reclassifiedAt: now.toISOString(),
    };
    // Lists read these details: drop those that no longer fit the account's status, and their figures with them.
    const keepsInactive = r.status.class === 'inactive';
    const keepsGrowth = r.status.class === 'current' || r.status.class === 'active';
    const values = {
      status: r.status.class, volume_tier: r.volumeTier.class, frequency: r.frequency.class, abc: r.abc.class, rfm_segment: r.rfm.class,
      recency_score: r.rfm.scores?.r ?? null, frequency_score: r.rfm.scores?.f ?? null, monetary_score: r.rfm.scores?.m ?? null,
      revenue_cents: r.summary.revenue, period_revenue_cents: periodRevenue(r.summary, thresholds.settings.revenuePeriod),
      average_ticket_cents: r.summary.averageTicket, order_count: r.summary.orderCount, last_purchase: r.summary.lastPurchase,
      churn_signals: r.churnSignals.map((s) => s.kind),
      value_cents: abcValue(r.abc), median_gap_days: r.summary.medianGapDays,
    };
    await store.analysisRuns.placeAccount(run.id, account.id, values, reasons, { keepsInactive, keepsGrowth });
    written += 1;
  }
  if (written) invalidateViews(store);
  return written;
}
