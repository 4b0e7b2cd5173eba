// A classification run: reads the portfolio as of a day, classifies every account with the
// pure rules, and stores each account's classes with the rule and figures that decided them.
// A snapshot is the same run kept for history; an ordinary run replaces the previous one.
import { isDayInRange, RANGE_IN_WORDS } from '../../domain/date-range.js';
import { abcValue } from '../../analytics/portfolio/abc.js';
import { daysBefore, utcDay } from '../../analytics/portfolio/calendar.js';
import { type AccountClassification, classifyPortfolio } from '../../analytics/portfolio/classify-portfolio.js';
import { dataFreshness } from '../../analytics/portfolio/data-freshness.js';
import { analyseInactive, type InactiveAccount } from '../../analytics/portfolio/inactive.js';
import type { GrowthPotential } from '../../analytics/portfolio/growth-potential.js';
import { periodRevenue } from '../../analytics/portfolio/purchase-windows.js';
import { thresholdsOf } from '../../analytics/portfolio/reclassify-account.js';
import { canMergeRecords } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import { batchRows, csvRow, pgTextArray } from '../../store/csv-rows.js';
import { ACCOUNT_CLASS_COLUMNS, type AnalysisRun, type RunKind } from '../../store/repositories/analysis-runs.js';
import { sessionStore, type Store } from '../../store/store.js';
import { type Context, requireRole } from '../context.js';
import { portfolioGoals, portfolioRules } from './portfolio-rules.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import type { AccountPrediction, PortfolioPrediction } from '../../analytics/clv/predict-portfolio.js';
import { runInWorker } from '../clv/run-in-worker.js';

export interface RunOptions {
  /** YYYY-MM-DD; today (UTC) by default. Nothing after this day is read. */
  asOf?: string;
  kind?: RunKind;
  now?: Date;
  onProgress?: (step: string) => void;
}

export function resolveAsOf(asOf: string | undefined, now: Date): string {
  if (asOf === undefined) return utcDay(now.toISOString());
  if (!isDayInRange(asOf)) {
    throw new ClienteleError('invalid', `asOf must be a date as YYYY-MM-DD, ${RANGE_IN_WORDS}, not "${asOf}".`, 'asOf');
  }
  return asOf;
}

/** Who may start a run: whoever may change shared records (managers and admins), and the system. */
export const canRunAnalysis = canMergeRecords;

function classRow(runId: number, record: AccountClassification, revenuePeriod: Parameters<typeof periodRevenue>[1],
  growth: GrowthPotential | undefined, inactive: InactiveAccount | undefined, clv: AccountPrediction | undefined) {
  const { summary } = record;
  const rfm = record.rfm.figures;
  const reasons = {
    status: record.status, volumeTier: record.volumeTier, frequency: record.frequency, abc: record.abc, rfm: record.rfm,
    churnSignals: record.churnSignals,
    summary: {
      firstPurchase: summary.firstPurchase, lastPurchase: summary.lastPurchase, daysSinceLastPurchase: summary.daysSinceLastPurchase,
      orderCount: summary.orderCount, purchaseDays: summary.purchaseDayCount, revenue: summary.revenue, averageTicket: summary.averageTicket,
      meanGapDays: summary.meanGapDays, medianGapDays: summary.medianGapDays,
      revenueLast12Months: summary.revenueLast12Months, revenuePrevious12Months: summary.revenuePrevious12Months,
    },
    ...(growth && { growth }),
    ...(inactive && { inactive }),
    ...(clv && { clv }),
  };
  return csvRow([
    runId, record.accountId, record.status.class, record.volumeTier.class, record.frequency.class, record.abc.class, record.rfm.class,
    typeof rfm.recency === 'number' ? rfm.recency : null, typeof rfm.frequency === 'number' ? rfm.frequency : null,
    typeof rfm.monetary === 'number' ? rfm.monetary : null,
    summary.revenue, periodRevenue(summary, revenuePeriod), summary.averageTicket, summary.orderCount, summary.lastPurchase,
    pgTextArray(record.churnSignals.map((s) => s.kind)),
    inactive ? inactive.score : null, growth?.potential ?? null, clv ? clv.pAlive : null, clv ? Math.round(clv.clv) : null,
    abcValue(record.abc), summary.medianGapDays, JSON.stringify(reasons),
  ]);
}

