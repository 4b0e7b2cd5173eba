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

/**
 * The accounts with revenue, largest first and ties by account id, as indices into `revenues`.
 * With whole cents in ascending account order (as a portfolio is classified), revenue and rank
 * pack into one exact number and sort natively; anything else sorts with a comparison.
 */
function rankByRevenue(revenues: Float64Array, ids: Float64Array): Int32Array {
  const n = revenues.length;
  let idsAscending = true;
  let packable = true;
  for (let j = 0; j < n; j++) {
    if (j > 0 && !(ids[j - 1]! < ids[j]!)) idsAscending = false;
    if (!Number.isInteger(revenues[j]!) || revenues[j]! >= Number.MAX_SAFE_INTEGER / (n + 1) - 1) packable = false;
  }
  const order = new Int32Array(n);
  if (idsAscending && packable) {
    // revenue × n + (n − 1 − j): ascending by revenue, and by position backwards within a revenue.
    const keys = new Float64Array(n);
    for (let j = 0; j < n; j++) keys[j] = revenues[j]! * n + (n - 1 - j);
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = n - 1 - (keys[n - 1 - k]! % n);
    return order;
  }
  for (let j = 0; j < n; j++) order[j] = j;
  return order.sort((a, b) => revenues[b]! - revenues[a]! || ids[a]! - ids[b]!);
}

export const RANKED_CLASSES: readonly RankedClass[] = ['A', 'B', 'C'];

/** Accounts with revenue ranked and cut into A, B and C, with the portfolio's figures. */
export interface AbcRanking {
  /** Positions into the given revenues, best first. */
  order: Int32Array;
  /** The revenue of each rank. */
  ranked: Float64Array;
  /** The class of each rank, as an index into RANKED_CLASSES. */
  classes: Uint8Array;
  /** cumulative[i] is the revenue of the top i accounts. */
  cumulative: Float64Array;
  analysis: Omit<AbcAnalysis, 'classes'>;
}

/** Ranks accounts by revenue (all above zero; ties by id) and gives each rank its class. */
export function rankAbc(revenues: Float64Array, ids: Float64Array, settings: PortfolioSettings): AbcRanking {
  const { aMaxShare, bMaxShare, topAccountShare, chartMaxPoints } = settings.abc;
  const n = revenues.length;
  const order = rankByRevenue(revenues, ids);
  const ranked = new Float64Array(n);
  for (let i = 0; i < n; i++) ranked[i] = revenues[order[i]!]!;
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + ranked[i]!;
  const total = cumulative[n]!;

  const classes = new Uint8Array(n);
  const accounts: Record<RankedClass, number> = { A: 0, B: 0, C: 0 };
  const revenue: Record<RankedClass, number> = { A: 0, B: 0, C: 0 };
  for (let i = 0; i < n; i++) {
    const before = cumulative[i]! / total;
    const code = before < aMaxShare ? 0 : before < bMaxShare ? 1 : 2;
    classes[i] = code;
    accounts[RANKED_CLASSES[code]!] += 1;
    revenue[RANKED_CLASSES[code]!] += ranked[i]!;
  }

  let topRevenueShare: number | null = null;
  if (n > 0) {
    // The top share rarely falls on a whole account: take that fraction of the next account's revenue.
    const k = topAccountShare * n;
    const whole = Math.floor(k);
    const partial = whole < n ? (k - whole) * ranked[whole]! : 0;
    topRevenueShare = (cumulative[whole]! + partial) / total;
  }
  return {
    order, ranked, classes, cumulative,
    analysis: {
      period: settings.revenuePeriod,
      rankedAccounts: n,
      totalRevenue: cents(total),
      accounts,
      revenue: { A: cents(revenue.A), B: cents(revenue.B), C: cents(revenue.C) },
      chart: n === 0 ? [] : chartIndices(n, chartMaxPoints).map((i) => ({ accountShare: i / n, revenueShare: cumulative[i]! / total })),
      topAccountShare,
      topRevenueShare,
      gini: gini(ranked),
    },
  };
}

/** The ABC classes of the summaries in their order, the portfolio's figures, and the ranking (indices into the summaries, best first). */
export function classifyAbcInOrder(summaries: readonly AccountSummary[], settings: PortfolioSettings): {
  classes: Classification<AbcClass>[]; analysis: Omit<AbcAnalysis, 'classes'>; ranking: Int32Array;
} {
  const { aMaxShare, bMaxShare } = settings.abc;
  const period = settings.revenuePeriod;
  const classes = new Array<Classification<AbcClass>>(summaries.length);
  const notRanked = `No revenue ${PERIOD_WORDS[period]}, so not ranked.`;
  const at: number[] = [];
  const revenueOf: number[] = [];
  const idOf: number[] = [];
  summaries.forEach((summary, i) => {
    const revenue = periodRevenue(summary, period);
    if (revenue > 0) {
      at.push(i);
      revenueOf.push(revenue);
      idOf.push(summary.accountId);
    } else {
      classes[i] = { class: 'none', rule: notRanked, figures: { revenue, period } };
    }
  });
  const n = at.length;
  const { order, ranked, classes: rankClasses, cumulative, analysis } = rankAbc(Float64Array.from(revenueOf), Float64Array.from(idOf), settings);
  const ranking = new Int32Array(n);
  for (let i = 0; i < n; i++) ranking[i] = at[order[i]!]!;
  const total = cumulative[n]!;

  const reasons: Record<RankedClass, string> = {
    A: `under ${percent(aMaxShare)}`,
    B: `at least ${percent(aMaxShare)} and under ${percent(bMaxShare)}`,
    C: `at least ${percent(bMaxShare)}`,
  };
  const words = PERIOD_WORDS[period];
  for (let i = 0; i < n; i++) {
    const entryRevenue = ranked[i]!;
    const before = cumulative[i]! / total;
    const after = cumulative[i + 1]! / total;
    const abc = RANKED_CLASSES[rankClasses[i]!]!;
    classes[ranking[i]!] = {
      class: abc,
      rule: `Ranked ${i + 1} of ${n} by revenue ${words}; the accounts ranked above it hold ${percent(before, 1)} of revenue, ${reasons[abc]}: ${abc}.`,
      figures: {
        rank: i + 1, rankedAccounts: n, revenue: entryRevenue, period,
        revenueShare: rounded(entryRevenue / total, 6), shareAbove: rounded(before, 6), cumulativeShare: rounded(after, 6),
        aMaxShare, bMaxShare,
      },
    };
  }
  return { classes, ranking, analysis };
}

export function classifyAbc(summaries: readonly AccountSummary[], settings: PortfolioSettings): AbcAnalysis {
  const { classes: inOrder, analysis, ranking } = classifyAbcInOrder(summaries, settings);
  const classes = new Map<number, Classification<AbcClass>>();
  // Unranked accounts first, then the ranked ones best first, as the map has always listed them.
  summaries.forEach((summary, i) => { if (inOrder[i]!.class === 'none') classes.set(summary.accountId, inOrder[i]!); });
  for (const i of ranking) classes.set(summaries[i]!.accountId, inOrder[i]!);
  return { classes, ...analysis };
}
