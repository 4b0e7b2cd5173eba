// What the API and the CLI show of a prediction: amounts as decimal strings like every amount
// Clientele shows, the rest as the models give it.
import type { AccountPrediction, PortfolioTotals } from '../../analytics/clv/predict-portfolio.js';
import { formatMoney } from '../../domain/money.js';

export function accountPredictionView(prediction: AccountPrediction) {
  const { accountId: _, expectedAverageValue, clv, ...figures } = prediction;
  return { ...figures, expectedAverageValue: formatMoney(expectedAverageValue), clv: formatMoney(clv) };
}

export type AccountPredictionView = ReturnType<typeof accountPredictionView>;

export const portfolioView = (totals: PortfolioTotals) => ({ ...totals, totalClv: formatMoney(totals.totalClv) });
