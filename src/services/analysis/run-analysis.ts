// A classification run: reads the portfolio as of a day as columns, classifies every account
// with the pure rules (classifyColumns), and stores each account's class codes and the few
// figures that place it among the others, with COPY. An account's explanation (each class with
// its rule in words and its figures) is worked out when someone reads it (explain-stored.ts),
// from those figures, the run's context and the account's own purchase days.
// A snapshot is the same run kept for history; an ordinary run replaces the previous one.
import { requireDay } from '../../domain/date-range.js';
import { ABC_CLASSES, FREQUENCY_CLASSES, STATUS_CLASSES, VOLUME_TIERS } from '../../domain/portfolio/classes.js';
import { dayFromNumber, dayNumber, daysBefore, utcDay } from '../../analytics/portfolio/calendar.js';
import { CHURN_SIGNAL_KINDS } from '../../domain/portfolio/classes.js';
import { type ClassColumns, classifyColumns, RFM_NONE } from '../../analytics/portfolio/classify-columns.js';
import { type DetailColumns, detailColumns, runContextOf } from '../../analytics/portfolio/detail-columns.js';
import { goalProgressOfRows, type GoalRow } from '../../analytics/portfolio/goals.js';
import { accountAt, type PortfolioColumns } from '../../analytics/portfolio/portfolio-columns.js';
import { RFM_SEGMENTS } from '../../domain/portfolio/rfm-segments.js';
import { analyseTeamRows, TEAM_DIMENSIONS, type TeamAnalysis, type TeamDimension, type TeamRow } from '../../analytics/portfolio/team.js';
import { summarizeColumnHistories } from '../../analytics/clv/customer-histories.js';
import { cents } from '../../domain/money.js';
import { canMergeRecords } from '../../domain/access.js';
import { ClienteleError } from '../../domain/errors.js';
import { batchRows, csvRow, type CsvValue, pgTextArray } from '../../store/csv-rows.js';
import { ACCOUNT_CLASS_COLUMNS, type AnalysisRun, type RunKind } from '../../store/repositories/analysis-runs.js';
import { sessionStore, type Store } from '../../store/store.js';
import { type Context, requireRole } from '../context.js';
import { portfolioGoals, portfolioRules } from './portfolio-rules.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
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
  return requireDay(asOf, 'asOf');
}

/** Who may start a run: whoever may change shared records (managers and admins), and the system. */
export const canRunAnalysis = canMergeRecords;

const orNull = (value: number) => (Number.isNaN(value) ? null : value);
const SIGNAL_NAMES = Array.from({ length: 1 << CHURN_SIGNAL_KINDS.length }, (_, bits) =>
  pgTextArray(CHURN_SIGNAL_KINDS.filter((_, k) => bits & (1 << k))));

/** Account i's row of account_classes, in ACCOUNT_CLASS_COLUMNS' order. */
function classRow(runId: number, a: ComputedAnalysis, i: number): string {
  const { classes: c, details: d, lifetime } = a;
  const s = c.summaries;
  const bought = s.orderCount[i]! > 0;
  const values: CsvValue[] = [
    runId, c.ids[i]!, STATUS_CLASSES[c.status[i]!]!, VOLUME_TIERS[c.volumeTier[i]!]!, FREQUENCY_CLASSES[c.frequency[i]!]!, ABC_CLASSES[c.abc[i]!]!,
    c.rfm[i] === RFM_NONE ? 'none' : RFM_SEGMENTS[c.rfm[i]!]!,
    bought ? c.recencyScore[i]! : null, bought ? c.frequencyScore[i]! : null, bought ? c.monetaryScore[i]! : null,
    s.revenue[i]!, c.periodRevenue[i]!, orNull(s.averageTicket[i]!), s.orderCount[i]!, bought ? dayFromNumber(s.lastPurchase[i]!) : null,
    SIGNAL_NAMES[c.churn[i]!]!,
    orNull(d.recoveryScore[i]!), orNull(d.growthPotential[i]!),
    lifetime.pAlive ? orNull(lifetime.pAlive[i]!) : null, lifetime.clv ? orNull(lifetime.clv[i]!) : null,
    Math.round(c.valueRevenue[i]!), orNull(s.medianGapDays[i]!),
    c.abcRank[i]! > 0 ? c.abcRank[i]! : null, c.abcRank[i]! > 0 ? c.abcAbove[i]! : null, bought ? null : c.alikeActiveCustomers[i]!,
    d.peerGroup[i]! >= 0 ? d.peerGroup[i]! : null, d.peerCount[i]! >= 0 ? d.peerCount[i]! : null, orNull(d.peerBenchmark[i]!),
    orNull(d.recoveryRevenueRank[i]!), orNull(d.recoveryFrequencyRank[i]!),
  ];
  return csvRow(values);
}

export interface ComputedAnalysis {
  asOf: string;
  settings: PortfolioSettings;
  columns: PortfolioColumns;
  classes: ClassColumns;
  details: DetailColumns;
  lifetime: Lifetime;
  team: Record<TeamDimension, TeamAnalysis>;
  goals: ReturnType<typeof goalProgressOfRows>;
  newestPurchase: string | null;
}

