// The queries behind what the team reads from a run: the overview's figures, the class matrix,
// sections, the account lists and an account's classes over time. Each is cut to the accounts
// in scope; src/services/analysis/analysis-views.ts turns the rows into answers.
import { type Expression, sql } from 'kysely';
import type { AccountScope } from '../../domain/access.js';
import { CHURN_SIGNAL_KINDS, type ChurnSignalKind } from '../../domain/portfolio/classes.js';
import { SECTION_DIMENSIONS, type SectionDimension } from '../../domain/portfolio/sections.js';
import type { Executor } from '../executor.js';
import { type AccountClassRow, type ClassColumn, classesInScope, isBuyingNow, normalise } from './analysis-runs.js';

/** Each classification as the API names it, and the column of a run that holds it. */
export const CLASS_DIMENSIONS = {
  status: 'status', abc: 'abc', rfm: 'rfm_segment', volumeTier: 'volume_tier', frequency: 'frequency',
} as const satisfies Record<string, ClassColumn>;
export type ClassDimension = keyof typeof CLASS_DIMENSIONS;

export const MATRIX_DIMENSIONS = [
  ...Object.keys(CLASS_DIMENSIONS) as ClassDimension[], 'recencyScore', 'frequencyScore', 'monetaryScore', ...SECTION_DIMENSIONS,
] as const;
export type MatrixDimension = (typeof MATRIX_DIMENSIONS)[number];

const ACCOUNT_COLUMN: Record<SectionDimension, string> = {
  country: 'country', segment: 'segment', sector: 'sector', relationshipType: 'relationship_type', size: 'size', owner: 'owner_id',
};

function matrixExpression(dimension: MatrixDimension): Expression<unknown> {
  if (dimension in CLASS_DIMENSIONS) return sql.ref(`c.${CLASS_DIMENSIONS[dimension as ClassDimension]}`);
  if (dimension === 'recencyScore') return sql.ref('c.recency_score');
  if (dimension === 'frequencyScore') return sql.ref('c.frequency_score');
  if (dimension === 'monetaryScore') return sql.ref('c.monetary_score');
  return sql`(select ${sql.ref(`a.${ACCOUNT_COLUMN[dimension as SectionDimension]}`)} from accounts a where a.id = c.account_id)`;
}

/** What the overview counts in one pass over a run's rows, beyond the counts per class. */
export interface RunFigures {
  churnAccounts: number;
  signals: Record<ChurnSignalKind, number>;
  /** The accounts buying now, their revenue and orders, and their median time between purchases. */
  buying: { accounts: number; revenueCents: number; orders: number; medianGapDays: number | null };
}

/** Accounts alike in a section: same section keys, same classes. */
export interface SectionGroup {
  keys: (string | number | null)[];
  everBought: boolean;
  status: string;
  abc: string;
  churn: boolean;
  accounts: number;
  revenueCents: number;
}

export const ACCOUNT_LISTS = ['churn', 'inactive', 'growth'] as const;
export type AccountListKind = (typeof ACCOUNT_LISTS)[number];

