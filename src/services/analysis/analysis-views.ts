// What the team reads from the latest analysis run: counts per class, the Pareto chart, the
// RFM grid, sections, lists and movements. Everything is cut to the actor's portfolio, so a
// rep limited to their own accounts sees figures about them only.
import type { SectionDimension } from '../../domain/portfolio/sections.js';
import { type Section, type SectionAccount, type SectionRow, sectionsBy } from '../../analytics/portfolio/sections.js';
import { paretoFigures } from '../../analytics/portfolio/pareto.js';
import { RFM_SEGMENTS } from '../../domain/portfolio/rfm-segments.js';
import type { PortfolioSettings } from '../../domain/portfolio/settings.js';
import { ABC_CLASSES, type AbcClass, type StatusClass } from '../../domain/portfolio/classes.js';
import { ClienteleError, notFound } from '../../domain/errors.js';
import { cents, formatMoney } from '../../domain/money.js';
import type { AnalysisRun } from '../../store/repositories/analysis-runs.js';
import { type AccountListKind, CLASS_DIMENSIONS, type ClassDimension, type MatrixDimension } from '../../store/repositories/run-views.js';
import { storedExplanation, storedExplanations } from './explain-stored.js';
import { type Context, requireVisibleAccount, scopeOf } from '../context.js';
import { latestRunInScope, runInScope, runsInScope } from './runs-in-scope.js';
import type { AccountScope } from '../../domain/access.js';
import { cachedView } from './view-cache.js';
import { inCurrency } from '../currency.js';
import { goalProgressOf } from './portfolio-rules.js';
import { churnSignalAmounts, explanationAmounts, growthAmounts, inactiveAmounts, teamAmounts } from './stored-amounts.js';
import type { GoalProgress } from '../../analytics/portfolio/goals.js';
import type {
  ChurnList, GoalsView, GrowthList, InactiveList, Matrix, Movements, Overview, Pareto, RfmGrid, RunInfo, Sections, TeamView,
} from '../../domain/schemas/analysis-views.js';
import type { AccountClasses } from '../../domain/schemas/account-classes.js';

/** A view as its service builds it; the currency is named beside it on the way out. */
type Built<T> = Omit<T, 'currency'>;

/** The run to read: the one asked for (it must exist), or the latest. */
async function pickRun(ctx: Context, runId?: number): Promise<AnalysisRun> {
  if (runId === undefined) return latestRunInScope(ctx);
  const run = await ctx.store.analysisRuns.get(runId);
  if (!run) throw notFound('Analysis run', runId);
  return runInScope(ctx, run);
}

const runInfo = (run: AnalysisRun): RunInfo => ({
  id: run.id, kind: run.kind, asOf: run.asOf, createdAt: run.createdAt, accountCount: run.accountCount,
  newestPurchase: run.newestPurchase, dataStale: run.dataStale,
});

export async function overview(ctx: Context, runId?: number): Promise<Overview> {
  const run = await pickRun(ctx, runId);
  const scope = await scopeOf(ctx);
  return inCurrency(ctx.store, await cachedView(ctx.store, ['overview', run.id, scope.ownerId ?? null], () => overviewOf(ctx, run, scope)));
}

async function overviewOf(ctx: Context, run: AnalysisRun, scope: AccountScope): Promise<Built<Overview>> {
  const classes = {} as Overview['classes'];
  let accounts = 0;
  let revenue = 0;
  const [countsOf, inactiveValues] = await Promise.all([
    ctx.store.analysisRuns.countByEach(run.id, Object.values(CLASS_DIMENSIONS), scope),
    ctx.store.analysisRuns.inactiveValueCounts(run.id, scope),
  ]);
  for (const [dimension, column] of Object.entries(CLASS_DIMENSIONS)) {
    const counts = countsOf[column];
    // The ABC counts are the Pareto's (ranking=period): the quiet accounts ranked on their last
    // active year are counted apart, in inactiveValue, as the dashboard shows them.
    const quiet = (value: string) => (dimension === 'abc' ? inactiveValues.find((c) => c.value === value)?.quiet ?? 0 : 0);
    classes[dimension as keyof Overview['classes']] = Object.fromEntries(counts.map((c) => [c.value, { accounts: c.accounts - quiet(c.value), revenue: formatMoney(cents(c.revenue)) }])
      .filter(([, tally]) => (tally as { accounts: number }).accounts > 0));
    if (dimension === 'status') {
      accounts = counts.reduce((n, c) => n + c.accounts, 0);
      revenue = counts.reduce((n, c) => n + c.revenue, 0);
    }
  }
  // One pass over the run's rows for everything the indexes do not carry: the pre-churn signals
  // per kind, and the tickets and gaps of the accounts buying now (what a typical active customer
  // looks like).
  const { churnAccounts, signals, buying } = await ctx.store.runViews.figures(run.id, scope);
  return {
    run: runInfo(run), accounts, revenue: formatMoney(cents(revenue)), classes,
    // The inactive accounts by value class: "A" is the recovery list, big accounts that went quiet.
    inactiveValue: Object.fromEntries(ABC_CLASSES.map((abc) => {
      const tally = inactiveValues.find((c) => c.value === abc);
      return [abc, { accounts: tally?.accounts ?? 0, revenue: formatMoney(cents(tally?.revenue ?? 0)) }];
    })) as Overview['inactiveValue'],
    buyingNow: {
      accounts: buying.accounts,
      averageTicket: buying.orders ? formatMoney(cents(Math.round(buying.revenueCents / buying.orders))) : null,
      medianDaysBetweenPurchases: buying.medianGapDays,
    },
    churn: { accounts: churnAccounts, signals: signals as Overview['churn']['signals'] },
  };
}

