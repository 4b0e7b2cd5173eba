// What a fitted model says about each customer and about the whole portfolio over a horizon.
// What depends on the history alone (P(alive)) is computed once per distinct (x, t_x, T), and
// what depends on x and T only (purchases if still alive, the wait for the next purchase) once
// per distinct (x, T); only the value of a purchase is the customer's own.

import { nextPurchaseQuantile, posteriorParams, probabilityAlive } from './bgnbd-predictions.js';
import { checkHorizon, purchasesIfAlive } from './clv.js';
import type { ClvModel } from './clv-model.js';
import { type CustomerHistories, type DistinctTriples, distinctTriples } from './customer-histories.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { dayFromNumber, dayNumber } from '../portfolio/calendar.js';
import { cents, type Cents } from '../../domain/money.js';
import { DAYS_PER_UNIT } from './time-unit.js';

export interface HorizonSettings {
  /** Whole months ahead, 0 to 1200. */
  horizonMonths: number;
  /** Annual rate future purchases are discounted at: 0.1 for 10 %. */
  discountRatePerYear: number;
}

export interface AccountPrediction {
  accountId: number;
  /** The history the prediction reads, in the model's unit: repeat purchases, recency, age. */
  x: number;
  tx: number;
  T: number;
  /** The probability that the customer still buys from us (has not silently left). */
  pAlive: number;
  /** Purchases expected over the horizon (not discounted). */
  expectedPurchases: number;
  /** Median wait for the next purchase should the customer still be alive, in the model's unit. */
  expectedNextPurchaseIn: number;
  /** asOf plus that wait, or null when it lies more than a century ahead. */
  expectedNextPurchaseOn: string | null;
  /** Expected value of each future purchase, in cents. */
  expectedAverageValue: Cents;
  /** Discounted expected value of the purchases over the horizon, in cents. */
  clv: Cents;
}

export interface PortfolioTotals {
  customers: number;
  /** Purchases expected over the horizon across the portfolio (the demand). */
  expectedPurchases: number;
  /** Customers expected to be still alive (the sum of P(alive)). */
  expectedAliveCustomers: number;
  /** Sum of the accounts' CLV, in cents. */
  totalClv: Cents;
}

const CENTURY_DAYS = 36_525;

/** E[Z | x, z̄] with guards the formula lacks: negative means (returns) count as 0. */
function expectedValue({ p, q, gamma }: GammaGammaParams, populationMean: number, x: number, meanValue: number): number {
  if (x === 0) return populationMean;
  const denominator = p * x + q - 1;
  const mean = Math.max(0, meanValue);
  return denominator > 0 ? (p * (gamma + x * mean)) / denominator : mean;
}

/** Scores every customer; validates the horizon settings (RangeError naming the setting). */
export function scoreCustomers(
  model: ClvModel,
  customers: CustomerHistories,
  settings: HorizonSettings,
  distinct: DistinctTriples = distinctTriples(customers),
): { accounts: AccountPrediction[]; portfolio: PortfolioTotals } {
  checkHorizon(settings);
  if (settings.horizonMonths > 1200) throw new RangeError(`horizonMonths must be at most 1200 (a century), got ${settings.horizonMonths}`);
  if (customers.unit !== model.unit) throw new RangeError(`the customers are summarised in ${customers.unit} but the model was fitted in ${model.unit}`);
  const { unit } = model;
  const bgnbd = model.bgnbd.params;
  const gammaGamma = model.gammaGamma.params;
  const perUnit = DAYS_PER_UNIT[unit];
  const asOfDay = dayNumber(customers.asOf);
  const horizon = { horizonMonths: settings.horizonMonths, discountRatePerYear: settings.discountRatePerYear, unit };

  // What depends on the history alone, once per distinct (x, t_x, T); purchases if alive and
  // the wait depend on x and T only, so they are shared further by (x, T).
  const { prepared, tripleOf } = distinct;
  const m = prepared.weight.length;
  const span = prepared.times.length;
  const alive = new Float64Array(m);
  const discounted = new Float64Array(m);
  const undiscounted = new Float64Array(m);
  const wait = new Float64Array(m);
  const nextOn: (string | null)[] = new Array(m);
  const byAge = new Map<number, number>();
  for (let j = 0; j < m; j++) {
    const x = prepared.frequencies[prepared.frequencyIndex[j]!]!;
    const ageDays = prepared.ageIndex[j]!;
    const triple = { x, tx: prepared.times[prepared.recencyIndex[j]!]!, T: prepared.times[ageDays]! };
    alive[j] = probabilityAlive(bgnbd, triple);
    const key = x * span + ageDays;
    const first = byAge.get(key);
    if (first === undefined) {
      byAge.set(key, j);
      const purchases = purchasesIfAlive(horizon, posteriorParams(bgnbd, triple));
      discounted[j] = purchases.discounted;
      undiscounted[j] = purchases.undiscounted;
      wait[j] = nextPurchaseQuantile(bgnbd, triple, 0.5);
      const waitDays = wait[j]! * perUnit;
      nextOn[j] = waitDays <= CENTURY_DAYS ? dayFromNumber(asOfDay + Math.round(waitDays)) : null;
    } else {
      discounted[j] = discounted[first]!;
      undiscounted[j] = undiscounted[first]!;
      wait[j] = wait[first]!;
      nextOn[j] = nextOn[first]!;
    }
  }

  const { accountIds, x, meanValue } = customers;
  const populationMean = model.gammaGamma.populationMeanValue;
  const accounts: AccountPrediction[] = new Array(x.length);
  let expectedPurchases = 0;
  let expectedAliveCustomers = 0;
  let totalClv = 0;
  for (let i = 0; i < x.length; i++) {
    const j = tripleOf[i]!;
    const pAlive = alive[j]!;
    const value = expectedValue(gammaGamma, populationMean, x[i]!, meanValue[i]!);
    const clv = Math.round(pAlive * discounted[j]! * value);
    accounts[i] = {
      accountId: accountIds[i]!,
      x: x[i]!,
      tx: prepared.times[prepared.recencyIndex[j]!]!,
      T: prepared.times[prepared.ageIndex[j]!]!,
      pAlive,
      expectedPurchases: pAlive * undiscounted[j]!,
      expectedNextPurchaseIn: wait[j]!,
      expectedNextPurchaseOn: nextOn[j]!,
      expectedAverageValue: Math.round(value) as Cents,
      clv: clv as Cents,
    };
    expectedPurchases += pAlive * undiscounted[j]!;
    expectedAliveCustomers += pAlive;
    totalClv += clv;
  }
  return { accounts, portfolio: { customers: x.length, expectedPurchases, expectedAliveCustomers, totalClv: cents(totalClv) } };
}
