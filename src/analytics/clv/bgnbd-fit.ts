// Maximum-likelihood estimation of the BG/NBD parameters from customers' (x, tx, T).

import { bgnbdLogLikelihoodWithGradient, type BgnbdParams } from './bgnbd-likelihood.js';
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
  const data = compressTriples(triples);
  let customers = 0;
  let purchases = 0;
  let exposure = 0;
  for (const { x, T, weight } of data) {
    customers += weight;
    purchases += weight * x;
    exposure += weight * T;
  }
  if (purchases === 0) throw new RangeError('triples: the BG/NBD fit needs at least one customer with a repeat purchase');

  // Start where the mean purchase rate r/α matches the observed one, with the dropout
  // probability centred on one half; α carries the unit of time.
  const start = [1, exposure / purchases, 1, 1];
  const fit = fitPositiveParameters((values) => {
    const { value, gradient } = bgnbdLogLikelihoodWithGradient(toParams(values), data);
    return { value, gradient: [gradient.r, gradient.alpha, gradient.a, gradient.b] };
  }, start, customers);
  return {
    params: toParams(fit.values),
    standardErrors: toParams(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    customers,
    distinctTriples: data.length,
  };
}