export async function abcView(ctx: Context, runId?: number): Promise<Pareto> {
  const run = await pickRun(ctx, runId);
  const scope = await scopeOf(ctx);
  return inCurrency(ctx.store, await cachedView(ctx.store, ['abc', run.id, scope.ownerId ?? null], () => abcOf(ctx, run, scope)));
}

async function abcOf(ctx: Context, run: AnalysisRun, scope: AccountScope): Promise<Built<Pareto>> {
  const settings = run.settings as unknown as PortfolioSettings;
  const ranked = await ctx.store.analysisRuns.rankedRevenue(run.id, scope);
  const pareto = paretoFigures(ranked.map((r) => r.revenue), settings.abc.topAccountShare, settings.abc.chartMaxPoints);
  const classes = {} as Pareto['classes'];
  for (const abc of ['A', 'B', 'C'] as const) {
    const rows = ranked.filter((r) => r.abc === abc);
    const total = rows.reduce((n, r) => n + r.revenue, 0);
    classes[abc] = {
      accounts: rows.length, revenue: formatMoney(cents(total)),
      accountShare: ranked.length ? rows.length / ranked.length : null,
      revenueShare: pareto.totalRevenue ? total / pareto.totalRevenue : null,
    };
  }
  return {
    run: runInfo(run), period: settings.revenuePeriod, rankedAccounts: pareto.accounts, totalRevenue: formatMoney(cents(pareto.totalRevenue)),
    points: pareto.points, classes,
    thresholds: { aMaxShare: settings.abc.aMaxShare, bMaxShare: settings.abc.bMaxShare },
    topShare: { accountShare: settings.abc.topAccountShare, revenueShare: pareto.topRevenueShare },
    gini: pareto.gini,
  };
}

export async function matrixView(ctx: Context, rows: MatrixDimension, columns: MatrixDimension, runId?: number): Promise<Matrix> {
  const run = await pickRun(ctx, runId);
  const scope = await scopeOf(ctx);
  return inCurrency(ctx.store, await cachedView(ctx.store, ['matrix', run.id, scope.ownerId ?? null, rows, columns], () => matrixOf(ctx, run, scope, rows, columns)));
}

async function matrixOf(ctx: Context, run: AnalysisRun, scope: AccountScope, rows: MatrixDimension, columns: MatrixDimension): Promise<Built<Matrix>> {
  const cells = await ctx.store.runViews.matrixCells(run.id, rows, columns, scope);
  const values = (pick: 'row' | 'column') => [...new Set(cells.map((c) => c[pick]))].sort((a, b) => String(a).localeCompare(String(b)));
  return {
    run: runInfo(run), rows: values('row'), columns: values('column'),
    cells: cells.map((c) => ({ row: c.row, column: c.column, accounts: c.accounts, revenue: formatMoney(cents(c.revenue)) })),
  };
}

export async function rfmView(ctx: Context, runId?: number): Promise<RfmGrid> {
  const run = await pickRun(ctx, runId);
  const scope = await scopeOf(ctx);
  return inCurrency(ctx.store, await cachedView(ctx.store, ['rfm', run.id, scope.ownerId ?? null], () => rfmOf(ctx, run, scope)));
}