/** Classifies the portfolio as of a day with the given rules, reading the store but writing nothing. */
export async function computeAnalysis(store: Store, asOf: string, settings: PortfolioSettings, progress: (step: string) => void = () => {}) {
  const asOfEnd = new Date(`${daysBefore(asOf, -1)}T00:00:00Z`);
  progress('reading the portfolio');
  const [goals, accounts, histories, statusChanges] = await Promise.all([
    portfolioGoals(store), store.analysisFacts.accounts(), store.purchaseHistories.list(), store.analysisFacts.statusChanges(asOfEnd),
  ]);
  // Accounts that began after the as-of day did not exist then.
  const existing = accounts.filter((account) => account.since < asOfEnd.toISOString());

  progress('fitting the lifetime-value model');
  const lifetime = await predictLifetime(histories, asOf);
  const pAlive = new Map(lifetime.prediction?.accounts.map((a) => [a.accountId, a.pAlive]) ?? []);

  progress('classifying');
  const result = classifyPortfolio({ asOf, accounts: existing, histories, settings, statusChanges, goals, pAlive });

  progress('explaining inactive accounts');
  const inactiveSummaries = result.accounts.filter((r) => r.status.class === 'inactive').map((r) => r.summary);
  const lastDays = new Map(inactiveSummaries.map((s) => [s.accountId, s.lastPurchase!]));
  const [notes, lastOrders] = await Promise.all([
    store.analysisFacts.recentNotes([...lastDays.keys()], asOfEnd, settings.inactive.notesShown),
    store.analysisFacts.lastPurchaseOrders(lastDays),
  ]);
  result.portfolio.inactive = analyseInactive({ summaries: inactiveSummaries, orders: lastOrders, notes }, settings)
    .sort((a, b) => b.score - a.score || a.accountId - b.accountId);
  return { ...result, lifetime, freshness: dataFreshness(histories, asOf) };
}

/** The lifetime-value settings every run predicts with. */
export const RUN_LIFETIME_SETTINGS = { unit: 'weeks', horizonMonths: 12, discountRatePerYear: 0.1 } as const;

/**
 * Fits BG/NBD and Gamma-Gamma off the main thread. A portfolio too thin to fit (no repeat
 * buyers yet) is analysed without P(alive) and CLV, and the run says why.
 */
async function predictLifetime(histories: PurchaseHistory[], asOf: string): Promise<{ prediction: PortfolioPrediction | null; problem: string | null }> {
  try {
    return { prediction: await runInWorker('predict', { histories, asOf, ...RUN_LIFETIME_SETTINGS }), problem: null };
  } catch (error) {
    if (error instanceof RangeError || error instanceof ClienteleError) return { prediction: null, problem: error.message };
    throw error;
  }
}

export async function runAnalysis(ctx: Context, options: RunOptions = {}): Promise<AnalysisRun> {
  requireRole(ctx, canRunAnalysis, 'run the portfolio analysis');
  const started = Date.now();
  const asOf = resolveAsOf(options.asOf, options.now ?? new Date());
  const { store } = ctx;
  const progress = options.onProgress ?? (() => {});
  const settings = await portfolioRules(store);
  const result = await computeAnalysis(store, asOf, settings, progress);

  progress('saving');
  const growthOf = new Map(result.portfolio.growth.map((g) => [g.accountId, g]));
  const inactiveOf = new Map(result.portfolio.inactive.map((i) => [i.accountId, i]));
  const clvOf = new Map(result.lifetime.prediction?.accounts.map((a) => [a.accountId, a]) ?? []);
  const { prediction, problem } = result.lifetime;
  const model = prediction
    ? { ...prediction.model, settings: prediction.settings, portfolio: prediction.portfolio }
    : { problem };
  // The lists live per account (with the classes); the run keeps the portfolio-wide figures.
  const { growth: _growth, inactive: _inactive, ...figures } = result.portfolio;
  const portfolio = { ...figures, thresholds: thresholdsOf(result) };
  const runId = await store.connection.copyTransaction(async (session) => {
    const tx = sessionStore(store.connection, session.db);
    const id = await tx.analysisRuns.insertRun({
      kind: options.kind ?? 'run', asOf, settings, portfolio, model, accountCount: result.accounts.length,
      durationMs: 0, createdBy: ctx.actor.userId || null, newestPurchase: result.freshness.newestPurchase,
    });
    await session.copyCsv('account_classes', [...ACCOUNT_CLASS_COLUMNS],
      batchRows((function* rows() {
        for (const record of result.accounts) {
          yield classRow(id, record, settings.revenuePeriod, growthOf.get(record.accountId), inactiveOf.get(record.accountId), clvOf.get(record.accountId));
        }
      })()));
    await session.db.updateTable('analysis_runs').set({ duration_ms: Date.now() - started }).where('id', '=', id).execute();
    await tx.analysisRuns.pruneRunsBefore(id);
    await tx.audit.record({ userId: ctx.actor.userId, action: 'create', entity: 'analysis_run', entityId: id, changes: { kind: [null, options.kind ?? 'run'], asOf: [null, asOf] } });
    return id;
  });
  await store.analysisRuns.vacuumClasses();
  const run = await store.analysisRuns.latest();
  if (!run || run.id !== runId) throw new Error(`analysis run ${runId} was not found after saving it`);
  return run;
}

/** The latest run, or a clear error before the first one. */
export async function latestRun(store: Store): Promise<AnalysisRun> {
  const run = await store.analysisRuns.latest();
  if (!run) throw new ClienteleError('not_found', 'The portfolio has not been analysed yet: run an analysis first (POST /api/v1/analysis/runs or `clientele analyze`).');
  return run;
}
