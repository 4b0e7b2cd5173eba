// Sales-volume tiers, relative to the portfolio: an account's revenue over the settings'
// period against thresholds that are either multiples of the mean revenue or quantiles of
// the revenues. Only accounts with revenue in the period are ranked (and set the mean and
// quantiles); the others are `none`. An account exactly on a threshold takes the higher tier.
import { type Cents } from '../../domain/money.js';
import { PERIOD_WORDS, periodRevenue } from './purchase-windows.js';
import type { PortfolioSettings, TierBounds } from './settings.js';
import { mean, quantile, sortedAscending } from './statistics.js';
import type { AccountSummary, Classification } from './types.js';
import { decimal, money, rounded } from './wording.js';

export const VOLUME_TIERS = ['very_high', 'high', 'average', 'low', 'none'] as const;
export type VolumeTier = (typeof VOLUME_TIERS)[number];

export interface VolumeTiers {
  classes: Map<number, Classification<VolumeTier>>;
  method: PortfolioSettings['volumeTier']['method'];
  /** The revenue (cents) from which each tier starts; null when no account has revenue. */
  thresholds: { veryHigh: number; high: number; average: number } | null;
  rankedAccounts: number;
  meanRevenue: number | null;
}

const RANKED = [['very_high', 'veryHigh', 'very high'], ['high', 'high', 'high'], ['average', 'average', 'average']] as const;

export function classifyVolumeTiers(summaries: readonly AccountSummary[], settings: PortfolioSettings): VolumeTiers {
  const { method } = settings.volumeTier;
  const period = settings.revenuePeriod;
  const revenues = summaries.map((summary) => periodRevenue(summary, period));
  const ranked = sortedAscending(revenues.filter((revenue) => revenue > 0));
  const meanRevenue = mean(ranked);
  const bounds: TierBounds = settings.volumeTier[method];
  const threshold = (key: keyof TierBounds) =>
    method === 'meanMultiples' ? meanRevenue! * bounds[key] : quantile(ranked, bounds[key])!;
  const thresholds = ranked.length === 0 ? null
    : { veryHigh: threshold('veryHigh'), high: threshold('high'), average: threshold('average') };
  const describe = (key: keyof TierBounds) => (method === 'meanMultiples'
    ? `${decimal(bounds[key])}× the mean revenue (${money(thresholds![key])})`
    : `the ${decimal(bounds[key] * 100)}th percentile of revenues (${money(thresholds![key])})`);

  const classes = new Map<number, Classification<VolumeTier>>();
  summaries.forEach((summary, index) => {
    const revenue = revenues[index]! as Cents;
    const figures = {
      revenue, period, method, meanRevenue: rounded(meanRevenue, 2), rankedAccounts: ranked.length,
      veryHighFrom: rounded(thresholds?.veryHigh ?? null, 2), highFrom: rounded(thresholds?.high ?? null, 2),
      averageFrom: rounded(thresholds?.average ?? null, 2),
    };
    const said = `Revenue ${PERIOD_WORDS[period]} of ${money(revenue)}`;
    if (revenue <= 0 || !thresholds) {
      classes.set(summary.accountId, { class: 'none', rule: `No revenue ${PERIOD_WORDS[period]}, so not ranked.`, figures });
      return;
    }
    const reached = RANKED.findIndex(([, key]) => revenue >= thresholds[key]);
    if (reached === -1) {
      classes.set(summary.accountId, { class: 'low', rule: `${said} is below ${describe('average')}: low.`, figures });
      return;
    }
    const [tier, key, words] = RANKED[reached]!;
    const ceiling = reached === 0 ? '' : ` and below ${describe(RANKED[reached - 1]![1])}`;
    classes.set(summary.accountId, { class: tier, rule: `${said} is at least ${describe(key)}${ceiling}: ${words}.`, figures });
  });
  return { classes, method, thresholds, rankedAccounts: ranked.length, meanRevenue };
}
