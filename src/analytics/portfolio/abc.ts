// ABC (Pareto) classes: accounts ranked by revenue over the settings' period, largest first
// (ties by account id, so the ranking is stable). An account's class follows the share of
// revenue held by the accounts ranked above it: A while that is below aMaxShare (80 %), B
// while below bMaxShare (95 %), C after. So the account that crosses 80 % is still A, and
// the A accounts hold at most 80 % plus the share of the last of them. Accounts with no
// revenue in the period are not ranked (class `none`).
//
// The value class of an account (classifyValueInOrder) is its ABC class as above; but an
// inactive account (it bought before, not within the active window) with no revenue in the
// period, which that ranking cannot place, is ranked among those accounts only, with the same
// cut-offs, on its revenue over the period ending on its own last purchase day: over the last
// 12 months, the 365 days ending on it (its last active year: what it was worth while it
// bought); over the lifetime, its lifetime revenue (so that case never arises). An inactive
// account with no revenue there either stays `none`. The two rankings never share an account:
// the first alone is the portfolio's Pareto chart and ABC figures, the second has its own.
// So with the default rules (last 12 months, a 365-day active window) "class A and inactive"
// is the few quiet accounts that brought 80 % of what the quiet accounts brought in their last
// active year: the recovery list (docs/inactive-value-class.md).
import { type AbcClass, RANKED_CLASSES, type RankedClass } from '../../domain/portfolio/classes.js';
import { type Cents, cents } from '../../domain/money.js';
import { LAST_ACTIVE_WORDS, PERIOD_WORDS, lastActiveRevenue, periodRevenue } from './purchase-windows.js';
import type { PortfolioSettings, RevenuePeriod } from '../../domain/portfolio/settings.js';
import { gini } from './statistics.js';
import type { AccountSummary, Classification, Figures } from '../../domain/portfolio/facts.js';
import { percent, rounded } from './wording.js';


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

/** How one ranking words its classes. */
export interface RankingWords {
  revenueOf(summary: AccountSummary): number;
  notRanked(summary: AccountSummary, revenue: number): Classification<AbcClass>;
  ranked(summary: AccountSummary, rank: number, of: number, shareAbove: number, reason: string, abc: RankedClass): string;
  figures(summary: AccountSummary): Figures;
}

function periodWords(settings: PortfolioSettings): RankingWords {
  const period = settings.revenuePeriod;
  const words = PERIOD_WORDS[period];
  const notRanked = `No revenue ${words}, so not ranked.`;
  return {
    revenueOf: (summary) => periodRevenue(summary, period),
    notRanked: (_, revenue) => ({ class: 'none', rule: notRanked, figures: { revenue, period } }),
    ranked: (_, rank, of, above, reason, abc) =>
      `Ranked ${rank} of ${of} by revenue ${words}; the accounts ranked above it hold ${percent(above, 1)} of revenue, ${reason}: ${abc}.`,
    figures: () => ({ period }),
  };
}

function inactiveWords(settings: PortfolioSettings): RankingWords {
  const period = settings.revenuePeriod;
  const words = LAST_ACTIVE_WORDS[period];
  return {
    revenueOf: (summary) => lastActiveRevenue(summary, period),
    notRanked: (summary, revenue) => ({
      class: 'none', rule: `Inactive, with no revenue ${words}, so not ranked.`,
      figures: { revenue, period, ranking: 'inactive', lastPurchase: summary.lastPurchase },
    }),
    ranked: (_, rank, of, above, reason, abc) =>
      `Inactive: ranked ${rank} of ${of} inactive accounts by revenue ${words}; the inactive accounts ranked above it `
      + `hold ${percent(above, 1)} of that revenue, ${reason}: ${abc}.`,
    figures: (summary) => ({ period, ranking: 'inactive', lastPurchase: summary.lastPurchase }),
  };
}

/** The words of the ranking on period revenue, or of the inactive accounts' own ranking (see the rule at the top). */
export const rankingWords = (settings: PortfolioSettings, inactive: boolean): RankingWords =>
  (inactive ? inactiveWords(settings) : periodWords(settings));

/** Why each ranked class, in words. */
function classReasons({ aMaxShare, bMaxShare }: PortfolioSettings['abc']): Record<RankedClass, string> {
  return {
    A: `under ${percent(aMaxShare)}`,
    B: `at least ${percent(aMaxShare)} and under ${percent(bMaxShare)}`,
    C: `at least ${percent(bMaxShare)}`,
  };
}

/**
 * The class of the account ranked `rank` of `of` with `revenue`, the accounts above it holding
 * `revenueAbove` of `total`: rankAbc's cut and its explanation. A run keeps the rank and the
 * revenue above, so the explanation can be given again when the account is read.
 */
