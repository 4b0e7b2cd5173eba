// Customer lifetime value: the discounted expected value of a customer's future purchases over
// a horizon, from the BG/NBD model (how many) and the Gamma-Gamma model (worth how much each).

import type { BgnbdParams } from './bgnbd-likelihood.js';
import { posteriorParams, expectedPurchases, probabilityAlive } from './bgnbd-predictions.js';
import { conditionalExpectedValue, type GammaGammaParams } from './gamma-gamma.js';
import type { RfmTriple } from './rfm-triples.js';
import { DAYS_PER_MONTH, DAYS_PER_UNIT, type TimeUnit } from './time-unit.js';

export interface ClvSettings {
  bgnbd: BgnbdParams;
  gammaGamma: GammaGammaParams;
  /** Whole months ahead. */
  horizonMonths: number;
  /** The time unit the BG/NBD model was fitted in. */
  unit: TimeUnit;
  /** Annual discount rate, 0.1 for 10 %. */
  discountRatePerYear: number;
}

export interface ClvCustomer {
  /** The customer's history in the model's time unit. */
  triple: RfmTriple;
  /** Mean value of the customer's repeat purchases (ignored when x = 0); the result is in its currency unit. */
  meanValue: number;
}

export type ClvInput = ClvSettings & ClvCustomer;

/** What an alive customer is expected to buy over the horizon, discounted and not. */
export interface PurchasesIfAlive {
  discounted: number;
  undiscounted: number;
}

/** Throws a RangeError naming the setting that cannot be used. */
export function checkHorizon({ horizonMonths, discountRatePerYear }: Pick<ClvSettings, 'horizonMonths' | 'discountRatePerYear'>): void {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0) throw new RangeError(`horizonMonths must be a whole number of months, got ${horizonMonths}`);
  if (!(discountRatePerYear > -1)) throw new RangeError(`discountRatePerYear must be above −100 %, got ${discountRatePerYear}`);
}

/**
 * The purchases over the horizon of a customer who is alive now and described by `posterior`
 * (posteriorParams of their history). It depends on x and T only, not on tx, so customers who
 * differ only in recency share it; the settings are not checked here (see checkHorizon).
 */
export function purchasesIfAlive(settings: Omit<ClvSettings, 'bgnbd' | 'gammaGamma'>, posterior: BgnbdParams): PurchasesIfAlive {
  const { horizonMonths, unit, discountRatePerYear } = settings;
  const month = DAYS_PER_MONTH / DAYS_PER_UNIT[unit];
  const logDiscountPerMonth = Math.log1p(discountRatePerYear) / 12;
  let discounted = 0;
  let previous = 0;
  for (let m = 1; m <= horizonMonths; m++) {
    const cumulative = expectedPurchases(posterior, m * month);
    discounted += (cumulative - previous) * Math.exp(-m * logDiscountPerMonth);
    previous = cumulative;
  }
  return { discounted, undiscounted: previous };
}

/**
 * The discounted expected number of purchases over the horizon:
 * Σ over months m = 1…horizon of (E[Y(m)] − E[Y(m−1)]) / (1 + d)^(m/12), each month's expected
 * purchases discounted from the end of that month. This is the monthly discrete version of the
 * discounted expected residual transactions of Fader, Hardie & Lee, and the same scheme as
 * lifetimes' customer_lifetime_value.
 */
export function discountedExpectedPurchases(settings: ClvSettings, triple: RfmTriple): number {
  checkHorizon(settings);
  const alive = probabilityAlive(settings.bgnbd, triple);
  if (alive === 0) return 0;
  return alive * purchasesIfAlive(settings, posteriorParams(settings.bgnbd, triple)).discounted;
}

/** The customer's lifetime value: discounted expected purchases times the Gamma-Gamma expected value of each. */
export function customerLifetimeValue(input: ClvInput): number {
  const value = conditionalExpectedValue(input.gammaGamma, { x: input.triple.x, meanValue: input.meanValue });
  const purchases = discountedExpectedPurchases(input, input.triple);
  return purchases === 0 ? 0 : purchases * value;
}

export interface PortfolioClv {
  total: number;
  /** One value per customer, in input order. */
  values: number[];
}

/** The lifetime value of each customer and of the whole portfolio. */
export function portfolioClv(settings: ClvSettings, customers: readonly ClvCustomer[]): PortfolioClv {
  // Customers with the same history share their discounted purchases (most customers without
  // a repeat purchase differ only in age), so each distinct triple is computed once.
  const purchasesByTriple = new Map<string, number>();
  const values = customers.map(({ triple, meanValue }) => {
    const key = `${triple.x}|${triple.tx}|${triple.T}`;
    let purchases = purchasesByTriple.get(key);
    if (purchases === undefined) {
      purchases = discountedExpectedPurchases(settings, triple);
      purchasesByTriple.set(key, purchases);
    }
    return purchases === 0 ? 0 : purchases * conditionalExpectedValue(settings.gammaGamma, { x: triple.x, meanValue });
  });
  return { total: values.reduce((sum, v) => sum + v, 0), values };
}
