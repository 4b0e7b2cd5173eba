// The settings of the cross-sell and up-sell rules, with their defaults. Each result quotes
// the figures it rests on, so a setting's effect can be read in the reasons.
import { ClienteleError } from '../../domain/errors.js';

export interface RecommendSettings {
  /** A pair counts when at least this share of the accounts bought both (its support)... */
  minSupport: number;
  /** ...and at least this many accounts, so a reason never rests on one or two accounts. */
  minAccounts: number;
  /** A rule X → Y is listed when at least this share of the buyers of X also bought Y. */
  minConfidence: number;
  /**
   * Pairs are counted among at most this many products per account (those it bought most
   * often), so a few accounts that bought half the catalogue cannot make the count quadratic.
   */
  maxBasketSize: number;
  /** Similar products kept per product for the suggestions. */
  neighbours: number;
  upsell: {
    /** Flagged when the spend in a category is below this share of the alike accounts' median. */
    belowShare: number;
    /** Fewest alike accounts for a comparison; with fewer, the peer group widens. */
    minPeers: number;
  };
}

export const DEFAULT_RECOMMEND_SETTINGS: RecommendSettings = {
  minSupport: 0.001,
  minAccounts: 3,
  minConfidence: 0.1,
  maxBasketSize: 60,
  neighbours: 20,
  upsell: { belowShare: 0.5, minPeers: 5 },
};

export type RecommendSettingsInput = Partial<Omit<RecommendSettings, 'upsell'>> & { upsell?: Partial<RecommendSettings['upsell']> };

function invalid(field: string, message: string): never {
  throw new ClienteleError('invalid', `${field} ${message}`, field);
}

function checkShare(field: string, value: number, allowZero: boolean) {
  if (!(allowZero ? value >= 0 : value > 0) || !(value <= 1)) invalid(field, `must be a share from ${allowZero ? 0 : 'above 0'} to 1.`);
}

function checkWhole(field: string, value: number, least: number) {
  if (!Number.isInteger(value) || value < least) invalid(field, `must be a whole number from ${least}.`);
}

/** Fills what the input leaves out with the defaults, and refuses settings no rule can apply. */
export function resolveRecommendSettings(input: RecommendSettingsInput = {}): RecommendSettings {
  const s: RecommendSettings = {
    ...DEFAULT_RECOMMEND_SETTINGS,
    ...input,
    upsell: { ...DEFAULT_RECOMMEND_SETTINGS.upsell, ...input.upsell },
  };
  checkShare('minSupport', s.minSupport, true);
  checkWhole('minAccounts', s.minAccounts, 1);
  checkShare('minConfidence', s.minConfidence, true);
  checkWhole('maxBasketSize', s.maxBasketSize, 2);
  checkWhole('neighbours', s.neighbours, 1);
  checkShare('upsell.belowShare', s.upsell.belowShare, false);
  checkWhole('upsell.minPeers', s.upsell.minPeers, 1);
  return s;
}
