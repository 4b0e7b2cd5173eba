// Lifetime value, for the API and the command line alike: read the purchase histories the actor
// may see, fit and predict in a worker thread, and show the result. Anyone signed in may ask;
// a rep limited to their portfolio gets a model fitted on their own accounts.
import { predictAccount, type PortfolioPrediction } from '../../analytics/clv/predict-portfolio.js';
import { ClienteleError } from '../../domain/errors.js';
import { CLV_DEFAULTS, type ClvQuery, type HoldoutQuery } from '../../domain/schemas/clv.js';
import { type Context, requireVisibleAccount, scopeOf } from '../context.js';
import type { ClvFits } from './clv-fits.js';
import { asClienteleError, CLV_UNIT_OF, predictionSettings, settingsView, TIME_UNIT_OF } from './clv-settings.js';
import { requireDay } from '../../domain/date-range.js';
import { accountPredictionView, modelView, portfolioView } from './clv-views.js';
import { inCurrency } from '../currency.js';
import { runInWorker } from './run-in-worker.js';

async function inWorker<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asClienteleError(error);
  }
}

/** Every account's prediction, fitted now: what `clientele predict` prints. */
export async function predictLifetimeValues(ctx: Context, query: ClvQuery, now = new Date()): Promise<PortfolioPrediction> {
  const settings = predictionSettings(query, now);
  const histories = await ctx.store.purchaseHistories.list(undefined, await scopeOf(ctx));
  return inWorker(runInWorker('predict', { histories, ...settings }));
}

/** The model and the portfolio's totals, from the cached fit. */
export async function portfolioLifetimeValue(ctx: Context, fits: ClvFits, query: ClvQuery, now = new Date()) {
  const settings = predictionSettings(query, now);
  const { fit, totals } = await inWorker(fits.totals(settings, await scopeOf(ctx)));
  return inCurrency(ctx.store, { settings: settingsView(settings), fittedAt: fit.fittedAt, model: modelView(fit.model), portfolio: portfolioView(totals) });
}

/** One account's outlook from the cached fit and its purchases as they are now. */
export async function accountLifetimeValue(ctx: Context, fits: ClvFits, accountId: number, query: ClvQuery, now = new Date()) {
  await requireVisibleAccount(ctx, accountId, 'id');
  const settings = predictionSettings(query, now);
  const fit = await inWorker(fits.fit(settings, await scopeOf(ctx)));
  const prediction = predictAccount(fit.model, await ctx.store.purchaseHistories.get(accountId), settings);
  return inCurrency(ctx.store, {
    accountId,
    settings: settingsView(settings),
    fittedAt: fit.fittedAt,
    prediction: prediction ? accountPredictionView(prediction) : null,
    reason: prediction ? null : `Account ${accountId} has no purchase on or before ${settings.asOf}.`,
  });
}

/** Fit on the calibration period, compare with the hold-out period: the data of the validation charts. */
export async function lifetimeValueHoldout(ctx: Context, query: HoldoutQuery) {
  const calibrationEnd = requireDay(query.calibrationEnd, 'calibrationEnd');
  const end = requireDay(query.end, 'end');
  if (end <= calibrationEnd) throw new ClienteleError('bad_request', `end (${end}) must be after calibrationEnd (${calibrationEnd}).`, 'end');
  const histories = await ctx.store.purchaseHistories.list(undefined, await scopeOf(ctx));
  const report = await inWorker(runInWorker('holdout', { histories, calibrationEnd, end, unit: TIME_UNIT_OF[query.unit ?? CLV_DEFAULTS.unit] }));
  return { ...report, unit: CLV_UNIT_OF[report.unit] };
}
