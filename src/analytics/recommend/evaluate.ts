// Does cross-sell beat the obvious? A time split: learn from the lines before a cut-off, then
// for each account that already bought before it and bought something new after it, compare
// the top k suggestions with what it actually went on to buy, and do the same for the most
// popular products it did not have yet (the baseline every recommender must beat).
// Accounts with no purchase before the cut-off are left out: cross-sell is for existing
// customers, and with no history both lists would be the same popular products.
import { ClienteleError } from '../../domain/errors.js';
import { buildBaskets } from './baskets.js';
import { learnCoPurchases } from './co-purchases.js';
import type { RecommendSettings } from './settings.js';
import { suggestProducts } from './suggest-products.js';
import type { OrderLineFact, ProductId } from './types.js';

export interface EvaluationOptions {
  /** Lines before this date or timestamp train, the others test. */
  cutoff: string;
  /** Length of the lists compared (5 by default). */
  k?: number;
  /** Only these products may be suggested, by either method. */
  sellable?: ReadonlySet<ProductId>;
}

export interface RankingScore {
  /** Mean over the accounts of (suggested and then bought) / k. */
  precisionAtK: number;
  /** Mean over the accounts of (suggested and then bought) / (new products bought). */
  recallAtK: number;
  /** Suggestions that were then bought, over all accounts. */
  hits: number;
}

export interface Evaluation {
  cutoff: string;
  k: number;
  trainAccounts: number;
  /** Accounts evaluated: bought before the cut-off and something new after it. */
  accounts: number;
  recommender: RankingScore;
  baseline: RankingScore;
}

export function evaluateRecommender(lines: readonly OrderLineFact[], settings: RecommendSettings, options: EvaluationOptions): Evaluation {
  const k = options.k ?? 5;
  const cutoff = Date.parse(options.cutoff);
  if (Number.isNaN(cutoff)) throw new ClienteleError('invalid', `cutoff is not a date: ${options.cutoff}`, 'cutoff');
  if (!Number.isInteger(k) || k < 1) throw new ClienteleError('invalid', `k must be a whole number from 1, not ${k}`, 'k');
  const train: OrderLineFact[] = [];
  const test: OrderLineFact[] = [];
  for (const line of lines) (Date.parse(line.orderedAt) < cutoff ? train : test).push(line);

  const model = learnCoPurchases(buildBaskets(train), settings);
  const later = buildBaskets(test);
  const trainIds = model.baskets.productIds;
  const sellable = (id: ProductId) => !options.sellable || options.sellable.has(id);

  const scores = { recommender: { precision: 0, recall: 0, hits: 0 }, baseline: { precision: 0, recall: 0, hits: 0 } };
  let accounts = 0;
  later.accountIds.forEach((accountId, at) => {
    const position = model.basketOf.get(accountId);
    if (position === undefined) return;
    const owned = new Set(model.baskets.baskets[position]!.map((p) => trainIds[p]!));
    const bought = new Set(later.baskets[at]!.map((p) => later.productIds[p]!).filter((id) => !owned.has(id)));
    if (bought.size === 0) return;
    accounts++;

    const suggested = suggestProducts(model, accountId, { limit: k, sellable: options.sellable }).map((s) => s.productId);
    const popular: ProductId[] = [];
    for (const p of model.popularity) {
      if (popular.length === k) break;
      const id = trainIds[p]!;
      if (!owned.has(id) && sellable(id)) popular.push(id);
    }
    for (const [list, score] of [[suggested, scores.recommender], [popular, scores.baseline]] as const) {
      const hits = list.filter((id) => bought.has(id)).length;
      score.hits += hits;
      score.precision += hits / k;
      score.recall += hits / bought.size;
    }
  });

  const mean = (score: { precision: number; recall: number; hits: number }): RankingScore => ({
    precisionAtK: accounts === 0 ? 0 : score.precision / accounts,
    recallAtK: accounts === 0 ? 0 : score.recall / accounts,
    hits: score.hits,
  });
  return {
    cutoff: options.cutoff,
    k,
    trainAccounts: model.baskets.accountIds.length,
    accounts,
    recommender: mean(scores.recommender),
    baseline: mean(scores.baseline),
  };
}