export function rankedValueClass(words: RankingWords, summary: AccountSummary, rank: number, of: number, revenue: number,
  revenueAbove: number, total: number, settings: PortfolioSettings, reasons = classReasons(settings.abc)): Classification<AbcClass> {
  const { aMaxShare, bMaxShare } = settings.abc;
  const before = revenueAbove / total;
  const after = (revenueAbove + revenue) / total;
  const abc = RANKED_CLASSES[before < aMaxShare ? 0 : before < bMaxShare ? 1 : 2]!;
  return {
    class: abc,
    rule: words.ranked(summary, rank, of, before, reasons[abc], abc),
    figures: {
      rank, rankedAccounts: of, revenue, ...words.figures(summary),
      revenueShare: rounded(revenue / total, 6), shareAbove: rounded(before, 6), cumulativeShare: rounded(after, 6),
      aMaxShare, bMaxShare,
    },
  };
}

/**
 * Ranks the summaries at `at` (positions into `summaries`) and writes each one's class into
 * `classes`; returns the ranking (positions, best first) and its figures.
 */
function rankInto(summaries: readonly AccountSummary[], at: readonly number[], words: RankingWords, settings: PortfolioSettings,
  classes: Classification<AbcClass>[]): { analysis: Omit<AbcAnalysis, 'classes'>; ranking: Int32Array } {
  const ranked: number[] = [];
  const revenueOf: number[] = [];
  const idOf: number[] = [];
  for (const i of at) {
    const summary = summaries[i]!;
    const revenue = words.revenueOf(summary);
    if (revenue > 0) {
      ranked.push(i);
      revenueOf.push(revenue);
      idOf.push(summary.accountId);
    } else {
      classes[i] = words.notRanked(summary, revenue);
    }
  }
  const n = ranked.length;
  const { order, ranked: revenues, cumulative, analysis } = rankAbc(Float64Array.from(revenueOf), Float64Array.from(idOf), settings);
  const ranking = new Int32Array(n);
  for (let i = 0; i < n; i++) ranking[i] = ranked[order[i]!]!;
  const total = cumulative[n]!;
  const reasons = classReasons(settings.abc);
  for (let i = 0; i < n; i++) {
    classes[ranking[i]!] = rankedValueClass(words, summaries[ranking[i]!]!, i + 1, n, revenues[i]!, cumulative[i]!, total, settings, reasons);
  }
  return { analysis, ranking };
}

/** The ABC classes of the summaries in their order, the portfolio's figures, and the ranking (indices into the summaries, best first). */
export function classifyAbcInOrder(summaries: readonly AccountSummary[], settings: PortfolioSettings): {
  classes: Classification<AbcClass>[]; analysis: Omit<AbcAnalysis, 'classes'>; ranking: Int32Array;
} {
  const classes = new Array<Classification<AbcClass>>(summaries.length);
  const { analysis, ranking } = rankInto(summaries, summaries.map((_, i) => i), periodWords(settings), settings, classes);
  return { classes, ranking, analysis };
}

export interface ValueClasses {
  /** Each account's value class, in the summaries' order. */
  classes: Classification<AbcClass>[];
  /** The ranking on revenue in the period: the portfolio's Pareto chart and ABC figures. */
  analysis: Omit<AbcAnalysis, 'classes'>;
  /** The ranking of the inactive accounts without revenue in the period, on their last active period. */
  inactiveAnalysis: Omit<AbcAnalysis, 'classes'>;
}

/** Whether the value class ranks an account among the inactive accounts (see the rule at the top). */
export const ranksAsInactive = (inactive: boolean, periodRevenue: number) => inactive && !(periodRevenue > 0);

/** The value class of every account (see the rule at the top): `inactive[i]` says whether summaries[i] is inactive. */
export function classifyValueInOrder(summaries: readonly AccountSummary[], inactive: ArrayLike<boolean>, settings: PortfolioSettings): ValueClasses {
  const classes = new Array<Classification<AbcClass>>(summaries.length);
  const { analysis } = rankInto(summaries, summaries.map((_, i) => i), periodWords(settings), settings, classes);
  const quiet: number[] = [];
  summaries.forEach((summary, i) => { if (ranksAsInactive(inactive[i]!, periodRevenue(summary, settings.revenuePeriod))) quiet.push(i); });
  const { analysis: inactiveAnalysis } = rankInto(summaries, quiet, inactiveWords(settings), settings, classes);
  return { classes, analysis, inactiveAnalysis };
}

export function classifyAbc(summaries: readonly AccountSummary[], settings: PortfolioSettings): AbcAnalysis {
  const { classes: inOrder, analysis, ranking } = classifyAbcInOrder(summaries, settings);
  const classes = new Map<number, Classification<AbcClass>>();
  // Unranked accounts first, then the ranked ones best first, as the map has always listed them.
  summaries.forEach((summary, i) => { if (inOrder[i]!.class === 'none') classes.set(summary.accountId, inOrder[i]!); });
  for (const i of ranking) classes.set(summaries[i]!.accountId, inOrder[i]!);
  return { classes, ...analysis };
}

/** The revenue an account's class ranks on (the period's, or a quiet account's last active year), in cents; null without one. */
export function abcValue(abc: Classification<AbcClass>): number | null {
  const { revenue } = abc.figures;
  return typeof revenue === 'number' ? Math.round(revenue) : null;
}
