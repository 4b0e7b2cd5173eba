// The settings of every portfolio rule, with the defaults a new portfolio starts from.
// Each rule reads its own section, and its results quote the values it used.
import { ClienteleError } from '../errors.js';

/** The revenue the sales-volume tiers, ABC classes, sections and team figures rank on. */
export const REVENUE_PERIODS = ['last12Months', 'lifetime'] as const;
export type RevenuePeriod = (typeof REVENUE_PERIODS)[number];

export const VOLUME_TIER_METHODS = ['meanMultiples', 'quantiles'] as const;
export type VolumeTierMethod = (typeof VOLUME_TIER_METHODS)[number];

/** Lower bounds of the three upper tiers; below `average` an account is `low`. */
export interface TierBounds {
  veryHigh: number;
  high: number;
  average: number;
}

export interface PortfolioSettings {
  revenuePeriod: RevenuePeriod;
  status: {
    /** A purchase within this many days (the as-of day included) makes an account active. */
    activeWindowDays: number;
    /** A never-buying account is probable when at least this share of active customers... */
    probableMinShare: number;
    /** ...and at least this many of them share its segment, sector and size. */
    probableMinCustomers: number;
  };
  volumeTier: {
    method: VolumeTierMethod;
    /** Multiples of the mean revenue of the accounts with revenue. */
    meanMultiples: TierBounds;
    /** Quantiles (0 to 1) of the revenue of the accounts with revenue. */
    quantiles: TierBounds;
  };
  frequency: {
    frequentMaxGapDays: number;
    regularMaxGapDays: number;
  };
  abc: {
    /** Accounts are A while the revenue of the accounts ranked above them is below this share. */
    aMaxShare: number;
    bMaxShare: number;
    /** The top share of accounts whose revenue share is reported (the "20" of 80/20). */
    topAccountShare: number;
    /** The Pareto chart keeps at most this many points, evenly spread over the accounts. */
    chartMaxPoints: number;
  };
  growth: {
    /** The peers' revenue quantile an account is measured against (0.5: the median peer). */
    peerQuantile: number;
    /** Fewest peers for a comparison; with fewer, the peer group widens. */
    minPeers: number;
  };
  inactive: {
    /** Weights of the worth-recovering score; they need not add up to 1. */
    weights: { revenue: number; frequency: number; recency: number };
    /** An account lost this many days after its active window scores nothing for recency. */
    lostAfterDays: number;
    notesShown: number;
  };
  churn: {
    /** Overdue when the days since the last purchase exceed this multiple of the median gap. */
    overdueGapMultiple: number;
    minGapsForOverdue: number;
    /** The last n purchases are compared with the n before them. */
    valueTrendPurchases: number;
    /** Drops beyond these shares raise a signal. */
    valueDropShare: number;
    revenueDropShare: number;
    frequencyDropShare: number;
    /** Fewest purchases in the previous 12 months for a frequency drop to mean anything. */
    minPreviousPurchases: number;
    /** A valuable account (ABC class A or B) whose probability of being alive (BG/NBD) falls below this raises a signal. */
    aliveBelow: number;
  };
  team: {
    /** Fewest accounts behind a rate before a rep can be named best at it. */
    minSample: number;
  };
}

export const DEFAULT_PORTFOLIO_SETTINGS: PortfolioSettings = {
  revenuePeriod: 'last12Months',
  status: { activeWindowDays: 365, probableMinShare: 0.02, probableMinCustomers: 3 },
  volumeTier: {
    method: 'meanMultiples',
    meanMultiples: { veryHigh: 3, high: 1.5, average: 0.5 },
    quantiles: { veryHigh: 0.9, high: 0.7, average: 0.3 },
  },
  frequency: { frequentMaxGapDays: 30, regularMaxGapDays: 90 },
  abc: { aMaxShare: 0.8, bMaxShare: 0.95, topAccountShare: 0.2, chartMaxPoints: 101 },
  growth: { peerQuantile: 0.5, minPeers: 5 },
  inactive: { weights: { revenue: 0.5, frequency: 0.25, recency: 0.25 }, lostAfterDays: 1095, notesShown: 3 },
  churn: {
    overdueGapMultiple: 2,
    minGapsForOverdue: 2,
    valueTrendPurchases: 3,
    valueDropShare: 0.3,
    revenueDropShare: 0.3,
    frequencyDropShare: 0.3,
    minPreviousPurchases: 2,
    aliveBelow: 0.5,
  },
  team: { minSample: 5 },
};

export type PortfolioSettingsInput = {
  [S in keyof PortfolioSettings]?: PortfolioSettings[S] extends object
    ? { [K in keyof PortfolioSettings[S]]?: PortfolioSettings[S][K] extends object ? Partial<PortfolioSettings[S][K]> : PortfolioSettings[S][K] }
    : PortfolioSettings[S];
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = merge(base[key], value);
  return merged;
}