async function rfmOf(ctx: Context, run: AnalysisRun, scope: AccountScope): Promise<Built<RfmGrid>> {
  const cells = await ctx.store.runViews.matrixCells(run.id, 'recencyScore', 'frequencyScore', scope);
  const segments = Object.fromEntries(RFM_SEGMENTS.map((s) => [s, 0])) as Record<string, number>;
  for (const c of await ctx.store.analysisRuns.countBy(run.id, 'rfm_segment', scope)) if (c.value in segments) segments[c.value] = c.accounts;
  return {
    run: runInfo(run),
    cells: cells.filter((c) => c.row !== null).map((c) => ({ recency: Number(c.row), frequency: Number(c.column), accounts: c.accounts, revenue: formatMoney(cents(c.revenue)) })),
    segments,
  };
}

function sectionJson(section: Section): Sections['rows'][number] {
  return {
    key: Object.fromEntries(section.dimensions.map((d, i) => [d, section.key[i] ?? null])),
    accounts: section.accounts, buyers: section.buyers, activeAccounts: section.activeAccounts, activeRate: section.activeRate,
    revenue: formatMoney(section.revenue), revenueShare: section.revenueShare,
    abc: { A: section.abc.A, B: section.abc.B, C: section.abc.C }, accountsWithChurnSignals: section.accountsWithChurnSignals,
  };
}

export async function sectionsView(ctx: Context, by: SectionDimension, cross?: SectionDimension, runId?: number): Promise<Sections> {
  if (cross === by) throw new ClienteleError('invalid', `Cross ${by} with another dimension, not itself.`, 'cross');
  const run = await pickRun(ctx, runId);
  const scope = await scopeOf(ctx);
  return inCurrency(ctx.store, await cachedView(ctx.store, ['sections', run.id, scope.ownerId ?? null, by, cross ?? null], () => sectionsOf(ctx, run, scope, by, cross)));
}

// The account fields a section is keyed by, as SectionAccount names them.
const SECTION_FIELD: Record<SectionDimension, keyof SectionAccount> = {
  country: 'country', segment: 'segment', sector: 'sector', relationshipType: 'relationshipType', size: 'size', owner: 'ownerId',
};

async function sectionsOf(ctx: Context, run: AnalysisRun, scope: AccountScope, by: SectionDimension, cross?: SectionDimension): Promise<Built<Sections>> {
  const dimensions = cross ? [by, cross] as const : [by] as const;
  const sectionRows: SectionRow[] = (await ctx.store.runViews.sectionGroups(run.id, scope, dimensions)).map((group) => {
    const account: Record<string, unknown> = { country: null, segment: null, sector: null, relationshipType: null, size: null, ownerId: null };
    dimensions.forEach((d, i) => { account[SECTION_FIELD[d]] = group.keys[i]; });
    return {
      account: account as unknown as SectionAccount, accounts: group.accounts, revenue: cents(group.revenueCents),
      everBought: group.everBought, status: group.status as StatusClass, abc: group.abc as AbcClass, churnSignals: group.churn ? 1 : 0,
    };
  });
  return { run: runInfo(run), dimensions: [...dimensions], rows: sectionsBy(sectionRows, dimensions).map(sectionJson) };
}


type ListOptions = { limit?: number; offset?: number; runId?: number };

/** Accounts with pre-churn signals, inactive ones most worth recovering, or active ones with most room to grow. */
export async function accountList(ctx: Context, kind: 'churn', options?: ListOptions): Promise<ChurnList>;
export async function accountList(ctx: Context, kind: 'inactive', options?: ListOptions): Promise<InactiveList>;
export async function accountList(ctx: Context, kind: 'growth', options?: ListOptions): Promise<GrowthList>;
export async function accountList(ctx: Context, kind: AccountListKind, options: ListOptions = {}): Promise<ChurnList | InactiveList | GrowthList> {
  const run = await pickRun(ctx, options.runId);
  const limit = options.limit ?? 50;
  const rows = await ctx.store.runViews.listedAccounts(run.id, await scopeOf(ctx), kind, { limit: limit + 1, offset: options.offset ?? 0 });
  const page = rows.slice(0, limit);
  // Each account on the page explained as it is read (explain-stored.ts), in one batch.
  const explained = await storedExplanations(ctx.store, run, page.map((r) => r.row));
  const listed = page.map(({ row: r, name, ownerId }) => ({
    accountId: r.account_id, name, ownerId,
    status: r.status, abc: r.abc, rfm: r.rfm_segment, revenue: formatMoney(cents(r.period_revenue_cents)), lastPurchase: r.last_purchase,
  }));
  const answer = <T>(items: T[]) => inCurrency(ctx.store, { run: runInfo(run), items, hasMore: rows.length > limit });
  if (kind === 'churn') return answer(listed.map((item, i) => ({ ...item, signals: churnSignalAmounts(explained[i]!.churnSignals) ?? [] })));
  if (kind === 'inactive') return answer(listed.map((item, i) => ({ ...item, detail: inactiveAmounts(explained[i]!.inactive) })));
  return answer(listed.map((item, i) => ({ ...item, detail: growthAmounts(explained[i]!.growth) })));
}

