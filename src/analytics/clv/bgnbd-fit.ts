// Maximum-likelihood estimation of the BG/NBD parameters from customers' (x, tx, T).

import { bgnbdPreparedLogLikelihood, type BgnbdParams, type PreparedTriples, prepareTriples } from './bgnbd-likelihood.js';
import { fitPositiveParameters } from './maximum-likelihood.js';
import { compressTriples, type RfmTriple, type WeightedTriple } from './rfm-triples.js';

export interface BgnbdFit {
  params: BgnbdParams;
  /** Asymptotic standard errors; NaN where the information matrix is not positive definite. */
  standardErrors: BgnbdParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Customers (total weight) and distinct triples the fit used. */
  customers: number;
  distinctTriples: number;
}

const toParams = ([r, alpha, a, b]: readonly number[]): BgnbdParams => ({ r: r!, alpha: alpha!, a: a!, b: b! });

/**
 * Fits r, α, a and b. The parameters are in the time unit of the triples: α is a time, so
 * fitting in days instead of weeks multiplies it by 7 and leaves r, a and b unchanged.
 * Throws a RangeError when no customer has a repeat purchase, as the rate cannot be estimated.
 */
export function fitBgnbd(triples: readonly (RfmTriple | WeightedTriple)[]): BgnbdFit {
  return fitPreparedTriples(prepareTriples(compressTriples(triples)));
}

/** fitBgnbd on triples already merged and laid out (customer-histories.ts builds them so from whole days). */
export function fitPreparedTriples(data: PreparedTriples): BgnbdFit {
  let purchases = 0;
  let exposure = 0;
  for (let i = 0; i < data.weight.length; i++) {
    purchases += data.weight[i]! * data.frequencies[data.frequencyIndex[i]!]!;
    exposure += data.weight[i]! * data.times[data.ageIndex[i]!]!;
  }
  if (purchases === 0) throw new RangeError('triples: the BG/NBD fit needs at least one customer with a repeat purchase');

  // Start where the mean purchase rate r/α matches the observed one, with the dropout
  // probability centred on one half; α carries the unit of time.
  const start = [1, exposure / purchases, 1, 1];
  const fit = fitPositiveParameters((values) => {
    const { value, gradient } = bgnbdPreparedLogLikelihood(toParams(values), data);
    return { value, gradient: [gradient.r, gradient.alpha, gradient.a, gradient.b] };
  }, start, data.totalWeight);
  return {
    params: toParams(fit.values),
    standardErrors: toParams(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    customers: data.totalWeight,
    distinctTriples: data.weight.length,
  };
}