function invalid(field: string, message: string): never {
  throw new ClienteleError('invalid', `${field} ${message}`, field);
}

function checkShare(field: string, value: number, allowOne = true) {
  if (!(value > 0 && (allowOne ? value <= 1 : value < 1))) invalid(field, `must be a share above 0 and ${allowOne ? 'at most' : 'below'} 1.`);
}

function checkPositive(field: string, value: number, whole = false) {
  if (!(value > 0) || !Number.isFinite(value) || (whole && !Number.isInteger(value))) {
    invalid(field, `must be a positive ${whole ? 'whole number' : 'number'}.`);
  }
}

function checkDescending(field: string, bounds: TierBounds) {
  if (!(bounds.veryHigh > bounds.high && bounds.high > bounds.average)) {
    invalid(field, 'must have veryHigh above high above average.');
  }
}

/** Fills what the input leaves out with the defaults, and refuses settings no rule can apply. */
export function resolvePortfolioSettings(input: PortfolioSettingsInput = {}): PortfolioSettings {
  const s = merge(DEFAULT_PORTFOLIO_SETTINGS, input) as PortfolioSettings;
  if (!REVENUE_PERIODS.includes(s.revenuePeriod)) invalid('revenuePeriod', `must be one of ${REVENUE_PERIODS.join(', ')}.`);
  checkPositive('status.activeWindowDays', s.status.activeWindowDays, true);
  checkShare('status.probableMinShare', s.status.probableMinShare);
  checkPositive('status.probableMinCustomers', s.status.probableMinCustomers, true);
  if (!VOLUME_TIER_METHODS.includes(s.volumeTier.method)) invalid('volumeTier.method', `must be one of ${VOLUME_TIER_METHODS.join(', ')}.`);
  checkDescending('volumeTier.meanMultiples', s.volumeTier.meanMultiples);
  checkPositive('volumeTier.meanMultiples.average', s.volumeTier.meanMultiples.average);
  checkDescending('volumeTier.quantiles', s.volumeTier.quantiles);
  checkShare('volumeTier.quantiles.average', s.volumeTier.quantiles.average, false);
  checkShare('volumeTier.quantiles.veryHigh', s.volumeTier.quantiles.veryHigh, false);
  checkPositive('frequency.frequentMaxGapDays', s.frequency.frequentMaxGapDays);
  if (!(s.frequency.regularMaxGapDays > s.frequency.frequentMaxGapDays)) {
    invalid('frequency.regularMaxGapDays', 'must be above frequency.frequentMaxGapDays.');
  }
  checkShare('abc.aMaxShare', s.abc.aMaxShare, false);
  checkShare('abc.bMaxShare', s.abc.bMaxShare);
  if (!(s.abc.bMaxShare > s.abc.aMaxShare)) invalid('abc.bMaxShare', 'must be above abc.aMaxShare.');
  checkShare('abc.topAccountShare', s.abc.topAccountShare);
  if (!(Number.isInteger(s.abc.chartMaxPoints) && s.abc.chartMaxPoints >= 2)) invalid('abc.chartMaxPoints', 'must be a whole number of at least 2.');
  checkShare('growth.peerQuantile', s.growth.peerQuantile);
  checkPositive('growth.minPeers', s.growth.minPeers, true);
  const { weights } = s.inactive;
  for (const key of ['revenue', 'frequency', 'recency'] as const) {
    if (!(weights[key] >= 0)) invalid(`inactive.weights.${key}`, 'must be zero or more.');
  }
  if (!(weights.revenue + weights.frequency + weights.recency > 0)) invalid('inactive.weights', 'must not all be zero.');
  checkPositive('inactive.lostAfterDays', s.inactive.lostAfterDays, true);
  if (!(Number.isInteger(s.inactive.notesShown) && s.inactive.notesShown >= 0)) invalid('inactive.notesShown', 'must be a whole number, 0 or more.');
  if (!(s.churn.overdueGapMultiple > 1)) invalid('churn.overdueGapMultiple', 'must be above 1.');
  checkPositive('churn.minGapsForOverdue', s.churn.minGapsForOverdue, true);
  checkPositive('churn.valueTrendPurchases', s.churn.valueTrendPurchases, true);
  checkShare('churn.valueDropShare', s.churn.valueDropShare, false);
  checkShare('churn.revenueDropShare', s.churn.revenueDropShare, false);
  checkShare('churn.frequencyDropShare', s.churn.frequencyDropShare, false);
  checkPositive('churn.minPreviousPurchases', s.churn.minPreviousPurchases, true);
  checkShare('churn.aliveBelow', s.churn.aliveBelow, false);
  checkPositive('team.minSample', s.team.minSample, true);
  return s;
}