export function runViewsRepository(db: Executor) {
  return {
    async figures(runId: number, scope: AccountScope): Promise<RunFigures> {
      const buying = isBuyingNow(sql.ref('c.status'));
      const row = await classesInScope(db, runId, scope)
        .select([
          sql<number>`count(*) filter (where cardinality(c.churn_signals) > 0)::int`.as('churn'),
          ...CHURN_SIGNAL_KINDS.map((kind) => sql<number>`count(*) filter (where c.churn_signals @> array[${kind}]::text[])::int`.as(`signal_${kind}`)),
          sql<number>`count(*) filter (where ${buying})::int`.as('accounts'),
          sql<number>`coalesce(sum(c.revenue_cents) filter (where ${buying}), 0)::bigint`.as('revenue'),
          sql<number>`coalesce(sum(c.order_count) filter (where ${buying}), 0)::bigint`.as('orders'),
          sql<number | null>`percentile_cont(0.5) within group (order by c.median_gap_days) filter (where ${buying})`.as('gap'),
        ])
        .executeTakeFirstOrThrow() as Record<string, unknown>;
      return {
        churnAccounts: Number(row.churn),
        signals: Object.fromEntries(CHURN_SIGNAL_KINDS.map((kind) => [kind, Number(row[`signal_${kind}`])])) as Record<ChurnSignalKind, number>,
        buying: {
          accounts: Number(row.accounts), revenueCents: Number(row.revenue), orders: Number(row.orders),
          medianGapDays: row.gap === null ? null : Number(row.gap),
        },
      };
    },

    /** Accounts and revenue for each pair of values of two dimensions. */
    async matrixCells(runId: number, rows: MatrixDimension, columns: MatrixDimension, scope: AccountScope) {
      const result = await classesInScope(db, runId, scope)
        .select([
          sql<string>`${matrixExpression(rows)}::text`.as('row'), sql<string>`${matrixExpression(columns)}::text`.as('column'),
          sql<number>`count(*)::int`.as('accounts'), sql<number>`coalesce(sum(c.period_revenue_cents), 0)::bigint`.as('revenue'),
        ])
        .groupBy([sql`1`, sql`2`]).execute();
      return result.map((r) => ({ row: r.row, column: r.column, accounts: Number(r.accounts), revenue: Number(r.revenue) }));
    },

    /**
     * Alike accounts (same section, same classes) counted together in the database: a few
     * hundred rows reach the section rules instead of 100,000.
     */
    async sectionGroups(runId: number, scope: AccountScope, dimensions: readonly SectionDimension[]): Promise<SectionGroup[]> {
      const keys = dimensions.map((d, i) => sql<string | number | null>`${sql.ref(`a.${ACCOUNT_COLUMN[d]}`)}`.as(`k${i}`));
      const rows = await classesInScope(db, runId, scope)
        .innerJoin('accounts as a', 'a.id', 'c.account_id')
        .select([...keys,
          sql<boolean>`c.order_count > 0`.as('ever_bought'), 'c.status', 'c.abc', sql<boolean>`cardinality(c.churn_signals) > 0`.as('churn'),
          sql<number>`count(*)::int`.as('accounts'), sql<number>`coalesce(sum(c.period_revenue_cents), 0)::bigint`.as('revenue')])
        .groupBy([...dimensions.map((_, i) => sql`${sql.lit(i + 1)}`), sql`${sql.lit(dimensions.length + 1)}`, 'c.status', 'c.abc', sql`${sql.lit(dimensions.length + 4)}`])
        .execute() as Record<string, unknown>[];
      return rows.map((r) => ({
        keys: dimensions.map((d, i) => (d === 'owner' && r[`k${i}`] !== null ? Number(r[`k${i}`]) : r[`k${i}`] as string | null)),
        everBought: r.ever_bought === true, status: String(r.status), abc: String(r.abc), churn: r.churn === true,
        accounts: Number(r.accounts), revenueCents: Number(r.revenue),
      }));
    },

    /** One page of the accounts with pre-churn signals, the inactive ones or those with room to grow, in the list's order. */
    async listedAccounts(runId: number, scope: AccountScope, kind: AccountListKind, page: { limit: number; offset: number }) {
      let query = classesInScope(db, runId, scope)
        .innerJoin('accounts as a', 'a.id', 'c.account_id')
        .selectAll('c').select(['a.name', 'a.owner_id']);
      if (kind === 'churn') {
        query = query.where(sql<boolean>`cardinality(c.churn_signals) > 0`).orderBy('c.period_revenue_cents', 'desc');
      } else if (kind === 'inactive') {
        query = query.where('c.status', '=', 'inactive').orderBy('c.recovery_score', 'desc');
      } else {
        query = query.where('c.growth_potential_cents', 'is not', null).orderBy('c.growth_potential_cents', 'desc');
      }
      const rows = await query.orderBy('c.account_id').limit(page.limit).offset(page.offset).execute();
      return rows.map((r) => ({
        row: normalise(r as unknown as AccountClassRow), name: r.name, ownerId: r.owner_id === null ? null : Number(r.owner_id),
      }));
    },

    /** Every account's classes in a run, by account id. */
    async classesByAccount(runId: number) {
      const rows = await db.selectFrom('account_classes')
        .select(['account_id', 'status', 'abc', 'rfm_segment', 'volume_tier', 'frequency']).where('run_id', '=', runId).execute();
      return new Map(rows.map((row) => [Number(row.account_id), row]));
    },

    /** The account's classes in every run, oldest first. */
    async classHistory(accountId: number) {
      const rows = await db.selectFrom('account_classes as c').innerJoin('analysis_runs as r', 'r.id', 'c.run_id')
        .select(['r.id', 'r.kind', 'r.as_of', 'c.status', 'c.abc', 'c.rfm_segment', 'c.volume_tier', 'c.frequency'])
        .where('c.account_id', '=', accountId).orderBy('r.id').execute();
      return rows.map((h) => ({ runId: Number(h.id), kind: h.kind, asOf: h.as_of, status: h.status, abc: h.abc, rfm: h.rfm_segment, volumeTier: h.volume_tier, frequency: h.frequency }));
    },
  };
}