/** Classifies the portfolio as of a day with the given rules, reading the store but writing nothing. */
export async function computeAnalysis(store: Store, asOf: string, settings: PortfolioSettings, progress: (step: string) => void = () => {}): Promise<ComputedAnalysis> {
  const asOfEnd = new Date(`${daysBefore(asOf, -1)}T00:00:00Z`);
  progress('reading the portfolio');
  // Accounts that began after the as-of day did not exist then: the columns leave them out.
  const [goals, columns, statusChanges] = await Promise.all([
    portfolioGoals(store), store.portfolioColumns.read(asOfEnd), store.analysisFacts.statusChanges(asOfEnd),
  ]);

  progress('fitting the lifetime-value model');
  const lifetime = await predictLifetime(columns, asOf);

  progress('classifying');
  const classes = classifyColumns({ asOf, columns, settings, pAlive: lifetime.pAlive ?? undefined });
  const details = detailColumns(columns, classes);

  progress('the team and the goals');
  const team = Object.fromEntries(TEAM_DIMENSIONS.map((d) => [d, analyseTeamRows(teamRows(columns, classes), statusChanges, d, settings)])) as Record<TeamDimension, TeamAnalysis>;
  return {
    asOf: classes.asOf, settings, columns, classes, details, lifetime, team,
    goals: goalProgressOfRows(goals, goals.length ? goalRows(columns, classes) : [], classes.asOf, settings),
    newestPurchase: newestPurchase(classes),
  };
}

/** Each account as the team reads it, built as it is read: one short-lived object at a time. */
function* teamRows(columns: PortfolioColumns, classes: ClassColumns): Iterable<TeamRow> {
  const s = classes.summaries;
  for (let i = 0; i < classes.ids.length; i++) {
    yield {
      account: accountAt(columns, i), asOf: classes.asOf,
      activeBefore: s.purchasesInPreviousWindow[i]! > 0, activeNow: s.purchasesInWindow[i]! > 0, revenue: classes.periodRevenue[i]!,
    };
  }
}

/** Each account as a goal measures it: its purchases up to the as-of day between two days. */
function goalRows(columns: PortfolioColumns, classes: ClassColumns): GoalRow[] {
  const s = classes.summaries;
  return Array.from(classes.ids, (_, i): GoalRow => ({
    account: { ownerId: Number.isNaN(columns.ownerId[i]!) ? null : columns.ownerId[i]!, size: accountAt(columns, i).size },
    firstPurchase: s.firstPurchase[i]! < 0 ? null : dayFromNumber(s.firstPurchase[i]!),
    activity(from, to) {
      const [first, last] = [dayNumber(from), dayNumber(to)];
      let purchases = 0;
      let orders = 0;
      let revenue = 0;
      for (let j = columns.offsets[i]!, end = j + s.purchaseDays[i]!; j < end; j++) {
        if (columns.days[j]! < first || columns.days[j]! > last) continue;
        purchases += 1;
        orders += columns.orders[j]!;
        revenue += columns.revenue[j]!;
      }
      return { purchases, orders, revenue: cents(revenue) };
    },
  }));
}

/** The newest purchase day on or before the as-of day. */
function newestPurchase(classes: ClassColumns): string | null {
  let newest = -1;
  for (let i = 0; i < classes.ids.length; i++) newest = Math.max(newest, classes.summaries.lastPurchase[i]!);
  return newest < 0 ? null : dayFromNumber(newest);
}

/** The lifetime-value settings every run predicts with. */
export const RUN_LIFETIME_SETTINGS = { unit: 'weeks', horizonMonths: 12, discountRatePerYear: 0.1 } as const;

interface Lifetime {
  /** The fitted model with its settings and the portfolio's totals, or why there is none. */
  model: Record<string, unknown>;
  /** Each account's P(alive) and CLV in the columns' order (NaN for those without a purchase); null without a model. */
  pAlive: Float64Array | null;
  clv: Float64Array | null;
}

/**
 * Fits BG/NBD and Gamma-Gamma off the main thread, on every customer's x, t_x, T and mean
 * value summarised here as columns (only typed arrays cross to the worker). A portfolio too
 * thin to fit (no repeat buyers yet) is analysed without P(alive) and CLV, and the run says why.
 */
async function predictLifetime(columns: PortfolioColumns, asOf: string): Promise<Lifetime> {
  const { at, ...customers } = summarizeColumnHistories(columns, asOf, RUN_LIFETIME_SETTINGS.unit);
  try {
    const prediction = await runInWorker('predictCustomers', { customers, settings: { asOf, ...RUN_LIFETIME_SETTINGS } });
    const pAlive = new Float64Array(columns.ids.length).fill(Number.NaN);
    const clv = new Float64Array(columns.ids.length).fill(Number.NaN);
    at.forEach((i, k) => {
      pAlive[i] = prediction.pAlive[k]!;
      clv[i] = prediction.clv[k]!;
    });
    return { model: { ...prediction.model, settings: prediction.settings, portfolio: prediction.portfolio }, pAlive, clv };
  } catch (error) {
    if (error instanceof RangeError || error instanceof ClienteleError) return { model: { problem: error.message }, pAlive: null, clv: null };
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
  const { classes } = result;
  // The run keeps the portfolio's figures, the team and goals, the thresholds single accounts
  // are placed against after an order, and the context every account's explanation is read with.
  const portfolio = {
    ...classes.figures, team: result.team, goals: result.goals, thresholds: classes.thresholds,
    context: runContextOf(classes.asOf, settings, classes.figures),
  };
  const runId = await store.connection.copyTransaction(async (session) => {
    const tx = sessionStore(store.connection, session.db);
    const id = await tx.analysisRuns.insertRun({
      kind: options.kind ?? 'run', asOf, settings, portfolio, model: result.lifetime.model, accountCount: classes.ids.length,
      durationMs: 0, createdBy: ctx.actor.userId || null, newestPurchase: result.newestPurchase,
    });
    await session.copyCsv('account_classes', [...ACCOUNT_CLASS_COLUMNS],
      batchRows((function* rows() {
        for (let i = 0; i < classes.ids.length; i++) yield classRow(id, result, i);
      })()));
    await tx.analysisRuns.setDuration(id, Date.now() - started);
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
