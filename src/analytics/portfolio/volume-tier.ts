// Sales-volume tiers, relative to the portfolio: an account's revenue over the settings'
// period against thresholds that are either multiples of the mean revenue or quantiles of
// the revenues. Only accounts with revenue in the period are ranked (and set the mean and
// quantiles); the others are `none`. An account exactly on a threshold takes the higher tier.
import { VOLUME_TIERS, type VolumeTier } from '../../domain/portfolio/classes.js';
import { type Cents } from '../../domain/money.js';
import { PERIOD_WORDS, periodRevenue } from './purchase-windows.js';
import type { PortfolioSettings, TierBounds } from '../../domain/portfolio/settings.js';
import { quantile, sortedNumbers } from './statistics.js';
import type { AccountSummary, Classification } from '../../domain/portfolio/facts.js';
import { decimal, money, rounded } from './wording.js';

export interface VolumeTiers {
  classes: Map<number, Classification<VolumeTier>>;
  method: PortfolioSettings['volumeTier']['method'];
  /** The revenue (cents) from which each tier starts; null when no account has revenue. */
  thresholds: TierThresholds | null;
  rankedAccounts: number;
  meanRevenue: number | null;
}

export type TierThresholds = { veryHigh: number; high: number; average: number };

/** The revenue each tier starts from, given the revenues above zero sorted ascending. */
export function tierThresholds(ranked: Float64Array, settings: PortfolioSettings): { meanRevenue: number | null; thresholds: TierThresholds | null } {
  const { method } = settings.volumeTier;
  let total = 0;
  for (let i = 0; i < ranked.length; i++) total += ranked[i]!;
  const meanRevenue = ranked.length === 0 ? null : total / ranked.length;
  const bounds: TierBounds = settings.volumeTier[method];
  const threshold = (key: keyof TierBounds) =>
    method === 'meanMultiples' ? meanRevenue! * bounds[key] : quantile(ranked, bounds[key])!;
  const thresholds = ranked.length === 0 ? null
    : { veryHigh: threshold('veryHigh'), high: threshold('high'), average: threshold('average') };
  return { meanRevenue, thresholds };
}

/** The class index (into VOLUME_TIERS) of a revenue against the thresholds. */
export function tierOf(revenue: number, thresholds: TierThresholds | null): number {
  if (revenue <= 0 || !thresholds) return 4;
  return revenue >= thresholds.veryHigh ? 0 : revenue >= thresholds.high ? 1 : revenue >= thresholds.average ? 2 : 3;
}

/**
 * Words one account's tier against the portfolio's figures (the mean, the thresholds and how
 * many accounts were ranked): what the run keeps, so the explanation can be given when read.
 */
export function tierExplainer(analysis: Omit<VolumeTiers, 'classes'>, settings: PortfolioSettings): (revenue: Cents) => Classification<VolumeTier> {
  const { method, thresholds, meanRevenue, rankedAccounts } = analysis;
  const period = settings.revenuePeriod;
  const bounds: TierBounds = settings.volumeTier[method];
  const describe = (key: keyof TierBounds) => (method === 'meanMultiples'
    ? `${decimal(bounds[key])}× the mean revenue (${money(thresholds![key])})`
    : `the ${decimal(bounds[key] * 100)}th percentile of revenues (${money(thresholds![key])})`);
  // Everything but the revenue is the same for every account: worked out once.
  const shared = {
    meanRevenue: rounded(meanRevenue, 2), veryHighFrom: rounded(thresholds?.veryHigh ?? null, 2),
    highFrom: rounded(thresholds?.high ?? null, 2), averageFrom: rounded(thresholds?.average ?? null, 2),
  };
  const rules = thresholds && {
    low: ` is below ${describe('average')}: low.`,
    very_high: ` is at least ${describe('veryHigh')}: very high.`,
    high: ` is at least ${describe('high')} and below ${describe('veryHigh')}: high.`,
    average: ` is at least ${describe('average')} and below ${describe('high')}: average.`,
  };
  const notRanked = `No revenue ${PERIOD_WORDS[period]}, so not ranked.`;
  return (revenue) => {
    const figures = {
      revenue, period, method, meanRevenue: shared.meanRevenue, rankedAccounts,
      veryHighFrom: shared.veryHighFrom, highFrom: shared.highFrom, averageFrom: shared.averageFrom,
    };
    if (revenue <= 0 || !thresholds || !rules) return { class: 'none', rule: notRanked, figures };
    const tier = VOLUME_TIERS[tierOf(revenue, thresholds)] as Exclude<VolumeTier, 'none'>;
    return { class: tier, rule: `Revenue ${PERIOD_WORDS[period]} of ${money(revenue)}${rules[tier]}`, figures };
  };
}

/** The tiers of the summaries in their order, and the portfolio's thresholds. */
export function classifyVolumeTiersInOrder(summaries: readonly AccountSummary[], settings: PortfolioSettings): {
  classes: Classification<VolumeTier>[]; analysis: Omit<VolumeTiers, 'classes'>;
} {
  const { method } = settings.volumeTier;
  const period = settings.revenuePeriod;
  const revenues = summaries.map((summary) => periodRevenue(summary, period));
  const ranked = sortedNumbers(revenues.filter((revenue) => revenue > 0));
  const { meanRevenue, thresholds } = tierThresholds(ranked, settings);
  const analysis = { method, thresholds, rankedAccounts: ranked.length, meanRevenue };
  const explain = tierExplainer(analysis, settings);
  return { classes: revenues.map((revenue) => explain(revenue as Cents)), analysis };
}

export function classifyVolumeTiers(summaries: readonly AccountSummary[], settings: PortfolioSettings): VolumeTiers {
  const { classes: inOrder, analysis } = classifyVolumeTiersInOrder(summaries, settings);
  const classes = new Map<number, Classification<VolumeTier>>();
  summaries.forEach((summary, i) => classes.set(summary.accountId, inOrder[i]!));
  return { classes, ...analysis };
}
