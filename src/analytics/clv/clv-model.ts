// The fitted lifetime-value model of a portfolio: BG/NBD for how many purchases and when,
// Gamma-Gamma for how much each is worth, and the check the Gamma-Gamma model asks for. Plain
// data, so it can be cached, sent between threads and returned by the API as it is.

import { fitPreparedTriples } from './bgnbd-fit.js';
import type { BgnbdParams } from './bgnbd-likelihood.js';
import type { CustomerHistories, DistinctTriples } from './customer-histories.js';
import {
  fitGammaGamma, frequencyMonetaryCorrelation, type FrequencyMonetaryCheck, type GammaGammaParams, type SpendHistory,
} from './gamma-gamma.js';
import type { TimeUnit } from './time-unit.js';

export interface ParameterFit<P> {
  params: P;
  /** Asymptotic standard errors; NaN (null in JSON) where the data cannot pin a parameter down. */
  standardErrors: P;
  logLikelihood: number;
  converged: boolean;
  iterations: number;
}

export interface ClvModel {
  /** The day the histories were read as of (YYYY-MM-DD). */
  asOf: string;
  /** The unit of α, recency, age and waits. */
  unit: TimeUnit;
  /** Customers fitted: accounts with a purchase on or before asOf. */
  customers: number;
  /** Of them, those with at least one repeat purchase. */
  repeatCustomers: number;
  bgnbd: ParameterFit<BgnbdParams> & { distinctHistories: number };
  /**
   * Fitted on the mean value of each repeat customer's repeat purchase days, in cents (so γ is
   * in cents), as in Fader, Hardie & Lee: the first purchase is left out of the mean.
   */
  gammaGamma: ParameterFit<GammaGammaParams> & {
    customers: number;
    /**
     * The expected value of a purchase by a customer without repeat purchases, in cents:
     * p γ / (q − 1), or the mean of the customers' mean values when q ≤ 1 leaves it undefined.
     */
    populationMeanValue: number;
  };
  /** Frequency and spend per purchase should be nearly uncorrelated for the Gamma-Gamma model to hold. */
  frequencyMonetary: FrequencyMonetaryCheck;
}

/** The mean of the customers' positive mean values: the spend model's sample of them. */
function meanOfPositive(spend: readonly SpendHistory[]): number {
  let sum = 0;
  let count = 0;
  for (const { meanValue } of spend) {
    if (meanValue > 0) {
      sum += meanValue;
      count++;
    }
  }
  return sum / count;
}

/**
 * Fits both models on the customers. Throws a RangeError, in words a user can act on, when
 * the histories are too thin: no customer, no repeat purchase, or fewer than two repeat
 * customers with a positive spend.
 */
export function fitClvModel(customers: CustomerHistories, distinct: DistinctTriples): ClvModel {
  const { asOf, unit, x, meanValue } = customers;
  if (x.length === 0) throw new RangeError(`No account has a purchase on or before ${asOf}, so there is nothing to fit.`);
  const spend: SpendHistory[] = [];
  for (let i = 0; i < x.length; i++) if (x[i]! > 0) spend.push({ x: x[i]!, meanValue: meanValue[i]! });
  if (spend.length === 0) {
    throw new RangeError(`None of the ${x.length} accounts with purchases has bought on two different days by ${asOf}; the model needs repeat purchases.`);
  }
  const bgnbd = fitPreparedTriples(distinct.prepared);
  let gammaGamma;
  try {
    gammaGamma = fitGammaGamma(spend);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(`Fewer than two accounts have repeat purchases of positive value by ${asOf}; the spend model needs at least two.`, { cause: error });
  }
  const { p, q, gamma } = gammaGamma.params;
  const populationMeanValue = q > 1 ? (p * gamma) / (q - 1) : meanOfPositive(spend);
  return {
    asOf,
    unit,
    customers: x.length,
    repeatCustomers: spend.length,
    bgnbd: {
      params: bgnbd.params, standardErrors: bgnbd.standardErrors, logLikelihood: bgnbd.logLikelihood,
      converged: bgnbd.converged, iterations: bgnbd.iterations, distinctHistories: bgnbd.distinctTriples,
    },
    gammaGamma: {
      params: gammaGamma.params, standardErrors: gammaGamma.standardErrors, logLikelihood: gammaGamma.logLikelihood,
      converged: gammaGamma.converged, iterations: gammaGamma.iterations, customers: gammaGamma.customers, populationMeanValue,
    },
    frequencyMonetary: frequencyMonetaryCorrelation(spend),
  };
}
