// Customers drawn from the BG/NBD model itself, to check that fitting recovers the parameters
// that generated them.

import type { BgnbdParams } from './bgnbd-likelihood.js';
import { seededRandom } from './random.js';
import type { RfmTriple } from './rfm-triples.js';

export interface SimulationOptions {
  customers: number;
  seed: number;
  /** Length of the observation period; every customer is observed until its end. */
  periodLength: number;
  /** First purchases fall uniformly on the grid within [0, cohortLength). */
  cohortLength: number;
  /**
   * Times are rounded to this grid (1/7 for whole days in weeks), as recorded dates are; it
   * also makes many histories identical, which keeps fitting fast.
   */
  resolution: number;
}

/**
 * Each customer draws λ ~ Gamma(r, α) and p ~ Beta(a, b), buys at the times of a Poisson process
 * with rate λ from the first purchase, and after each repeat purchase drops out with probability p.
 */
export function simulateBgnbd(params: BgnbdParams, options: SimulationOptions): RfmTriple[] {
  const { customers, seed, periodLength, cohortLength, resolution } = options;
  const random = seededRandom(seed);
  const snap = (t: number) => Math.round(t / resolution) * resolution;
  const birthSlots = Math.max(1, Math.round(cohortLength / resolution));
  const triples: RfmTriple[] = [];
  for (let i = 0; i < customers; i++) {
    const birth = Math.floor(random.uniform() * birthSlots) * resolution;
    const T = snap(periodLength - birth);
    const lambda = random.gamma(params.r, params.alpha);
    const p = random.beta(params.a, params.b);
    let x = 0;
    let last = 0;
    for (let t = random.exponential(lambda); t <= T; t += random.exponential(lambda)) {
      x++;
      last = t;
      if (random.uniform() < p) break;
    }
    triples.push({ x, tx: x === 0 ? 0 : Math.min(snap(last), T), T });
  }
  return triples;
}
