// The portfolio report `clientele analyze` prints: the latest run's figures in one object.
import type { Context } from '../context.js';
import { abcView, accountList, overview, sectionsView } from './analysis-views.js';

export async function portfolioReport(ctx: Context, options: { listLimit?: number } = {}) {
  const limit = options.listLimit ?? 10;
  const [summary, abc, inactive, growth, churn, bySegment, byCountry] = await Promise.all([
    overview(ctx), abcView(ctx), accountList(ctx, 'inactive', { limit }), accountList(ctx, 'growth', { limit }),
    accountList(ctx, 'churn', { limit }), sectionsView(ctx, 'segment'), sectionsView(ctx, 'country'),
  ]);
  const run = await ctx.store.analysisRuns.get(summary.run.id);
  const portfolio = (run?.portfolio ?? {}) as Record<string, any>;
  return {
    run: summary.run,
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
    goals: portfolio.goals ?? [],
    /** The BG/NBD and Gamma-Gamma fit of the run, with the portfolio's expected purchases and CLV; or why there is none. */
    lifetime: run?.model ?? null,
  };
}

export type PortfolioReport = Awaited<ReturnType<typeof portfolioReport>>;
