// Purchase histories drawn from the BG/NBD and Gamma-Gamma models themselves, shaped as the
// store returns them (one entry per account and purchase day), for the lifetime-value benchmark.
import { seededRandom } from '../src/analytics/clv/random.js';
import type { BgnbdParams } from '../src/analytics/clv/bgnbd-likelihood.js';
import type { GammaGammaParams } from '../src/analytics/clv/gamma-gamma.js';
import { dayFromNumber, dayNumber } from '../src/analytics/portfolio/calendar.js';
import type { PurchaseDay, PurchaseHistory } from '../src/domain/portfolio/facts.js';
import { cents } from '../src/domain/money.js';

export interface SimulatedPortfolio {
  histories: PurchaseHistory[];
  asOf: string;
  orders: number;
}

/**
 * Customers acquired uniformly over the year after `start`, each buying at rate λ ~ Gamma(r, α)
 * per day and dropping out after a purchase with probability p ~ Beta(a, b), observed until
 * two years after `start`; each purchase is worth Gamma(p, ν) cents with ν ~ Gamma(q, γ).
 */
export function simulateHistories(customers: number, seed: number, bgnbd: BgnbdParams, spend: GammaGammaParams, start = '2024-01-01'): SimulatedPortfolio {
  const random = seededRandom(seed);
  const first = dayNumber(start);
  const end = first + 730;
  const histories: PurchaseHistory[] = new Array(customers);
  let orders = 0;
  for (let id = 1; id <= customers; id++) {
    const birth = first + Math.floor(random.uniform() * 365);
    const lambda = random.gamma(bgnbd.r, bgnbd.alpha);
    const dropout = random.beta(bgnbd.a, bgnbd.b);
    const nu = random.gamma(spend.q, spend.gamma);
    const value = () => cents(Math.round(random.gamma(spend.p, nu)));
    const days: PurchaseDay[] = [{ day: dayFromNumber(birth), orders: 1, revenue: value() }];
    let t = birth;
    for (;;) {
      t += random.exponential(lambda);
      const day = Math.floor(t);
      if (day > end) break;
      const last = days[days.length - 1]!;
      const text = dayFromNumber(day);
      if (text === last.day) days[days.length - 1] = { day: text, orders: last.orders + 1, revenue: cents(last.revenue + value()) };
      else days.push({ day: text, orders: 1, revenue: value() });
      if (random.uniform() < dropout) break;
    }
    for (const d of days) orders += d.orders;
    histories[id - 1] = { accountId: id, days };
  }
  return { histories, asOf: dayFromNumber(end), orders };
}
