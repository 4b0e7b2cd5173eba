// Lifetime value for a whole portfolio in one call: purchase histories in, the fitted model,
// each account's outlook and the portfolio's totals out. Pure: no store, no clock, no IO; the
// services run it in a worker thread.
//
// How the pieces read a history (whole UTC days, as of `asOf` inclusive):
//   - same-day orders are one purchase day (the store already merges them);
//   - the first purchase day starts the customer's clock; x counts the later purchase days,
//     t_x is the time from the first to the last of them and T the time from the first to asOf;
//   - the Gamma-Gamma model reads the mean value of the repeat purchase days only (the first
//     purchase left out), as Fader, Hardie & Lee do; a customer without a repeat purchase is
//     expected to spend the population mean;
//   - accounts without a purchase on or before asOf are left out, and later days are ignored.

import type { PurchaseHistory } from '../../domain/portfolio/facts.js';
import { type ClvModel, fitClvModel } from './clv-model.js';
import { type CustomerHistories, distinctTriples, requireDay, summarizeHistories } from './customer-histories.js';
import { type AccountPrediction, type HorizonSettings, type PortfolioTotals, scoreCustomers } from './score-customers.js';
import { TIME_UNITS, type TimeUnit } from './time-unit.js';

export type { AccountPrediction, PortfolioTotals } from './score-customers.js';
export type { ClvModel } from './clv-model.js';

export interface PredictionSettings extends HorizonSettings {
  /** The day to look from (YYYY-MM-DD, inclusive). */
  asOf: string;
  /** The unit the model is fitted in; predictions do not depend on it, α and waits are in it. */
  unit: TimeUnit;
}

export interface PortfolioPredictionInput extends PredictionSettings {
  /** Every account's purchase days, in day order (as store.purchaseHistories.list() returns them). */
  histories: readonly PurchaseHistory[];
  /** A model fitted earlier, in the same unit, to score with instead of fitting again. */
  model?: ClvModel;
}

export interface PortfolioPrediction {
  model: ClvModel;
  settings: PredictionSettings;
  /** One per account with a purchase on or before asOf, in the order of the histories. */
  accounts: AccountPrediction[];
  portfolio: PortfolioTotals;
}

function checkSettings({ asOf, unit }: PredictionSettings, model?: ClvModel): void {
  requireDay(asOf, 'asOf');
  if (!TIME_UNITS.includes(unit)) throw new RangeError(`unit must be one of ${TIME_UNITS.join(', ')}, got "${unit}"`);
  if (model && model.unit !== unit) throw new RangeError(`unit ${unit} differs from the unit of the model given (${model.unit})`);
}

/**
 * Fits BG/NBD and Gamma-Gamma on the histories as of `asOf` (unless a model is given) and
 * predicts every account's P(alive), purchases over the horizon, next purchase, value per
 * purchase and CLV. Throws a RangeError naming the problem when a setting is unusable or the
 * histories are too thin to fit (no repeat purchase at all, fewer than two repeat buyers).
 *
 *   const { model, accounts, portfolio } = predictPortfolio({
 *     histories: await store.purchaseHistories.list(), asOf: '2026-06-30', unit: 'weeks',
 *     horizonMonths: 12, discountRatePerYear: 0.1,
 *   });
 *   // accounts[i].pAlive, accounts[i].clv (cents), portfolio.totalClv (cents)
 */
export function predictPortfolio(input: PortfolioPredictionInput): PortfolioPrediction {
  const settings: PredictionSettings = {
    asOf: input.asOf, unit: input.unit, horizonMonths: input.horizonMonths, discountRatePerYear: input.discountRatePerYear,
  };
  checkSettings(settings, input.model);
  const customers = summarizeHistories(input.histories, settings.asOf, settings.unit);
  const distinct = distinctTriples(customers);
  const model = input.model ?? fitClvModel(customers, distinct);
  const { accounts, portfolio } = scoreCustomers(model, customers, settings, distinct);
  return { model, settings, accounts, portfolio };
}

/**
 * The same from customers already summarised (summarizeColumnHistories), with each account's
 * P(alive) and CLV as columns in the customers' order rather than one object per account.
 */
export function predictCustomers(customers: CustomerHistories, settings: PredictionSettings):
  Omit<PortfolioPrediction, 'accounts'> & { pAlive: Float64Array; clv: Float64Array } {
  checkSettings(settings);
  const distinct = distinctTriples(customers);
  const model = fitClvModel(customers, distinct);
  const { accounts, portfolio } = scoreCustomers(model, customers, settings, distinct);
  return {
    model, settings, portfolio,
    pAlive: Float64Array.from(accounts, (a) => a.pAlive), clv: Float64Array.from(accounts, (a) => a.clv),
  };
}

/**
 * One account's prediction from a model fitted earlier (the API's account view); undefined
 * when the account has no purchase on or before asOf.
 */
export function predictAccount(model: ClvModel, history: PurchaseHistory, settings: PredictionSettings): AccountPrediction | undefined {
  checkSettings(settings, model);
  const customers = summarizeHistories([history], settings.asOf, settings.unit);
  return scoreCustomers(model, customers, settings).accounts[0];
}
