// The explanation of accounts in a stored run, worked out when they are read: a run since
// migration 0012 keeps each account's class codes and placing figures, and the context the
// rules need once (portfolio.context); explainAccount gives back each class's rule and figures
// from those and the account's own purchase days up to the run's day, exactly as the
// whole-portfolio classifier words them (explain-account.properties.test.ts). Runs stored before
// keep their explanations and read them as stored. An account placed again after an order keeps
// what that placing said (its reasons) over what the run would say.
import { predictAccount, type PredictionSettings } from '../../analytics/clv/predict-portfolio.js';
import type { ClvModel } from '../../analytics/clv/clv-model.js';
import { daysBefore, utcDay } from '../../analytics/portfolio/calendar.js';
import { type AccountExplanation, explainAccount, type RunContext, type StoredPlacement } from '../../analytics/portfolio/explain-account.js';
import type { AbcClass, StatusClass } from '../../domain/portfolio/classes.js';
import type { NoteFact } from '../../domain/portfolio/facts.js';
import type { AccountClassRow, AnalysisRun } from '../../store/repositories/analysis-runs.js';
import type { Store } from '../../store/store.js';

type Reasons = Record<string, unknown>;

function placementOf(row: AccountClassRow): StoredPlacement {
  return {
    status: row.status as StatusClass,
    abc: row.abc as AbcClass,
    abcRank: row.abc_rank,
    abcAbove: row.abc_above_cents,
    scores: row.recency_score === null ? null : { r: row.recency_score, f: row.frequency_score!, m: row.monetary_score! },
    alikeActiveCustomers: row.alike_customers,
    peerGroup: row.peer_group,
    peerCount: row.peer_count,
    peerBenchmark: row.peer_benchmark_cents,
    recoveryRanks: row.recovery_revenue_rank === null ? null : { revenue: row.recovery_revenue_rank, frequency: row.recovery_frequency_rank! },
    pAlive: row.p_alive,
  };
}

/** The explanation as runs have always stored it: the classes, the summary's figures, and the details that apply. */
function reasonsOf(e: AccountExplanation, clv: unknown): Reasons {
  const { summary } = e;
  return {
    status: e.status, volumeTier: e.volumeTier, frequency: e.frequency, abc: e.abc, rfm: e.rfm, churnSignals: e.churnSignals,
    summary: {
      firstPurchase: summary.firstPurchase, lastPurchase: summary.lastPurchase, daysSinceLastPurchase: summary.daysSinceLastPurchase,
      orderCount: summary.orderCount, purchaseDays: summary.purchaseDayCount, revenue: summary.revenue, averageTicket: summary.averageTicket,
      meanGapDays: summary.meanGapDays, medianGapDays: summary.medianGapDays,
      revenueLast12Months: summary.revenueLast12Months, revenuePrevious12Months: summary.revenuePrevious12Months,
    },
    ...(e.growth && { growth: e.growth }),
    ...(e.inactive && { inactive: e.inactive }),
    ...(clv ? { clv } : {}),
  };
}

/** Each row's explanation, in the rows' order; the rows belong to `run`. */
export async function storedExplanations(store: Store, run: AnalysisRun, rows: readonly AccountClassRow[]): Promise<Reasons[]> {
  const context = rows.some((row) => row.reasons === null || 'reclassifiedAt' in row.reasons)
    ? await store.analysisRuns.portfolioPart(run.id, 'context') as RunContext | undefined : undefined;
  // Runs stored before migration 0012 hold every explanation.
  if (!context) return rows.map((row) => row.reasons ?? {});

  const ids = rows.map((row) => row.account_id);
  const asOfEnd = new Date(`${daysBefore(run.asOf, -1)}T00:00:00Z`);
  const inactive = new Map(rows.filter((row) => row.recovery_revenue_rank !== null && row.last_purchase !== null)
    .map((row) => [row.account_id, row.last_purchase!]));
  const [{ accounts, histories }, model, notes, lastOrders] = await Promise.all([
    store.analysisFacts.reclassification(ids),
    rows.some((row) => row.p_alive !== null) ? store.analysisRuns.model(run.id) : undefined,
    store.analysisFacts.recentNotes([...inactive.keys()], asOfEnd, context.settings.inactive.notesShown),
    store.analysisFacts.lastPurchaseOrders(inactive),
  ]);
  const accountOf = new Map(accounts.map((a) => [a.id, a]));
  const historyOf = new Map(histories.map((h) => [h.accountId, h]));
  const notesOf = new Map<number, NoteFact[]>();
  for (const note of notes) notesOf.set(note.accountId, [...(notesOf.get(note.accountId) ?? []), note]);
  const itemsOf = new Map<number, string[]>();
  for (const order of lastOrders) {
    if (utcDay(order.orderedAt) !== inactive.get(order.accountId)) continue;
    itemsOf.set(order.accountId, [...(itemsOf.get(order.accountId) ?? []), ...(order.items ?? [])]);
  }
  const clvModel = model && 'bgnbd' in model ? model : undefined;

  return rows.map((row) => {
    const account = accountOf.get(row.account_id);
    if (!account) return row.reasons ?? {};
    const history = historyOf.get(row.account_id);
    const explanation = explainAccount(context, {
      account, history, stored: placementOf(row),
      lastPurchaseItems: itemsOf.get(row.account_id) ?? [], notes: notesOf.get(row.account_id) ?? [],
    });
    const { settings, portfolio: _, ...fitted } = clvModel ?? {};
    const clv = clvModel && history && row.p_alive !== null
      ? predictAccount(fitted as unknown as ClvModel, history, settings as PredictionSettings) : undefined;
    const onRead = reasonsOf(explanation, clv);
    if (row.reasons === null) return onRead;
    // Placed again after an order: what that placing said wins; the run's details stay while they still fit.
    const { growth, inactive: recovery, ...rest } = onRead;
    return { ...rest, ...(row.peer_count !== null && growth ? { growth } : {}), ...(row.recovery_revenue_rank !== null && recovery ? { inactive: recovery } : {}), ...row.reasons };
  });
}

export async function storedExplanation(store: Store, run: AnalysisRun, row: AccountClassRow): Promise<Reasons> {
  return (await storedExplanations(store, run, [row]))[0]!;
}
