// Classification runs and every account's classes in them. A run's per-account rows carry the
// classes as columns (what lists filter and count on) and the rules and figures as JSON.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import { BUYING_NOW } from '../../domain/portfolio/classes.js';
import { freshnessOf } from '../../domain/data-freshness.js';
import { pgTextArray } from '../csv-rows.js';
import type { Executor } from '../executor.js';
import type { AccountClassesTable } from '../schema.js';

export type RunKind = 'run' | 'snapshot';

export interface AnalysisRun {
  id: number;
  kind: RunKind;
  asOf: string;
  accountCount: number;
  durationMs: number;
  createdAt: string;
  createdBy: number | null;
  settings: Record<string, unknown>;
  /** The newest purchase on file on or before the as-of day. */
  newestPurchase: string | null;
  /** The file ends well before the as-of day (see domain/data-freshness.ts). */
  dataStale: boolean;
}

export interface AnalysisRunWithFigures extends AnalysisRun {
  portfolio: Record<string, unknown>;
  model: Record<string, unknown> | null;
}

/** One account's row in a run, as the analysis writes it. */
export type AccountClassRow = Omit<AccountClassesTable, 'reasons'> & { reasons: Record<string, unknown> | null };

export const CLASS_COLUMNS = ['status', 'volume_tier', 'frequency', 'abc', 'rfm_segment'] as const;
export type ClassColumn = (typeof CLASS_COLUMNS)[number];

export const ACCOUNT_CLASS_COLUMNS = [
  'run_id', 'account_id', 'status', 'volume_tier', 'frequency', 'abc', 'rfm_segment', 'recency_score', 'frequency_score',
  'monetary_score', 'revenue_cents', 'period_revenue_cents', 'average_ticket_cents', 'order_count', 'last_purchase',
  'churn_signals', 'recovery_score', 'growth_potential_cents', 'p_alive', 'clv_cents', 'value_cents', 'median_gap_days',
  'abc_rank', 'abc_above_cents', 'alike_customers', 'peer_group', 'peer_count', 'peer_benchmark_cents', 'recovery_revenue_rank',
  'recovery_frequency_rank',
] as const satisfies readonly (keyof AccountClassesTable)[];

const toRun = (r: { id: number; kind: RunKind; as_of: string; account_count: number; duration_ms: number; created_at: Date; created_by: number | null; settings: Record<string, unknown>; newest_purchase: string | null }): AnalysisRun => ({
  id: Number(r.id), kind: r.kind, asOf: r.as_of, accountCount: r.account_count, durationMs: r.duration_ms,
  createdAt: r.created_at.toISOString(), createdBy: r.created_by === null ? null : Number(r.created_by), settings: r.settings,
  newestPurchase: r.newest_purchase, dataStale: freshnessOf(r.newest_purchase, r.as_of).stale,
});

const RUN_COLUMNS = ['id', 'kind', 'as_of', 'account_count', 'duration_ms', 'created_at', 'created_by', 'settings', 'newest_purchase'] as const;

/** The columns re-placing one account writes; the lifetime-value figures stay as the run left them. */
const PLACED_COLUMNS = [
  'status', 'volume_tier', 'frequency', 'abc', 'rfm_segment', 'recency_score', 'frequency_score', 'monetary_score', 'revenue_cents',
  'period_revenue_cents', 'average_ticket_cents', 'order_count', 'last_purchase', 'churn_signals', 'value_cents', 'median_gap_days',
] as const satisfies readonly (keyof AccountClassesTable)[];

export type PlacedClasses = { [K in (typeof PLACED_COLUMNS)[number]]: K extends 'churn_signals' ? string[] : AccountClassesTable[K] };

/** Rows of account_classes of one run, restricted to the accounts in scope. */
export function classesInScope(db: Executor, runId: number, scope: AccountScope) {
  let query = db.selectFrom('account_classes as c').where('c.run_id', '=', runId);
  if (scope.ownerId !== undefined) {
    query = query.where(sql<SqlBool>`exists (select 1 from accounts a where a.id = c.account_id and a.owner_id = ${scope.ownerId})`);
  }
  return query;
}

/**
 * True for a class row of an account buying now (status current or active, BUYING_NOW): the one
 * test behind the overview's "Accounts buying now" and the account list's buying_now filter,
 * so the dashboard's figure and the list it opens count the same accounts.
 */
export const isBuyingNow = (status: Expression<unknown>) =>
  sql<SqlBool>`${status} in (${sql.join([...BUYING_NOW].map((s) => sql.lit(s)))})`;

