// The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV:
// Using Iso-Value Curves for Customer Base Analysis"; Fader & Hardie 2013, "The Gamma-Gamma
// Model of Monetary Value"). Each transaction of a customer is worth z ~ Gamma(p, ν), and ν
// varies across customers as Gamma(q, γ). The model needs spend to be independent of purchase
// frequency, which frequencyMonetaryCorrelation checks.

import { pearsonCorrelation } from './correlation.js';
import { fitPositiveParameters } from './maximum-likelihood.js';
import { digamma, logGamma } from './special-functions.js';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A customer's number of repeat purchases and the mean value of those purchases. */
export interface SpendHistory {
  x: number;
  meanValue: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  standardErrors: GammaGammaParams;
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  /** Customers used: those with at least one repeat purchase of positive mean value. */
  customers: number;
}

const toParams = ([p, q, gamma]: readonly number[]): GammaGammaParams => ({ p: p!, q: q!, gamma: gamma! });

/** Customers without repeat purchases say nothing about spend per repeat purchase, and a mean of zero has no density. */
const usable = (customer: SpendHistory) => customer.x >= 1 && customer.meanValue > 0;

/**
 * Customers' spend laid out for repeated evaluation: the gamma functions depend on x only, so
 * they are taken once per distinct x, and the sums that do not depend on the parameters are
 * taken once. Only ln(γ + x z̄) is left to compute per customer.
 */
interface PreparedSpend {
  count: number;
  /** x and x·z̄ per customer. */
  x: Float64Array;
  total: Float64Array;
  frequencies: number[];
  frequencyCounts: number[];
  sumLogMean: number;
  sumXLogMean: number;
  sumXLogX: number;
}

function prepareSpend(customers: readonly SpendHistory[]): PreparedSpend {
  const count = customers.length;
  const x = new Float64Array(count);
  const total = new Float64Array(count);
  const countOf = new Map<number, number>();
  let sumLogMean = 0;
  let sumXLogMean = 0;
  let sumXLogX = 0;
  customers.forEach((customer, i) => {
    const logMean = Math.log(customer.meanValue);
    x[i] = customer.x;
    total[i] = customer.x * customer.meanValue;
    countOf.set(customer.x, (countOf.get(customer.x) ?? 0) + 1);
    sumLogMean += logMean;
    sumXLogMean += customer.x * logMean;
    sumXLogX += customer.x * Math.log(customer.x);
  });
  return { count, x, total, frequencies: [...countOf.keys()], frequencyCounts: [...countOf.values()], sumLogMean, sumXLogMean, sumXLogX };
}

/**
 * The log-likelihood of the customers' mean values and its gradient. The density of the mean
 * z̄ of x transactions is
 *
 *   Γ(px+q) / (Γ(px) Γ(q)) · γ^q · z̄^(px−1) · x^(px) / (γ + x z̄)^(px+q)
 */
function preparedLogLikelihood(params: GammaGammaParams, data: PreparedSpend): { value: number; gradient: GammaGammaParams } {
  const { p, q, gamma } = params;
  const { count, x, total } = data;
  const logGammaParam = Math.log(gamma);
  let value = count * (q * logGammaParam - logGamma(q)) + p * (data.sumXLogMean + data.sumXLogX) - data.sumLogMean;
  let dP = data.sumXLogMean + data.sumXLogX;
  let dQ = count * (logGammaParam - digamma(q));
  data.frequencies.forEach((frequency, f) => {
    const n = data.frequencyCounts[f]!;
    const px = p * frequency;
    const digammaPXQ = digamma(px + q);
    value += n * (logGamma(px + q) - logGamma(px));
    dP += n * frequency * (digammaPXQ - digamma(px));
    dQ += n * digammaPXQ;
  });
  // Σ ln(γ + x z̄), Σ x ln(γ + x z̄), Σ 1/(γ + x z̄) and Σ x/(γ + x z̄).
  let sumLog = 0;
  let sumXLog = 0;
  let sumInverse = 0;
  let sumXInverse = 0;
  for (let i = 0; i < count; i++) {
    const logTotal = Math.log(gamma + total[i]!);
    const inverse = 1 / (gamma + total[i]!);
    sumLog += logTotal;
    sumXLog += x[i]! * logTotal;
    sumInverse += inverse;
    sumXInverse += x[i]! * inverse;
  }
  value -= p * sumXLog + q * sumLog;
  dP -= sumXLog;
  dQ -= sumLog;
  const dGamma = (count * q) / gamma - p * sumXInverse - q * sumInverse;
  return { value, gradient: { p: dP, q: dQ, gamma: dGamma } };
}

/** The log-likelihood of the customers' mean values (every customer given must have x ≥ 1 and z̄ > 0) and its gradient. */
export function gammaGammaLogLikelihoodWithGradient(params: GammaGammaParams, customers: readonly SpendHistory[]): { value: number; gradient: GammaGammaParams } {
  return preparedLogLikelihood(params, prepareSpend(customers));
}

/**
 * Fits p, q and γ on the customers with at least one repeat purchase (others are skipped).
 * meanValue may be in any currency unit; γ comes out in that unit. Throws a RangeError when
 * fewer than two customers are usable.
 */
export function fitGammaGamma(customers: readonly SpendHistory[]): GammaGammaFit {
  const data = customers.filter(usable);
  if (data.length < 2) throw new RangeError('customers: the Gamma-Gamma fit needs at least two customers with repeat purchases of positive value');
  const mean = data.reduce((sum, c) => sum + c.meanValue, 0) / data.length;
  // With p = 1 and q = 2 the expected spend p γ / (q − 1) is γ: start it at the observed mean.
  const prepared = prepareSpend(data);
  const fit = fitPositiveParameters((values) => {
    const { value, gradient } = preparedLogLikelihood(toParams(values), prepared);
    return { value, gradient: [gradient.p, gradient.q, gradient.gamma] };
  }, [1, 2, mean], data.length);
  return {
    params: toParams(fit.values),
    standardErrors: toParams(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    converged: fit.converged,
    customers: data.length,
  };
}

/**
 * E[Z | x, z̄], the expected value of a customer's future transactions: a weighted mean of the
 * population mean p γ / (q − 1) and the customer's own mean, the weight on their own mean
 * growing with x. With x = 0 it is the population mean. Infinite when q ≤ 1 and x = 0.
 */
export function conditionalExpectedValue(params: GammaGammaParams, { x, meanValue }: SpendHistory): number {
  const { p, q, gamma } = params;
  if (x === 0) return q > 1 ? (p * gamma) / (q - 1) : Infinity;
  return (p * (gamma + x * meanValue)) / (p * x + q - 1);
}

export interface FrequencyMonetaryCheck {
  /** Pearson correlation of x and mean value over the customers with repeat purchases. */
  correlation: number;
  customers: number;
  /** True when |correlation| exceeds 0.3: spend then depends on frequency and the model's premise is doubtful. */
  stronglyCorrelated: boolean;
}

const STRONG_CORRELATION = 0.3;

/** The check the Gamma-Gamma model asks for: frequency and spend per purchase should be nearly uncorrelated. */
export function frequencyMonetaryCorrelation(customers: readonly SpendHistory[]): FrequencyMonetaryCheck {
  const data = customers.filter(usable);
  const correlation = pearsonCorrelation(data.map((c) => c.x), data.map((c) => c.meanValue));
  return { correlation, customers: data.length, stronglyCorrelated: Math.abs(correlation) > STRONG_CORRELATION };
}
