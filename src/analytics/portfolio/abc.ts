// ABC (Pareto) classes: accounts ranked by revenue over the settings' period, largest first
// (ties by account id, so the ranking is stable). An account's class follows the share of
// revenue held by the accounts ranked above it: A while that is below aMaxShare (80 %), B
// while below bMaxShare (95 %), C after. So the account that crosses 80 % is still A, and
// the A accounts hold at most 80 % plus the share of the last of them. Accounts with no
// revenue in the period are not ranked (class `none`).
import { type Cents, cents } from '../../domain/money.js';
import { PERIOD_WORDS, periodRevenue } from './purchase-windows.js';
import type { PortfolioSettings, RevenuePeriod } from './settings.js';
import { gini } from './statistics.js';
import type { AccountSummary, Classification } from './types.js';
import { percent, rounded } from './wording.js';

export const ABC_CLASSES = ['A', 'B', 'C', 'none'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
type RankedClass = Exclude<AbcClass, 'none'>;

/** One point of the Pareto chart: the top `accountShare` of accounts hold `revenueShare` of revenue. */
export interface ParetoPoint {
  accountShare: number;
  revenueShare: number;
}

export interface AbcAnalysis {
  classes: Map<number, Classification<AbcClass>>;
  period: RevenuePeriod;
  rankedAccounts: number;
  totalRevenue: Cents;
  accounts: Record<RankedClass, number>;
  revenue: Record<RankedClass, Cents>;
  chart: ParetoPoint[];
  /** The share of revenue held by the top `topAccountShare` of ranked accounts. */
  topAccountShare: number;
  topRevenueShare: number | null;
  gini: number | null;
}

function chartIndices(n: number, maxPoints: number): number[] {
  if (n + 1 <= maxPoints) return Array.from({ length: n + 1 }, (_, i) => i);
  const indices = Array.from({ length: maxPoints }, (_, j) => Math.round((j * n) / (maxPoints - 1)));
  return [...new Set(indices)];
}

export function classifyAbc(summaries: readonly AccountSummary[], settings: PortfolioSettings): AbcAnalysis {
  const { aMaxShare, bMaxShare, topAccountShare, chartMaxPoints } = settings.abc;
  const period = settings.revenuePeriod;
  const classes = new Map<number, Classification<AbcClass>>();
  const ranked: { accountId: number; revenue: number }[] = [];
  for (const summary of summaries) {
    const revenue = periodRevenue(summary, period);
    if (revenue > 0) {
      ranked.push({ accountId: summary.accountId, revenue });
    } else {
      classes.set(summary.accountId, {
        class: 'none',
        rule: `No revenue ${PERIOD_WORDS[period]}, so not ranked.`,
        figures: { revenue, period },
      });
    }
  }
  ranked.sort((a, b) => b.revenue - a.revenue || a.accountId - b.accountId);

  const n = ranked.length;
  const total = ranked.reduce((sum, entry) => sum + entry.revenue, 0);
  // cumulative[i] is the revenue of the top i accounts.
  const cumulative = new Array<number>(n + 1);
  cumulative[0] = 0;
  ranked.forEach((entry, i) => { cumulative[i + 1] = cumulative[i]! + entry.revenue; });

  const accounts: Record<RankedClass, number> = { A: 0, B: 0, C: 0 };
  const revenue: Record<RankedClass, number> = { A: 0, B: 0, C: 0 };
  ranked.forEach((entry, i) => {
    const before = cumulative[i]! / total;
    const after = cumulative[i + 1]! / total;
    const abc: RankedClass = before < aMaxShare ? 'A' : before < bMaxShare ? 'B' : 'C';
    accounts[abc] += 1;
    revenue[abc] += entry.revenue;
    const held = `the accounts ranked above it hold ${percent(before, 1)} of revenue`;
    const reason = abc === 'A' ? `under ${percent(aMaxShare)}`
      : abc === 'B' ? `at least ${percent(aMaxShare)} and under ${percent(bMaxShare)}`
        : `at least ${percent(bMaxShare)}`;
    classes.set(entry.accountId, {
      class: abc,
      rule: `Ranked ${i + 1} of ${n} by revenue ${PERIOD_WORDS[period]}; ${held}, ${reason}: ${abc}.`,
      figures: {
        rank: i + 1, rankedAccounts: n, revenue: entry.revenue, period,
        revenueShare: rounded(entry.revenue / total, 6), shareAbove: rounded(before, 6), cumulativeShare: rounded(after, 6),
        aMaxShare, bMaxShare,
      },
    });
  });

  let topRevenueShare: number | null = null;
  if (n > 0) {
    // The top share rarely falls on a whole account: take that fraction of the next account's revenue.
    const k = topAccountShare * n;
    const whole = Math.floor(k);
    const partial = whole < n ? (k - whole) * ranked[whole]!.revenue : 0;
    topRevenueShare = (cumulative[whole]! + partial) / total;
  }

  return {
    classes,
    period,
    rankedAccounts: n,
    totalRevenue: cents(total),
    accounts,
    revenue: { A: cents(revenue.A), B: cents(revenue.B), C: cents(revenue.C) },
    chart: n === 0 ? [] : chartIndices(n, chartMaxPoints).map((i) => ({ accountShare: i / n, revenueShare: cumulative[i]! / total })),
    topAccountShare,
    topRevenueShare,
    gini: gini(ranked.map((entry) => entry.revenue)),
  };
}
