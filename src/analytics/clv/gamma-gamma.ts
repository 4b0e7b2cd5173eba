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
 * The log-likelihood of the customers' mean values and its gradient. The density of the mean
 * z̄ of x transactions is
 *
 *   Γ(px+q) / (Γ(px) Γ(q)) · γ^q · z̄^(px−1) · x^(px) / (γ + x z̄)^(px+q)
 */
export function gammaGammaLogLikelihoodWithGradient(params: GammaGammaParams, customers: readonly SpendHistory[]): { value: number; gradient: GammaGammaParams } {
  const { p, q, gamma } = params;
  const logGammaQ = logGamma(q);
  const digammaQ = digamma(q);
  const logGammaParam = Math.log(gamma);
  let value = 0;
  let dP = 0;
  let dQ = 0;
  let dGamma = 0;
  for (const { x, meanValue } of customers) {
    const px = p * x;
    const logMean = Math.log(meanValue);
    const logX = Math.log(x);
    const logTotal = Math.log(gamma + x * meanValue);
    const digammaPXQ = digamma(px + q);
    value += logGamma(px + q) - logGamma(px) - logGammaQ + q * logGammaParam + (px - 1) * logMean + px * logX - (px + q) * logTotal;
    dP += x * (digammaPXQ - digamma(px) + logMean + logX - logTotal);
    dQ += digammaPXQ - digammaQ + logGammaParam - logTotal;
    dGamma += q / gamma - (px + q) / (gamma + x * meanValue);
  }
  return { value, gradient: { p: dP, q: dQ, gamma: dGamma } };
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
  const fit = fitPositiveParameters((values) => {
    const { value, gradient } = gammaGammaLogLikelihoodWithGradient(toParams(values), data);
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
