// What a fitted BG/NBD model says about customers (Fader, Hardie & Lee 2005, equations 9 and
// 10; Fader, Hardie & Lee 2008, "Computing P(alive) Using the BG/NBD Model"). Times are in the
// unit the model was fitted in.
//
// Given a history (x, tx, T), a customer still alive has λ ~ Gamma(r + x, α + T) and
// p ~ Beta(a, b + x): from now on they behave like a new customer with those parameters. So the
// conditional expectation is P(alive) times the new-customer expectation under the updated
// parameters, which is how it is computed here.

import type { BgnbdParams } from './bgnbd-likelihood.js';
import { compressTriples, type RfmTriple, type WeightedTriple } from './rfm-triples.js';
import { integrate } from './quadrature.js';
import { hyp2f1MinusOneOverB } from './special-functions.js';

/** The parameters describing a customer with this history, should they still be alive. */
export function posteriorParams(params: BgnbdParams, { x, T }: RfmTriple): BgnbdParams {
  return { r: params.r + x, alpha: params.alpha + T, a: params.a, b: params.b + x };
}

/**
 * P(alive at T | x, tx, T). A customer with no repeat purchase is alive for
 * certain: in the BG/NBD model customers can only drop out right after a repeat purchase.
 */
export function probabilityAlive(params: BgnbdParams, { x, tx, T }: RfmTriple): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds = Math.log(a / (b + x - 1)) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

/**
 * E[X(t)], the expected number of repeat purchases in the first t units after a first
 * purchase (equation 9):
 *
 *   (a+b−1)/(a−1) · [1 − (α/(α+t))ʳ · ₂F₁(r, b; a+b−1; t/(α+t))]
 *
 * Euler's transformation turns (α/(α+t))ʳ ₂F₁(r, b; a+b−1; z) into
 * (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b−1; z): the series parameters no longer grow with r (which
 * is r + x for a conditional expectation), and the division by a − 1 can be done exactly, so
 * a = 1 is no special case. The series converges slowly when t is many times α.
 */
export function expectedPurchases(params: BgnbdParams, t: number): number {
  if (t <= 0) return 0;
  if (params.a > CONCENTRATED_DROPOUT) return expectedPurchasesByQuadrature(params, t);
  const { r, alpha, a, b } = params;
  const logOneMinusZ = -Math.log1p(t / alpha);
  const z = t / (alpha + t);
  const aMinusOne = a - 1;
  // [1 − (1−z)^(a−1)] / (a − 1), which tends to −ln(1−z) as a → 1.
  const head = aMinusOne === 0 ? -logOneMinusZ : -Math.expm1(aMinusOne * logOneMinusZ) / aMinusOne;
  const tail = Math.exp(aMinusOne * logOneMinusZ) * hyp2f1MinusOneOverB(a + b - 1 - r, aMinusOne, a + b - 1, z);
  return (a + b - 1) * (head - tail);
}

/**
 * Above this a the series loses its accuracy (the head and tail cancel) and then its sense
 * (terms overflow), and needs on the order of a·z/(1 − z) terms; such a is what a fit finds when
 * every customer has nearly the same dropout probability, letting a and b grow without bound.
 * Beta(a, b) is then narrow enough to integrate over directly.
 */
const CONCENTRATED_DROPOUT = 100;

/**
 * E[X(t)] as the mean over p ~ Beta(a, b) of the expectation given p, (1 − (α/(α + p t))^r) / p,
 * by Gauss–Legendre quadrature over p's mean ± 12 standard deviations. Dividing by the integral
 * of the density on the same nodes cancels both the truncation of the interval and the
 * normalising constant. When b < 1 the density is unbounded at p = 1, so the integral is taken
 * over v = (1 − p)^b, where it is bounded: (1 − p)^(b−1) dp = dv / b.
 */
function expectedPurchasesByQuadrature({ r, alpha, a, b }: BgnbdParams, t: number): number {
  const mean = a / (a + b);
  const sd = Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1)));
  const lo = Math.max(0, mean - 12 * sd);
  const hi = Math.min(1, mean + 12 * sd);
  const givenP = (p: number) => -Math.expm1(-r * Math.log1p((p * t) / alpha)) / p;
  if (b < 1) {
    const p = (v: number) => 1 - v ** (1 / b);
    // The density in v, p^(a−1), is largest at v = 0 (p = 1) and below e^−50 of that beyond `top`.
    const density = (v: number) => Math.exp((a - 1) * Math.log(p(v)));
    const top = (-Math.expm1(-50 / (a - 1))) ** b;
    return integrate((v) => density(v) * givenP(p(v)), 0, top) / integrate(density, 0, top);
  }
  // The log-density up to a constant, shifted to 0 at the mode so exp() cannot underflow there.
  const logDensity = (p: number) => (a - 1) * Math.log(p) + (b - 1) * Math.log1p(-p);
  const shift = logDensity(Math.min(hi, Math.max(lo, (a - 1) / (a + b - 2))));
  const density = (p: number) => (p > 0 && p < 1 ? Math.exp(logDensity(p) - shift) : 0);
  return integrate((p) => density(p) * givenP(p), lo, hi) / integrate(density, lo, hi);
}

/** E[Y(t) | x, tx, T], the expected number of purchases in the next t units (equation 10). */
export function conditionalExpectedPurchases(params: BgnbdParams, triple: RfmTriple, t: number): number {
  return probabilityAlive(params, triple) * expectedPurchases(posteriorParams(params, triple), t);
}

/**
 * The probability of at least one purchase in the next t units: the customer must be alive,
 * and an alive customer's waiting time W has P(W > t) = ((α+T)/(α+T+t))^(r+x).
 */
export function probabilityOfPurchaseWithin(params: BgnbdParams, triple: RfmTriple, t: number): number {
  const { r, alpha } = posteriorParams(params, triple);
  return -probabilityAlive(params, triple) * Math.expm1(-r * Math.log1p(t / alpha));
}

/**
 * The q-quantile of the time until the next purchase, for a customer who is still alive.
 * Dropping out only happens after a purchase, so an alive customer's next purchase comes for
 * sure, after a wait that is exponential given λ and Lomax (Pareto II) with shape r + x and
 * scale α + T overall.
 */
export function nextPurchaseQuantile(params: BgnbdParams, triple: RfmTriple, q: number): number {
  const { r, alpha } = posteriorParams(params, triple);
  return alpha * Math.expm1(-Math.log1p(-q) / r);
}

/**
 * The expected time until the next purchase, reported as the median wait given the customer is
 * still alive. The mean wait, (α+T)/(r+x−1), is infinite whenever r + x ≤ 1, as it is for most
 * customers without repeat purchases, so the median is the usable figure; weigh it with
 * probabilityAlive, or use probabilityOfPurchaseWithin, to account for customers who have left.
 */
export function expectedNextPurchaseIn(params: BgnbdParams, triple: RfmTriple): number {
  return nextPurchaseQuantile(params, triple, 0.5);
}

/** The portfolio's expected number of purchases in the next t units: the sum of the conditional expectations. */
export function portfolioDemand(params: BgnbdParams, triples: readonly (RfmTriple | WeightedTriple)[], t: number): number {
  let total = 0;
  for (const triple of compressTriples(triples)) total += triple.weight * conditionalExpectedPurchases(params, triple, t);
  return total;
}
