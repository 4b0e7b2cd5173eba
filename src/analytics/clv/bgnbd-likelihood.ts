// The BG/NBD likelihood (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
// equation 6). While alive a customer buys at rate λ ~ Gamma(r, α); after each repeat purchase
// they drop out with probability p ~ Beta(a, b). For a customer with history (x, tx, T):
//
//   L = Γ(r+x) αʳ / Γ(r) · [ B(a, b+x)/B(a, b) · (α+T)^−(r+x)
//                            + 1{x>0} · B(a+1, b+x−1)/B(a, b) · (α+tx)^−(r+x) ]
//
// Each part is computed as a logarithm and the two are joined with log-sum-exp, so no power or
// gamma function is ever formed on its own: large x or T cannot overflow.

import type { WeightedTriple } from './rfm-triples.js';
import { digamma, logBeta, logGamma } from './special-functions.js';

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgnbdLogLikelihood {
  value: number;
  /** Partial derivatives of `value` with respect to each parameter. */
  gradient: BgnbdParams;
}

/** Terms that depend on the parameters and x only, shared by every customer with that x. */
interface FrequencyTerms {
  logGammaRatio: number;
  logAliveWeight: number;
  logDeadWeight: number;
  digammaRX: number;
  digammaABX: number;
  digammaBX: number;
  digammaBX1: number;
}

/** The weighted log-likelihood of the triples and its gradient. */
export function bgnbdLogLikelihoodWithGradient(params: BgnbdParams, triples: readonly WeightedTriple[]): BgnbdLogLikelihood {
  const { r, alpha, a, b } = params;
  const logAlpha = Math.log(alpha);
  const logBetaAB = logBeta(a, b);
  const logGammaR = logGamma(r);
  const digammaR = digamma(r);
  const digammaAB = digamma(a + b);
  const digammaB = digamma(b);
  const byFrequency = new Map<number, FrequencyTerms>();
  const termsFor = (x: number): FrequencyTerms => {
    let terms = byFrequency.get(x);
    if (!terms) {
      terms = {
        logGammaRatio: logGamma(r + x) - logGammaR,
        logAliveWeight: logBeta(a, b + x) - logBetaAB,
        logDeadWeight: x > 0 ? logBeta(a + 1, b + x - 1) - logBetaAB : -Infinity,
        digammaRX: digamma(r + x),
        digammaABX: digamma(a + b + x),
        digammaBX: digamma(b + x),
        digammaBX1: x > 0 ? digamma(b + x - 1) : 0,
      };
      byFrequency.set(x, terms);
    }
    return terms;
  };

  let value = 0;
  let dR = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  for (const { x, tx, T, weight } of triples) {
    const terms = termsFor(x);
    const logAlphaT = Math.log(alpha + T);
    const logAlphaTx = Math.log(alpha + tx);
    // Still alive at T, or dropped out right after the last purchase at tx.
    const alive = terms.logAliveWeight - (r + x) * logAlphaT;
    const dead = terms.logDeadWeight - (r + x) * logAlphaTx;
    const max = Math.max(alive, dead);
    const logSum = max + Math.log(Math.exp(alive - max) + Math.exp(dead - max));
    const wAlive = Math.exp(alive - logSum);
    const wDead = Math.exp(dead - logSum);

    value += weight * (terms.logGammaRatio + r * logAlpha + logSum);
    dR += weight * (terms.digammaRX - digammaR + logAlpha - wAlive * logAlphaT - wDead * logAlphaTx);
    dAlpha += weight * (r / alpha - (r + x) * (wAlive / (alpha + T) + wDead / (alpha + tx)));
    dA += weight * (digammaAB - terms.digammaABX + wDead / a);
    dB += weight * (digammaAB - terms.digammaABX - digammaB + wAlive * terms.digammaBX + wDead * terms.digammaBX1);
  }
  return { value, gradient: { r: dR, alpha: dAlpha, a: dA, b: dB } };
}

/** The weighted log-likelihood of the triples. */
export function bgnbdLogLikelihood(params: BgnbdParams, triples: readonly WeightedTriple[]): number {
  return bgnbdLogLikelihoodWithGradient(params, triples).value;
}