/** Portfolio-wide figures (the team) are not cut per rep: a rep limited to their own accounts may not read them. */
async function requireWholePortfolio(ctx: Context, what: string) {
  if ((await scopeOf(ctx)).ownerId !== undefined) {
    throw new ClienteleError('forbidden', `Reps who see only their own accounts cannot read ${what}, which covers the whole portfolio.`);
  }
}

export async function teamView(ctx: Context, by: 'segment' | 'size', runId?: number): Promise<TeamView> {
  await requireWholePortfolio(ctx, 'the team analysis');
  const run = await ctx.store.analysisRuns.get((await pickRun(ctx, runId)).id);
  return inCurrency(ctx.store, { run: runInfo(run!), ...teamAmounts((run!.portfolio.team as Record<string, unknown>)[by]) });
}

/** The goals' progress at the latest run and at every snapshot, money figures as decimal strings. */
export async function goalsView(ctx: Context): Promise<GoalsView> {
  // A rep who sees only their own accounts reads the goals set for them alone: the others
  // measure accounts they do not see.
  const { ownerId } = await scopeOf(ctx);
  const shown = (progress: GoalProgress) => ownerId === undefined || progress.goal.ownerId === ownerId;
  const latest = await latestRunInScope(ctx);
  const runs = [latest, ...(await runsInScope(ctx, 'snapshot')).filter((r) => r.id !== latest.id)];
  const history: GoalsView['history'] = [];
  for (const run of runs) {
    const full = await ctx.store.analysisRuns.get(run.id);
    history.push({ run: runInfo(run), goals: ((full?.portfolio.goals ?? []) as GoalProgress[]).filter(shown).map(goalProgressOf) });
  }
  return inCurrency(ctx.store, { current: history[0]!.goals, history: history.reverse() });
}

/**
 * Accounts per pair of classes (then → now) since a snapshot, and the accounts that moved,
 * largest revenue first: `limit` of them (0 for the counts alone), only those of one flow
 * when `fromClass` or `toClass` is given.
 */
export async function movementsView(ctx: Context, dimension: ClassDimension,
  options: { from?: number; to?: number; limit?: number; fromClass?: string; toClass?: string } = {}): Promise<Movements> {
  const to = await pickRun(ctx, options.to);
  const before = options.from === undefined ? await ctx.store.analysisRuns.snapshotBefore(to.id) : undefined;
  const from = options.from !== undefined ? await pickRun(ctx, options.from) : before && await runInScope(ctx, before);
  if (!from) {
    throw new ClienteleError('not_found', 'No snapshot was taken before this run, so there is nothing to compare with: take one (`clientele snapshot` or POST /api/v1/analysis/runs with snapshot true).');
  }
  const scope = await scopeOf(ctx);
  const column = CLASS_DIMENSIONS[dimension];
  // The counts join two whole runs and change only with the runs, so they are kept like the
  // other views; the accounts listed are one page, read fresh so their names are current.
  const cells = await cachedView(ctx.store, ['movements', from.id, to.id, scope.ownerId ?? null, dimension],
    () => ctx.store.analysisRuns.movementCells(from.id, to.id, column, scope));
  const limit = options.limit ?? 100;
  const moved = limit === 0 ? [] : await ctx.store.analysisRuns.movedAccounts(from.id, to.id, column, scope, limit, { from: options.fromClass, to: options.toClass });
  return inCurrency(ctx.store, {
    dimension, from: runInfo(from), to: runInfo(to), cells,
    moved: moved.map((m) => ({ accountId: m.accountId, name: m.name, from: m.from, to: m.to, revenue: formatMoney(cents(m.revenueCents)) })),
    movedAccounts: cells.filter((c) => c.from !== c.to).reduce((n, c) => n + c.accounts, 0),
  });
}

export async function accountClasses(ctx: Context, accountId: number): Promise<AccountClasses> {
  await requireVisibleAccount(ctx, accountId, 'id');
  const run = await latestRunInScope(ctx);
  const row = await ctx.store.analysisRuns.accountClasses(run.id, accountId);
  if (!row) throw new ClienteleError('not_found', `Account ${accountId} did not exist on ${run.asOf}, the day of the latest analysis; run it again to classify it.`, 'id');
  const history = await ctx.store.runViews.classHistory(accountId);
  return inCurrency(ctx.store, {
    run: runInfo(run), accountId,
    ...explanationAmounts(await storedExplanation(ctx.store, run, row)),
    history,
  });
}