/** Each account's row in a later run (t) with its row in an earlier one (f), restricted to the accounts in scope. */
function runPairs(db: Executor, fromRun: number, toRun: number, scope: AccountScope) {
  let query = db.selectFrom('account_classes as t')
    .innerJoin('account_classes as f', (join) => join.onRef('f.account_id', '=', 't.account_id').on('f.run_id', '=', fromRun))
    .where('t.run_id', '=', toRun);
  // A run's rows belong to existing accounts (they cascade on delete): accounts are read only to cut to a rep's own.
  if (scope.ownerId !== undefined) {
    query = query.where(sql<SqlBool>`exists (select 1 from accounts a where a.id = t.account_id and a.owner_id = ${scope.ownerId})`);
  }
  return query;
}

export function analysisRunsRepository(db: Executor) {
  return {
    async insertRun(run: { kind: RunKind; asOf: string; settings: object; portfolio: object; model: object | null; accountCount: number; durationMs: number; createdBy: number | null; newestPurchase: string | null }): Promise<number> {
      const row = await db.insertInto('analysis_runs').values({
        kind: run.kind, as_of: run.asOf, settings: JSON.stringify(run.settings), portfolio: JSON.stringify(run.portfolio),
        model: run.model === null ? null : JSON.stringify(run.model), account_count: run.accountCount, duration_ms: run.durationMs,
        created_by: run.createdBy, newest_purchase: run.newestPurchase,
      }).returning('id').executeTakeFirstOrThrow();
      return Number(row.id);
    },

    /**
     * After a run is saved: statistics for the planner, and the pages marked visible so the
     * covering indexes answer without reading the wide rows. PGlite never vacuums on its own and
     * PostgreSQL's autovacuum comes a minute or more later, while the dashboard reads at once.
     * VACUUM cannot run inside a transaction: call it on the store, not a session.
     */
    async vacuumClasses(): Promise<void> {
      await sql`vacuum (analyze) account_classes`.execute(db);
    },

    /** How long the run took, known only once its rows are written. */
    async setDuration(runId: number, durationMs: number): Promise<void> {
      await db.updateTable('analysis_runs').set({ duration_ms: durationMs }).where('id', '=', runId).execute();
    },

    /** Ordinary runs give way to the newest; snapshots stay as history. */
    async pruneRunsBefore(runId: number): Promise<void> {
      await db.deleteFrom('analysis_runs').where('kind', '=', 'run').where('id', '<', runId).execute();
    },

    async latest(kind?: RunKind): Promise<AnalysisRun | undefined> {
      let query = db.selectFrom('analysis_runs').select(RUN_COLUMNS).orderBy('id', 'desc').limit(1);
      if (kind) query = query.where('kind', '=', kind);
      const row = await query.executeTakeFirst();
      return row && toRun(row);
    },

    async get(id: number): Promise<AnalysisRunWithFigures | undefined> {
      const row = await db.selectFrom('analysis_runs').select([...RUN_COLUMNS, 'portfolio', 'model']).where('id', '=', id).executeTakeFirst();
      return row && { ...toRun(row), portfolio: row.portfolio, model: row.model };
    },

    /** A run's lifetime-value model (with its settings and totals), or why it has none. */
    async model(id: number): Promise<Record<string, unknown> | undefined> {
      const row = await db.selectFrom('analysis_runs').select('model').where('id', '=', id).executeTakeFirst();
      return row?.model ?? undefined;
    },

    /** One part of a run's portfolio figures, read in the database: the whole is large at scale. */
    async portfolioPart(id: number, key: string): Promise<unknown> {
      const row = await db.selectFrom('analysis_runs').select(sql<unknown>`portfolio -> ${key}`.as('part')).where('id', '=', id).executeTakeFirst();
      return row?.part ?? undefined;
    },

    async list(kind?: RunKind, limit = 100): Promise<AnalysisRun[]> {
      let query = db.selectFrom('analysis_runs').select(RUN_COLUMNS).orderBy('id', 'desc').limit(limit);
      if (kind) query = query.where('kind', '=', kind);
      return (await query.execute()).map(toRun);
    },

    /** The latest snapshot taken before the given run. */
    async snapshotBefore(runId: number): Promise<AnalysisRun | undefined> {
      const row = await db.selectFrom('analysis_runs').select(RUN_COLUMNS)
        .where('kind', '=', 'snapshot').where('id', '<', runId).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row && toRun(row);
    },

    async accountClasses(runId: number, accountId: number): Promise<AccountClassRow | undefined> {
      const row = await db.selectFrom('account_classes').selectAll().where('run_id', '=', runId).where('account_id', '=', accountId).executeTakeFirst();
      return row && normalise(row);
    },

    /** How many accounts of the run are in scope. */
    async accountsInScope(runId: number, scope: AccountScope): Promise<number> {
      const row = await classesInScope(db, runId, scope).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Accounts and revenue per class of one dimension, within scope. */
    async countBy(runId: number, column: ClassColumn, scope: AccountScope): Promise<{ value: string; accounts: number; revenue: number }[]> {
      const rows = await classesInScope(db, runId, scope)
        .select([sql<string>`c.${sql.ref(column)}`.as('value'), sql<number>`count(*)::int`.as('accounts'), sql<number>`coalesce(sum(c.period_revenue_cents), 0)::bigint`.as('revenue')])
        .groupBy(sql.ref(`c.${column}`)).execute();
      return rows.map((r) => ({ value: r.value, accounts: Number(r.accounts), revenue: Number(r.revenue) }));
    },

    /**
     * Accounts and revenue per class of several dimensions at once, within scope: one pass over
     * the covering index instead of one per dimension. The class columns are never null, so a
     * row's one non-null column says which dimension it counts.
     */
    async countByEach<C extends ClassColumn>(runId: number, columns: readonly C[], scope: AccountScope): Promise<Record<C, { value: string; accounts: number; revenue: number }[]>> {
      const refs = columns.map((column) => sql.ref(`c.${column}`));
      const rows = await classesInScope(db, runId, scope)
        .select([...columns.map((column, i) => sql<string | null>`${refs[i]}`.as(column)),
          sql<number>`count(*)::int`.as('accounts'), sql<number>`coalesce(sum(c.period_revenue_cents), 0)::bigint`.as('revenue')])
        .groupBy(sql`grouping sets (${sql.join(refs.map((ref) => sql`(${ref})`))})`).execute();
      const out = Object.fromEntries(columns.map((column) => [column, []])) as unknown as Record<C, { value: string; accounts: number; revenue: number }[]>;
      for (const row of rows as Record<string, unknown>[]) {
        const column = columns.find((c) => row[c] !== null);
        if (column) out[column].push({ value: String(row[column]), accounts: Number(row.accounts), revenue: Number(row.revenue) });
      }
      return out;
    },

    /** Accounts and revenue per pair of values of two columns, within scope. */
    /**
     * The inactive accounts in scope per value class (what ?abc=X&status=inactive lists), with
     * the revenue their class ranks on: for most, their last active year's (abc.ts).
     */
    /** Every account's row in a run with its name, external id and owner, by account id: what a spreadsheet export of the run shows. */
    async accountRows(runId: number) {
      return db.selectFrom('account_classes as c').innerJoin('accounts as a', 'a.id', 'c.account_id')
        .select(['a.id', 'a.external_id', 'a.name', 'a.owner_id', 'c.status', 'c.abc', 'c.rfm_segment', 'c.recency_score', 'c.frequency_score', 'c.monetary_score',
          'c.volume_tier', 'c.frequency', 'c.revenue_cents', 'c.period_revenue_cents', 'c.average_ticket_cents', 'c.order_count', 'c.last_purchase',
          sql<string>`array_to_string(c.churn_signals, ' ')`.as('churn_signals'), 'c.recovery_score', 'c.p_alive', 'c.clv_cents'])
        .where('c.run_id', '=', runId).orderBy('a.id').execute();
    },

    /**
     * Writes one account's re-placed classes into a run, merging its reasons into the stored ones
     * (which keep what only the full run explains). The inactive and growth details, and their
     * scores, are dropped when the account's status no longer fits them.
     */
    async placeAccount(runId: number, accountId: number, values: PlacedClasses, reasons: Record<string, unknown>,
      keeps: { keepsInactive: boolean; keepsGrowth: boolean }): Promise<void> {
      const dropped = [...(keeps.keepsInactive ? [] : ['inactive']), ...(keeps.keepsGrowth ? [] : ['growth'])];
      const row = { ...values, churn_signals: sql<string[]>`${pgTextArray(values.churn_signals)}::text[]` };
      await db.insertInto('account_classes')
        .values({ run_id: runId, account_id: accountId, ...row, reasons: JSON.stringify(reasons) } as never)
        .onConflict((conflict) => conflict.columns(['run_id', 'account_id']).doUpdateSet({
          ...Object.fromEntries(PLACED_COLUMNS.map((column) => [column, sql.ref(`excluded.${column}`)])),
          reasons: sql`(coalesce(account_classes.reasons, '{}'::jsonb) || excluded.reasons) - ${pgTextArray(dropped)}::text[]`,
          // The run's inactive and growth details stay while the status still fits them (they are set together).
          ...(keeps.keepsInactive ? {} : { recovery_score: null, recovery_revenue_rank: null, recovery_frequency_rank: null }),
          ...(keeps.keepsGrowth ? {} : { growth_potential_cents: null, peer_group: null, peer_count: null, peer_benchmark_cents: null }),
        } as never))
        .execute();
    },

    async inactiveValueCounts(runId: number, scope: AccountScope): Promise<{ value: string; accounts: number; revenue: number; quiet: number }[]> {
      const rows = await classesInScope(db, runId, scope).where('c.status', '=', 'inactive')
        .select(['c.abc', sql<number>`count(*)::int`.as('accounts'),
          sql<number>`coalesce(sum(c.value_cents) filter (where c.abc <> 'none'), 0)::bigint`.as('revenue'),
          // Those ranked on their last active year rather than the period (ranking=quiet in the list).
          sql<number>`(count(*) filter (where c.abc <> 'none' and c.period_revenue_cents = 0))::int`.as('quiet')])
        .groupBy('c.abc').execute();
      return rows.map((r) => ({ value: r.abc, accounts: Number(r.accounts), revenue: Number(r.revenue), quiet: Number(r.quiet) }));
    },

    /** The period revenue of every ranked account in scope, largest first, with its class. */
    async rankedRevenue(runId: number, scope: AccountScope): Promise<{ revenue: number; abc: string }[]> {
      const rows = await classesInScope(db, runId, scope).select(['c.period_revenue_cents', 'c.abc'])
        .where('c.period_revenue_cents', '>', 0).orderBy('c.period_revenue_cents', 'desc').orderBy('c.account_id').execute();
      return rows.map((r) => ({ revenue: Number(r.period_revenue_cents), abc: r.abc }));
    },

    /**
     * Accounts per pair of classes (then → now) between two runs in one dimension, counted in
     * the database from the covering index of migration 0005, never the wide rows.
     */
    async movementCells(fromRun: number, toRun: number, column: ClassColumn, scope: AccountScope) {
      const cells = await runPairs(db, fromRun, toRun, scope)
        .select([sql<string>`${sql.ref(`f.${column}`)}`.as('from'), sql<string>`${sql.ref(`t.${column}`)}`.as('to'), sql<number>`count(*)::int`.as('accounts')])
        .groupBy([sql`1`, sql`2`]).orderBy(sql`1`).orderBy(sql`2`).execute();
      return cells.map((c) => ({ from: c.from, to: c.to, accounts: Number(c.accounts) }));
    },

    /**
     * The accounts that changed class between two runs, largest revenue first, only those
     * between two given classes when asked. The run is read in revenue order from its index
     * and stops at `limit`; names are read for that page only.
     */
    async movedAccounts(fromRun: number, toRun: number, column: ClassColumn, scope: AccountScope, limit: number, flow: { from?: string; to?: string } = {}) {
      const from = sql.ref(`f.${column}`);
      const to = sql.ref(`t.${column}`);
      let page = runPairs(db, fromRun, toRun, scope)
        .select(['t.account_id', sql<string>`${from}`.as('from'), sql<string>`${to}`.as('to'), 't.period_revenue_cents'])
        .where(sql<SqlBool>`${from} <> ${to}`);
      if (flow.from !== undefined) page = page.where(from, '=', flow.from);
      if (flow.to !== undefined) page = page.where(to, '=', flow.to);
      const moved = await db.selectFrom(page.orderBy('t.period_revenue_cents', 'desc').orderBy('t.account_id').limit(limit).as('m'))
        .innerJoin('accounts as a', 'a.id', 'm.account_id')
        .select(['m.account_id', 'a.name', 'm.from', 'm.to', 'm.period_revenue_cents'])
        .orderBy('m.period_revenue_cents', 'desc').orderBy('m.account_id').execute();
      return moved.map((m) => ({ accountId: Number(m.account_id), name: m.name, from: m.from, to: m.to, revenueCents: Number(m.period_revenue_cents) }));
    },
  };
}

/** A row of account_classes with its big integers as numbers, whichever driver read it. */
export function normalise(row: AccountClassRow): AccountClassRow {
  return {
    ...row,
    run_id: Number(row.run_id), account_id: Number(row.account_id), revenue_cents: Number(row.revenue_cents),
    period_revenue_cents: Number(row.period_revenue_cents),
    average_ticket_cents: row.average_ticket_cents === null ? null : Number(row.average_ticket_cents),
    growth_potential_cents: row.growth_potential_cents === null ? null : Number(row.growth_potential_cents),
    clv_cents: row.clv_cents === null ? null : Number(row.clv_cents),
    abc_above_cents: row.abc_above_cents === null ? null : Number(row.abc_above_cents),
    peer_benchmark_cents: row.peer_benchmark_cents === null ? null : Number(row.peer_benchmark_cents),
  };
}
