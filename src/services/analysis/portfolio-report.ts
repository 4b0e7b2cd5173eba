// The portfolio report `clientele analyze` prints: the latest run's figures in one object.
import type { Context } from '../context.js';
import type { GoalProgress } from '../../analytics/portfolio/goals.js';
import { amount } from '../../domain/money.js';
import { abcView, accountList, overview, sectionsView } from './analysis-views.js';
import { goalProgressOf } from './portfolio-rules.js';

/** The run's lifetime-value fit as stored: its portfolio totals in cents, or why there is none. */
type StoredModel = Record<string, unknown> & { portfolio?: Record<string, unknown> & { totalClv: number } };

/** The run's lifetime-value fit, its portfolio total as an amount like every other. */
function lifetimeOf(stored: Record<string, unknown> | null | undefined) {
  const model = stored as StoredModel | null | undefined;
  if (!model?.portfolio) return model ?? null;
  return { ...model, portfolio: { ...model.portfolio, totalClv: amount(model.portfolio.totalClv) } };
}

/** The parts of a run's stored figures the report reads. */
interface StoredPortfolio { volumeTiers?: { thresholds?: unknown }; goals?: GoalProgress[] }

export async function portfolioReport(ctx: Context, options: { listLimit?: number } = {}) {
  const limit = options.listLimit ?? 10;
  const [summary, abc, inactive, growth, churn, bySegment, byCountry] = await Promise.all([
    overview(ctx), abcView(ctx), accountList(ctx, 'inactive', { limit }), accountList(ctx, 'growth', { limit }),
    accountList(ctx, 'churn', { limit }), sectionsView(ctx, 'segment'), sectionsView(ctx, 'country'),
  ]);
  const run = await ctx.store.analysisRuns.get(summary.run.id);
  const portfolio = (run?.portfolio ?? {}) as StoredPortfolio;
  const names = new Map((await ctx.store.users.list()).map((u) => [u.id, u.name]));
  return {
    run: summary.run,
    currency: summary.currency,
    accounts: summary.accounts,
    revenue: summary.revenue,
    classes: summary.classes,
    inactiveValue: summary.inactiveValue,
    churn: summary.churn,
    abc: { classes: abc.classes, topShare: abc.topShare, gini: abc.gini, period: abc.period, points: abc.points },
    buyingNow: summary.buyingNow,
    volumeTierThresholds: portfolio.volumeTiers?.thresholds ?? null,
    inactive: inactive.items,
    growth: growth.items,
    churnAccounts: churn.items,
    sections: { segment: bySegment.rows, country: byCountry.rows },
    // Each goal with the name of the rep it measures (null for the whole portfolio).
    goals: (portfolio.goals ?? []).map((g) => ({ ...goalProgressOf(g), rep: g.goal.ownerId == null ? null : names.get(g.goal.ownerId) ?? null })),
    /** The BG/NBD and Gamma-Gamma fit of the run, with the portfolio's expected purchases and CLV; or why there is none. */
    lifetime: lifetimeOf(run?.model),
  };
}

export type PortfolioReport = Awaited<ReturnType<typeof portfolioReport>>;
