// What the API and the CLI show of a prediction: amounts as decimal strings like every amount
// Clientele shows, the rest as the models give it.
import type { ClvModel } from '../../analytics/clv/clv-model.js';
import type { AccountPrediction, PortfolioTotals } from '../../analytics/clv/predict-portfolio.js';
import { amount, formatMoney } from '../../domain/money.js';
import { CLV_UNIT_OF } from './clv-settings.js';

export function accountPredictionView(prediction: AccountPrediction) {
  const { accountId: _, expectedAverageValue, clv, ...figures } = prediction;
  return { ...figures, expectedAverageValue: formatMoney(expectedAverageValue), clv: formatMoney(clv) };
}

export type AccountPredictionView = ReturnType<typeof accountPredictionView>;

export const portfolioView = (totals: PortfolioTotals) => ({ ...totals, totalClv: formatMoney(totals.totalClv) });

const inUnits = (valueInCents: number | null) => (valueInCents === null ? null : valueInCents / 100);

/**
 * The fitted models as the API shows them: the spend model fits on cents, so its scale γ (and
 * its standard error) is given in the currency unit and its mean value per purchase as an amount.
 */
export function modelView(model: ClvModel) {
  const { gammaGamma } = model;
  return {
    ...model,
    unit: CLV_UNIT_OF[model.unit],
    gammaGamma: {
      ...gammaGamma,
      params: { ...gammaGamma.params, gamma: gammaGamma.params.gamma / 100 },
      standardErrors: { ...gammaGamma.standardErrors, gamma: inUnits(gammaGamma.standardErrors.gamma) },
      populationMeanValue: amount(gammaGamma.populationMeanValue),
    },
  };
}
